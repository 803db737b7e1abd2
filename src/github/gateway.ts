import { createCheckRun, findCheckRun, type CheckRunPlan, type ExistingCheckRun } from "./check-runs.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { listPullRequestFiles, type ChangedFile } from "./list-pull-request-files.js";
import { readConfigSources, type ConfigSources } from "./read-config.js";
import { readRepositoryContents, type RepositoryContents } from "./read-contents.js";
import { upsertComment, type UpsertResult } from "./upsert-comment.js";
import { commitFiles, readBranchHead, type BranchHead } from "./commit-files.js";
import { fetchDeployments } from "./fetch-deployments.js";
import { fetchHistory } from "./fetch-history.js";
import { fetchWorkflowRunDeployments } from "./fetch-workflow-runs.js";
import { fetchMergeDeployments, fetchReleaseDeployments, fetchTagDeployments } from "./fetch-release-events.js";
import { listIncidentIssues } from "./list-incidents.js";
import { countOpenDependabotAlerts, readBranchProtection } from "./read-security.js";
import { createBranch, createPullRequest, readBranchAndPullRequest, type BranchAndPullRequest } from "./open-pull-request.js";
import type { CommitInfo } from "../dora/change-sets.js";
import type { DeploymentEvent, IncidentEvent } from "../dora/compute.js";

/**
 * The one door to GitHub that use cases see. It is bound to one repository; every method is
 * one typed operation, paginated and batched here so use cases never think about it.
 */
export interface GitHubGateway {
  readonly repo: RepoRef;
  listPullRequestFiles(pullNumber: number): Promise<ChangedFile[]>;
  readContents(ref: string, wanted: { files?: readonly string[]; directories?: readonly string[] }): Promise<RepositoryContents>;
  readConfigSources(ref: string, path: string): Promise<ConfigSources>;
  findCheckRun(sha: string, name: string): Promise<ExistingCheckRun | undefined>;
  createCheckRun(plan: CheckRunPlan): Promise<number>;
  /** One comment per issue or PR per topic, found by a hidden marker and edited in place. */
  upsertComment(issueNumber: number, topic: string, body: string, options?: { createIfMissing?: boolean }): Promise<UpsertResult>;
  /** Deployments of an environment with their statuses, newest first, back past `since`. */
  fetchDeployments(environment: string, since: number): Promise<DeploymentEvent[]>;
  fetchReleaseDeployments(since: number): Promise<DeploymentEvent[]>;
  fetchTagDeployments(pattern: string, since: number): Promise<DeploymentEvent[]>;
  fetchMergeDeployments(baseBranch: string, since: number): Promise<DeploymentEvent[]>;
  fetchWorkflowRunDeployments(workflow: string, branch: string, since: number): Promise<DeploymentEvent[]>;
  /** Commit history of `tip` back to `since`, newest first. */
  fetchHistory(tip: string, since: number): Promise<CommitInfo[]>;
  listIncidentIssues(label: string, since: number): Promise<IncidentEvent[]>;
  readBranchHead(branch: string): Promise<BranchHead>;
  readBranchAndPullRequest(branch: string): Promise<BranchAndPullRequest>;
  /** Undefined when the token may not read it. */
  readBranchProtection(branch: string): Promise<boolean | undefined>;
  /** Undefined when the token may not read them. */
  countOpenDependabotAlerts(): Promise<number | undefined>;
  createBranch(branch: string, sha: string): Promise<void>;
  createPullRequest(repositoryId: string, fields: { base: string; head: string; title: string; body: string }): Promise<{ number: number; url: string }>;
  /** One atomic commit of several files; throws StaleBranchError when the branch moved. */
  commitFiles(branch: string, head: BranchHead, files: Record<string, string>, message: string): Promise<string>;
}

export function createGateway(client: GitHubClient, repo: RepoRef): GitHubGateway {
  return {
    repo,
    listPullRequestFiles: (pullNumber) => listPullRequestFiles(client, repo, pullNumber),
    readContents: (ref, wanted) => readRepositoryContents(client, repo, ref, wanted),
    readConfigSources: (ref, path) => readConfigSources(client, repo, ref, path),
    findCheckRun: (sha, name) => findCheckRun(client, repo, sha, name),
    createCheckRun: (plan) => createCheckRun(client, repo, plan),
    upsertComment: (issueNumber, topic, body, options) => upsertComment(client, repo, issueNumber, topic, body, options),
    fetchDeployments: (environment, since) => fetchDeployments(client, repo, environment, since),
    fetchHistory: (tip, since) => fetchHistory(client, repo, tip, since),
    fetchReleaseDeployments: (since) => fetchReleaseDeployments(client, repo, since),
    fetchTagDeployments: (pattern, since) => fetchTagDeployments(client, repo, pattern, since),
    fetchMergeDeployments: (baseBranch, since) => fetchMergeDeployments(client, repo, baseBranch, since),
    fetchWorkflowRunDeployments: (workflow, branch, since) => fetchWorkflowRunDeployments(client, repo, workflow, branch, since),
    listIncidentIssues: (label, since) => listIncidentIssues(client, repo, label, since),
    readBranchHead: (branch) => readBranchHead(client, repo, branch),
    commitFiles: (branch, head, files, message) => commitFiles(client, repo, branch, head, files, message),
    readBranchAndPullRequest: (branch) => readBranchAndPullRequest(client, repo, branch),
    readBranchProtection: (branch) => readBranchProtection(client, repo, branch),
    countOpenDependabotAlerts: () => countOpenDependabotAlerts(client, repo),
    createBranch: (branch, sha) => createBranch(client, repo, branch, sha),
    createPullRequest: (repositoryId, fields) => createPullRequest(client, repositoryId, fields),
  };
}

export type { BranchHead, ChangedFile, CheckRunPlan, ConfigSources, ExistingCheckRun, RepositoryContents, UpsertResult };
