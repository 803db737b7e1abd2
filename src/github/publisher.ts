import type { FileWrite, FileWriteResult, Publisher } from "../ports/publisher.js";
import { createCheckRun, findCheckRun } from "./check-runs.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { commitFiles, readBranchHead } from "./commit-files.js";
import { createBranch, createPullRequest, readBranchAndPullRequest, resetBranch } from "./open-pull-request.js";
import { issuePublisher } from "./issues.js";
import { upsertComment } from "./upsert-comment.js";
import { tokenIdentity, type IdentityReader } from "./token-identity.js";

/**
 * One atomic commit (git data API), never forced. `push` commits on the branch on top of the
 * head the files were computed from. `pull-request` commits on the bot branch (created from
 * the branch when missing, kept when someone pushed to it) and opens one pull request, which
 * later writes update.
 */
async function writeFiles(client: GitHubClient, repo: RepoRef, write: FileWrite): Promise<FileWriteResult> {
  const paths = Object.keys(write.files);
  if (write.via.kind === "push") {
    const sha = await commitFiles(client, repo, write.branch, write.head, write.files, write.message);
    return { branch: write.branch, sha, paths };
  }
  const { branch: target, title, body } = write.via;
  const state = await readBranchAndPullRequest(client, repo, target);
  if (!state.branchSha) await createBranch(client, repo, target, write.head.sha);
  // Only the bot's own branch, and only once its pull request is closed, is ever moved back.
  else if (write.via.restart && !state.pullRequest) await resetBranch(client, repo, target, write.head.sha);
  const head = await readBranchHead(client, repo, target);
  const sha = await commitFiles(client, repo, target, head, write.files, write.message);
  const pullRequest = state.pullRequest
    ? { ...state.pullRequest, created: false }
    : {
        ...(await createPullRequest(client, state.repositoryId, { base: write.branch, head: target, title, body })),
        created: true,
      };
  return { branch: target, sha, pullRequest, paths };
}

/** The publisher over GitHub's API, bound to one repository. */
export function githubPublisher(
  client: GitHubClient,
  repo: RepoRef,
  self: IdentityReader = tokenIdentity(client),
): Publisher {
  return {
    findCheckRun: (sha, name) => findCheckRun(client, repo, sha, name),
    createCheckRun: (plan) => createCheckRun(client, repo, plan),
    upsertComment: (issueNumber, topic, body, options) =>
      upsertComment(client, repo, issueNumber, topic, body, { ...options, self }),
    writeFiles: (write) => writeFiles(client, repo, write),
    ...issuePublisher(client, repo),
  };
}
