import type { GitHubClient, RepoRef } from "./client.js";

const status = (error: unknown) => (error as { status?: number }).status;

/** Whether the branch is protected: undefined when this token may not read protection settings. */
export async function readBranchProtection(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<boolean | undefined> {
  try {
    await client.request("GET /repos/{owner}/{repo}/branches/{branch}/protection", { ...repo, branch });
    return true;
  } catch (error) {
    if (status(error) === 404) return false;
    if (status(error) === 403) return undefined;
    throw error;
  }
}

/** Open Dependabot alerts: undefined when this token may not read them (they need their own permission). */
export async function countOpenDependabotAlerts(client: GitHubClient, repo: RepoRef): Promise<number | undefined> {
  try {
    const alerts = await client.paginate("GET /repos/{owner}/{repo}/dependabot/alerts", {
      ...repo,
      state: "open",
      per_page: 100,
    });
    return alerts.length;
  } catch (error) {
    if (status(error) === 403 || status(error) === 404) return undefined;
    throw error;
  }
}
