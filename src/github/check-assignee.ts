import type { GitHubClient, RepoRef } from "./client.js";

/** Whether issues of the repository can be assigned to a login: 204 yes, 404 no (GitHub refuses an issue naming such an assignee). */
export async function canBeAssigned(client: GitHubClient, repo: RepoRef, login: string): Promise<boolean> {
  try {
    await client.request("GET /repos/{owner}/{repo}/assignees/{assignee}", { ...repo, assignee: login });
    return true;
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
