import type { PullRequestEvent } from "@octokit/webhooks-types";
import type { Context } from "probot";
import { pullRequestInfo } from "../github/pull-request-payload.js";
import { reviewPullRequest } from "../use-cases/review-pull-request.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./use-case-context.js";

/** `pull_request` -> the pull-request review (the data check, the cost, the stage fit, the ADR suggestion) over one read of config and files. */
export async function onPullRequest(context: Context<"pull_request">, queue: KeyedQueue): Promise<void> {
  const { pull_request: pr, repository, action } = context.payload;
  // One queue per pull request: redeliveries and quick successive events never race each other.
  const key = `${repository.full_name}#${pr.number}`;
  try {
    await queue.run(key, async () => {
      // Probot describes payloads from GitHub's OpenAPI description, the use cases from its webhook
      // descriptions: the same JSON, told apart only by how optional some fields are.
      const info = pullRequestInfo(context.payload as unknown as PullRequestEvent);
      const { outcomes } = await reviewPullRequest(useCaseContext(context), info, { event: action });
      const { data, adr, cost, fit } = outcomes;
      if (data?.status === "skipped") context.log.debug(data.reason);
      if (data?.status === "read-only")
        context.log.warn(`cannot create check runs on ${repository.full_name}: the installation lacks checks:write`);
      if (cost?.cost)
        context.log.info(
          `cost of ${repository.full_name}#${pr.number}: ${cost.cost.monthlyDelta} ${cost.cost.currency}/month (${cost.cost.source}), check ${cost.check.status}`,
        );
      for (const note of cost?.notes ?? []) context.log.warn(note);
      if (fit && fit.fit.concerns.length > 0)
        context.log.info(`stage fit of ${repository.full_name}#${pr.number}: ${fit.fit.concerns.length} concerns`);
      if (adr)
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
