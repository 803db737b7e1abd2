import type { GitHubClient, RepoRef } from "./client.js";

export interface RepositoryBasics {
  /** Absent for an empty repository (no commit, so no branch). */
  defaultBranch?: string;
  archived: boolean;
}

/**
 * What an installation payload does not say about a repository: its default branch, and
 * whether it is archived (read-only: nothing can be proposed to it). One GraphQL query.
 */
export async function readRepositoryBasics(client: GitHubClient, repo: RepoRef): Promise<RepositoryBasics> {
  const query = `query Basics($owner: String!, $name: String!) {
    repository(owner: $owner, name: $name) { isArchived defaultBranchRef { name } }
  }`;
  type Result = { repository: { isArchived: boolean; defaultBranchRef: { name: string } | null } | null };
  const data = await client.graphql<Result>(query, { owner: repo.owner, name: repo.repo });
  if (!data.repository) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
  const branch = data.repository.defaultBranchRef?.name;
  return { archived: data.repository.isArchived, ...(branch ? { defaultBranch: branch } : {}) };
}
