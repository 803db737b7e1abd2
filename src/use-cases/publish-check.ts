import type { Logger } from "../ports/logger.js";
import { isReadOnlyRefusal, type CheckPublisher } from "../ports/publisher.js";
import type { CheckRunPlan } from "../report/check-run.js";

export type PublishOutcome =
  | { status: "posted"; checkRunId: number }
  | { status: "unchanged"; checkRunId: number }
  | { status: "read-only" }
  | { status: "dry-run" };

/**
 * Creates the check run unless an identical completed one exists for the commit (webhook
 * redelivery), and reports a read-only token instead of failing.
 */
export async function publishCheck(
  context: { publish: CheckPublisher; log: Logger },
  plan: CheckRunPlan,
  options: { dryRun?: boolean } = {},
): Promise<PublishOutcome> {
  if (options.dryRun) return { status: "dry-run" };
  const existing = await context.publish.findCheckRun(plan.headSha, plan.name);
  if (
    existing &&
    existing.status === "completed" &&
    existing.conclusion === plan.conclusion &&
    existing.summary === plan.summary &&
    existing.title === plan.title
  ) {
    context.log.info(`check "${plan.name}" for ${plan.headSha} is already up to date (check run ${existing.id})`);
    return { status: "unchanged", checkRunId: existing.id };
  }
  try {
    const checkRunId = await context.publish.createCheckRun(plan);
    context.log.info(
      `check "${plan.name}" for ${plan.headSha}: ${plan.conclusion}, ${plan.annotations.length} annotations (check run ${checkRunId})`,
    );
    return { status: "posted", checkRunId };
  } catch (error) {
    if (isReadOnlyRefusal(error)) return { status: "read-only" };
    throw error;
  }
}
