import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { createGateway } from "../github/gateway.js";
import type { UseCaseContext } from "../use-cases/context.js";
import { reviewDataFiles } from "../use-cases/review-data-files.js";
import type { KeyedQueue } from "./keyed-queue.js";

export const pullRequestEvents = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.ready_for_review",
] as const;

/** Builds the use-case context from a Probot context: the installation's Octokit, bound to the repository. */
export function useCaseContext(context: Context): UseCaseContext {
  const repo = context.repo();
  const log = context.log;
  return {
    github: createGateway(context.octokit as unknown as GitHubClient, { owner: repo.owner, repo: repo.repo }),
    log: { debug: (m) => log.debug(m), info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m) },
    now: () => new Date(),
  };
}

/** `pull_request` -> validate the data files it changes, one check run per head sha. */
export async function onPullRequest(context: Context<"pull_request">, queue: KeyedQueue): Promise<void> {
  const { pull_request: pr, repository } = context.payload;
  const key = `${repository.full_name}@${pr.head.sha}`;
  try {
    const outcome = await queue.run(key, () => reviewDataFiles(useCaseContext(context), { number: pr.number, headSha: pr.head.sha }));
    if (outcome.status === "skipped") context.log.debug(outcome.reason);
    if (outcome.status === "read-only") context.log.warn(`cannot create check runs on ${repository.full_name}: the installation lacks checks:write`);
  } catch (error) {
    // Never let one repository's failure become a 500 for GitHub: the outcome lands in the log.
    context.log.error({ err: error, repository: repository.full_name, pull_request: pr.number }, "data review failed");
  }
}
