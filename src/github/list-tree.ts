import { filesByDirectory } from "../discovery/files-by-directory.js";
import type { FileListing } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

/**
 * Every file at a ref in one request (the recursive git tree). GitHub cuts a tree past 100,000
 * entries or 7 MB and says so with `truncated`; discovery then works from the part it got and
 * says that it did.
 */
export async function listTree(client: GitHubClient, repo: RepoRef, ref: string): Promise<FileListing> {
  const { data } = await client.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
    ...repo,
    tree_sha: ref,
    recursive: "1",
  });
  const paths = data.tree.flatMap((entry) => (entry.type === "blob" && entry.path ? [entry.path] : []));
  return { byDirectory: filesByDirectory(paths.sort()), truncated: data.truncated };
}
