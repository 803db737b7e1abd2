import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { githubGateway } from "../github/gateway.js";
import { queriesBesideWrites } from "../github/queries-beside-writes.js";
import { readerFor } from "./unthrottled-reads.js";
import { pullRequestInfo, type PullRequestPayload } from "../github/pull-request-payload.js";
import type { Logger } from "../ports/logger.js";
import { drafterFromEnvironment } from "../use-cases/ai-drafter.js";
import { loadPullRequest } from "../use-cases/pull-request.js";
import { reviewAdr } from "../use-cases/review-adr.js";
import { reviewDataFiles } from "../use-cases/review-data-files.js";
import type { KeyedQueue } from "./keyed-queue.js";

/** Events that can change the data check (the head commit changed, or the PR became reviewable). */
const dataActions = new Set(["opened", "synchronize", "reopened", "ready_for_review"]);

/** The ports of the event's repository (or `repo`: an installation event names several) over the installation's Octokit, Probot's logger, and the clock. */
export function useCaseContext(context: Context, repo: { owner: string; repo: string } = context.repo()) {
  const log = context.log;
  const octokit = context.octokit as unknown as GitHubClient;
  const installation = (context.payload as { installation?: { id?: number } }).installation?.id;
  const reader = readerFor(installation);
  const client = reader ? queriesBesideWrites(octokit, reader) : octokit;
  const logger: Logger = {
    debug: (m) => log.debug(m),
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (m) => log.error(m),
  };
  return {
    ...githubGateway(client, { owner: repo.owner, repo: repo.repo }),
    log: logger,
    now: () => new Date(),
    drafterFor: drafterFromEnvironment(process.env, logger, { owner: repo.owner }),
  };
}

/** `pull_request` -> the data check and the ADR suggestion, sharing one read of config and files. */
export async function onPullRequest(context: Context<"pull_request">, queue: KeyedQueue): Promise<void> {
  const { pull_request: pr, repository, action } = context.payload;
  // One queue per pull request: redeliveries and quick successive events never race each other.
  const key = `${repository.full_name}#${pr.number}`;
  try {
    await queue.run(key, async () => {
      const useCase = useCaseContext(context);
      const info = pullRequestInfo(context.payload as unknown as PullRequestPayload);
      const snapshot = await loadPullRequest(useCase.view, info);
      if (dataActions.has(action)) {
        const data = await reviewDataFiles(useCase, info, { snapshot });
        if (data.status === "skipped") context.log.debug(data.reason);
        if (data.status === "read-only")
          context.log.warn(`cannot create check runs on ${repository.full_name}: the installation lacks checks:write`);
      }
      const adr = await reviewAdr(useCase, info, { snapshot, event: action });
      context.log.info(
        `ADR review of ${repository.full_name}#${pr.number}: ${adr.status}, comment ${adr.comment}, ${adr.changes.length} infrastructure changes`,
      );
    });
  } catch (error) {
    // Never let one repository's failure become a 500 for GitHub: the outcome lands in the log.
    context.log.error(
      { err: error, repository: repository.full_name, pull_request: pr.number },
      "pull request review failed",
    );
  }
}
