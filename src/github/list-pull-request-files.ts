import type { ChangedFile } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** Every file a pull request changes (GitHub lists at most 3,000), 100 per request. */
export async function listPullRequestFiles(
  client: GitHubClient,
  repo: RepoRef,
  pullNumber: number,
): Promise<ChangedFile[]> {
  const files = await client.paginate("GET /repos/{owner}/{repo}/pulls/{pull_number}/files", {
    ...repo,
    pull_number: pullNumber,
    per_page: 100,
  });
  return files.map((file) => ({
    path: file.filename,
    status: file.status,
    ...(file.previous_filename ? { previousPath: file.previous_filename } : {}),
    additions: file.additions,
    deletions: file.deletions,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
  }));
}
