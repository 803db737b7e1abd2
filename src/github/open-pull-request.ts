import type { PullRequestRecord } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

export interface BranchAndPullRequest {
  repositoryId: string;
  /** Head of the branch, when it exists. */
  branchSha?: string;
  /** The open pull request from the branch, when there is one. */
  pullRequest?: { number: number; url: string };
}

/** One GraphQL query: the repository id, a branch's head, and its open pull request. */
export async function readBranchAndPullRequest(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<BranchAndPullRequest> {
  const query = `query BranchAndPull($owner: String!, $name: String!, $qualified: String!, $branch: String!) {
    repository(owner: $owner, name: $name) {
      id
      ref(qualifiedName: $qualified) { target { oid } }
      pullRequests(headRefName: $branch, states: [OPEN], first: 1) { nodes { number url } }
    }
  }`;
  type Result = {
    repository: {
      id: string;
      ref: { target: { oid: string } | null } | null;
      pullRequests: { nodes: ({ number: number; url: string } | null)[] | null };
    } | null;
  };
  const data = await client.graphql<Result>(query, {
    owner: repo.owner,
    name: repo.repo,
    qualified: `refs/heads/${branch}`,
    branch,
  });
  if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
  const pull = data.repository.pullRequests.nodes?.find((node) => node !== null) ?? undefined;
  return {
    repositoryId: data.repository.id,
    ...(data.repository.ref?.target ? { branchSha: data.repository.ref.target.oid } : {}),
    ...(pull ? { pullRequest: pull } : {}),
  };
}

export async function createBranch(client: GitHubClient, repo: RepoRef, branch: string, sha: string): Promise<void> {
  await client.request("POST /repos/{owner}/{repo}/git/refs", { ...repo, ref: `refs/heads/${branch}`, sha });
}

/** Points a bot branch at `sha` again (forced: what it held belonged to a closed pull request). */
export async function resetBranch(client: GitHubClient, repo: RepoRef, branch: string, sha: string): Promise<void> {
  await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
    ...repo,
    ref: `heads/${branch}`,
    sha,
    force: true,
  });
}

export async function createPullRequest(
  client: GitHubClient,
  repositoryId: string,
  fields: { base: string; head: string; title: string; body: string },
): Promise<{ number: number; url: string }> {
  const mutation = `mutation OpenPull($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { number url } } }`;
  type Result = { createPullRequest: { pullRequest: { number: number; url: string } | null } | null };
  const data = await client.graphql<Result>(mutation, {
    input: { repositoryId, baseRefName: fields.base, headRefName: fields.head, title: fields.title, body: fields.body },
  });
  const pull = data.createPullRequest?.pullRequest;
  if (!pull) throw new Error("GitHub did not return the new pull request");
  return pull;
}

/** The newest pull request ever opened from a branch of this repository, in any state (one GraphQL query). */
export async function readLatestPullRequest(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<PullRequestRecord | undefined> {
  const query = `query LatestPull($owner: String!, $name: String!, $branch: String!) {
    repository(owner: $owner, name: $name) {
      pullRequests(headRefName: $branch, states: [OPEN, CLOSED, MERGED], first: 20, orderBy: { field: CREATED_AT, direction: DESC }) {
        nodes { number url state closedAt isCrossRepository }
      }
    }
  }`;
  type Result = {
    repository: {
      pullRequests: {
        nodes:
          | ({
              number: number;
              url: string;
              state: "OPEN" | "CLOSED" | "MERGED";
              closedAt: string | null;
              isCrossRepository: boolean;
            } | null)[]
          | null;
      };
    } | null;
  };
  const data = await client.graphql<Result>(query, { owner: repo.owner, name: repo.repo, branch });
  if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
  // A fork's branch may carry the same name: only this repository's own branch is the bot's.
  const pull = data.repository.pullRequests.nodes?.find((node) => node !== null && !node.isCrossRepository);
  if (!pull) return undefined;
  const state = pull.state.toLowerCase() as PullRequestRecord["state"];
  return {
    number: pull.number,
    url: pull.url,
    state,
    ...(pull.closedAt ? { closedAt: Date.parse(pull.closedAt) } : {}),
  };
}
