import type { CommitInfo } from "../dora/commit-graph.js";
import type { DeploymentEvent } from "../dora/compute.js";
import { tagMatcher } from "../dora/tag-pattern.js";
import type { DeploymentQuery, DeploymentRead, HistoryRequest, RepositoryView } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readBranchHead } from "./commit-files.js";
import { fetchDeployments } from "./fetch-deployments.js";
import { fetchHistory } from "./fetch-history.js";
import { fetchTouchingCommits } from "./fetch-touching-commits.js";
import { fetchMergeDeployments } from "./fetch-merges.js";
import { fetchReleaseDeployments } from "./fetch-releases.js";
import { fetchTagDeployments } from "./fetch-tags.js";
import { fetchWorkflowRunDeployments } from "./fetch-workflow-runs.js";
import { listIssuesWithLabel } from "./issues.js";
import { canBeAssigned } from "./check-assignee.js";
import { listIncidentIssues } from "./list-incidents.js";
import {
  countOpenDependabotAlertsByGraphql,
  listIncidentIssuesByGraphql,
  readBranchHeadByGraphql,
  readBranchProtectionByGraphql,
} from "./graphql-signals.js";
import { canWrite, readIssueHistory } from "./read-issue-history.js";
import { findComment } from "./find-comment.js";
import { readBranchAndPullRequest, readLatestPullRequest } from "./open-pull-request.js";
import { fetchCommitAuthors } from "./fetch-authors.js";
import { listTree } from "./list-tree.js";
import { listPullRequestFiles } from "./list-pull-request-files.js";
import { readConfigSources } from "./read-config.js";
import { readRepositoryContents } from "./read-contents.js";
import { tokenIdentity, type IdentityReader } from "./token-identity.js";
import { countOpenDependabotAlerts, readBranchProtection } from "./read-security.js";

/** Deployments from whichever source `dora.source` names, each read newest first back past `since`. */
async function readDeployments(client: GitHubClient, repo: RepoRef, query: DeploymentQuery): Promise<DeploymentRead> {
  if (query.source === "tags")
    return fetchTagDeployments(client, repo, await tagMatcher(query.tagPattern), query.since);
  return { deployments: await readOtherDeployments(client, repo, query), notes: [] };
}

function readOtherDeployments(client: GitHubClient, repo: RepoRef, query: DeploymentQuery): Promise<DeploymentEvent[]> {
  switch (query.source) {
    case "tags":
      throw new Error("tags are read by readDeployments");
    case "releases":
      return fetchReleaseDeployments(client, repo, query.since);
    case "merges":
      return fetchMergeDeployments(client, repo, query.branch, query.since);
    case "workflow-runs":
      if (!query.workflow)
        throw new Error(
          'dora.source "workflow-runs" needs dora.workflow: the deploying workflow\'s file name (e.g. deploy.yml) or id',
        );
      return fetchWorkflowRunDeployments(client, repo, query.workflow, query.branch, query.since);
    case "deployments":
      return fetchDeployments(client, repo, query.environment, query.since);
  }
}

/**
 * GitHub's history walks back by time: each tip's history is read back to `since`. A tip deployed
 * before `since` adds nothing, and a tip already reached by a newer one costs nothing (on one
 * line of history, every older tip is inside the newest one's history): one line costs its
 * history's pages, each further line its own.
 */
async function readHistory(client: GitHubClient, repo: RepoRef, request: HistoryRequest): Promise<CommitInfo[]> {
  const commits: CommitInfo[] = [];
  const seen = new Set<string>();
  for (const { sha: tip, time } of request.tips) {
    if (seen.has(tip) || time < request.since) continue;
    for (const commit of await fetchHistory(client, repo, tip, request.since)) {
      if (seen.has(commit.sha)) continue;
      seen.add(commit.sha);
      commits.push(commit);
    }
  }
  return commits;
}

/** A service's commits: those touching its paths, from each tip's history (as readHistory reads it). */
async function readTouchingCommits(
  client: GitHubClient,
  repo: RepoRef,
  request: HistoryRequest & { paths: readonly string[] },
): Promise<Set<string>> {
  const touching = new Set<string>();
  const seen = new Set<string>();
  for (const { sha: tip, time } of request.tips) {
    if (seen.has(tip) || time < request.since) continue;
    seen.add(tip);
    for (const sha of await fetchTouchingCommits(client, repo, tip, request.since, request.paths)) touching.add(sha);
  }
  return touching;
}

/** The repository view over GitHub's API, bound to one repository. */
export function githubRepositoryView(
  client: GitHubClient,
  repo: RepoRef,
  self: IdentityReader = tokenIdentity(client),
): RepositoryView {
  return {
    readContents: (ref, wanted) => readRepositoryContents(client, repo, ref, wanted),
    readConfigSources: (ref, path) => readConfigSources(client, repo, ref, path),
    listChangedFiles: (change) => {
      if (change.number === undefined)
        throw new Error("GitHub lists the changed files of a pull request: a pull request number is needed");
      return listPullRequestFiles(client, repo, change.number);
    },
    readHead: (branch) => readBranchHead(client, repo, branch),
    readDeployments: (query) => readDeployments(client, repo, query),
    readHistory: (request) => readHistory(client, repo, request),
    readTouchingCommits: (request) => readTouchingCommits(client, repo, request),
    listIncidentIssues: (label, since) => listIncidentIssues(client, repo, label, since),
    readIssueHistory: (number) => readIssueHistory(client, repo, number),
    canWrite: (login) => canWrite(client, repo, login),
    findComment: async (issueNumber, topic) => findComment(client, repo, issueNumber, topic, await self()),
    findOpenPullRequest: async (branch) => (await readBranchAndPullRequest(client, repo, branch)).pullRequest,
    findLatestPullRequest: (branch) => readLatestPullRequest(client, repo, branch),
    listTree: (ref) => listTree(client, repo, ref),
    readCommitAuthors: (branch, since, limit) => fetchCommitAuthors(client, repo, branch, since, limit),
    listBranches: async (prefix) =>
      (
        await client.paginate("GET /repos/{owner}/{repo}/git/matching-refs/{ref}", {
          ...repo,
          ref: `heads/${prefix}`,
          per_page: 100,
        })
      ).map((ref) => (ref as { ref: string }).ref.replace(/^refs\/heads\//, "")),
    readBranchProtection: (branch) => readBranchProtection(client, repo, branch),
    countOpenDependabotAlerts: () => countOpenDependabotAlerts(client, repo),
    listIssuesWithLabel: (label) => listIssuesWithLabel(client, repo, label),
    canBeAssigned: (login) => canBeAssigned(client, repo, login),
    identity: self,
  };
}

/**
 * The repository view the organisation scorecard gives each repository: the same reads, all
 * by GraphQL (branch head, protection, alerts and incident issues too), so that a client that
 * merges queries (`batchingClient`) reads many repositories per request.
 */
export function githubBatchedRepositoryView(client: GitHubClient, repo: RepoRef): RepositoryView {
  return {
    ...githubRepositoryView(client, repo),
    readHead: (branch) => readBranchHeadByGraphql(client, repo, branch),
    readBranchProtection: (branch) => readBranchProtectionByGraphql(client, repo, branch),
    countOpenDependabotAlerts: () => countOpenDependabotAlertsByGraphql(client, repo),
    listIncidentIssues: (label, since) => listIncidentIssuesByGraphql(client, repo, label, since),
  };
}
