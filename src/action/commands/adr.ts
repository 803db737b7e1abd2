import * as core from "@actions/core";
import { context } from "@actions/github";
import type { PullRequestInfo } from "../../ports/pull-request.js";
import type { PullRequestSnapshot } from "../../use-cases/pull-request.js";
import { reviewAdr } from "../../use-cases/review-adr.js";
import { info, type ActionContext } from "../context.js";

/** `adr`: the ADR review, its outputs, and the suggestion in the job summary when it cannot be commented. True unless an ADR is required and missing. */
export async function adr(
  useCase: ActionContext,
  pr: PullRequestInfo,
  snapshot: PullRequestSnapshot,
  dryRun: boolean,
): Promise<boolean> {
  const outcome = await reviewAdr(useCase, pr, {
    snapshot,
    dryRun,
    event: (context.payload as { action?: string }).action,
  });
  core.setOutput("adr-status", outcome.status);
  core.setOutput("adr-triggered", String(outcome.changes.length > 0));
  info(`ADR: ${outcome.status} (${outcome.changes.length} infrastructure changes), comment ${outcome.comment}`);
  if (outcome.aiUsage)
    await core.summary
      .addRaw(
        `AI draft (ADR): ${outcome.aiUsage.inputTokens} input and ${outcome.aiUsage.outputTokens} output tokens.\n\n`,
        true,
      )
      .write();
  if (
    outcome.status === "suggested" &&
    (outcome.comment === "read-only" || outcome.comment === "dry-run" || outcome.check.status === "read-only")
  ) {
    const why =
      outcome.comment === "dry-run"
        ? "Dry run: no comment was written."
        : "This token cannot comment on the pull request (a fork's read-only GITHUB_TOKEN), so the suggestion is shown here.";
    core.warning(`${outcome.plan?.title ?? "ADR suggested"}: see the job summary`);
    await core.summary
      .addHeading("CTO Co-Pilot / ADR", 2)
      .addRaw(`> ${why}\n\n`)
      .addRaw(outcome.commentBody ?? "", true)
      .write();
  }
  return outcome.plan?.conclusion !== "failure";
}
