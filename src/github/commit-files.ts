import { StaleBranchError } from "../ports/publisher.js";
import type { BranchHead } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** Where a branch points: one request. Its tree is read only by a commit that needs it (most runs write nothing). */
export async function readBranchHead(client: GitHubClient, repo: RepoRef, branch: string): Promise<BranchHead> {
  const { data: ref } = await client.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
    ...repo,
    ref: `heads/${branch}`,
  });
  return { sha: ref.object.sha };
}

async function treeOf(client: GitHubClient, repo: RepoRef, head: BranchHead): Promise<string> {
  if (head.tree !== undefined) return head.tree;
  const { data: commit } = await client.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
    ...repo,
    commit_sha: head.sha,
  });
  return commit.tree.sha;
}

/**
 * Writes several files in one commit on top of `head` (git data API: a tree, a commit, then
 * a ref update without force). If the branch moved since `head` was read, GitHub refuses the
 * update and this throws StaleBranchError: nothing made since the read is ever overwritten.
 */
export async function commitFiles(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
  head: BranchHead,
  files: Record<string, string>,
  message: string,
): Promise<string> {
  const { data: tree } = await client.request("POST /repos/{owner}/{repo}/git/trees", {
    ...repo,
    base_tree: await treeOf(client, repo, head),
    tree: Object.entries(files).map(([path, content]) => ({
      path,
      mode: "100644" as const,
      type: "blob" as const,
      content,
    })),
  });
  const { data: commit } = await client.request("POST /repos/{owner}/{repo}/git/commits", {
    ...repo,
    message,
    tree: tree.sha,
    parents: [head.sha],
  });
  try {
    await client.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      ...repo,
      ref: `heads/${branch}`,
      sha: commit.sha,
      force: false,
    });
  } catch (error) {
    const status = (error as { status?: number }).status;
    // 422 is also GitHub refusing the content (a workflow file without the workflows
    // permission): only a refusal that does not say so is the branch having moved.
    if (status === 409 || (status === 422 && !/workflow/i.test(String((error as Error).message))))
      throw new StaleBranchError(branch);
    throw error;
  }
  return commit.sha;
}
