import * as core from "@actions/core";
import type { AdrReviewOutcome } from "../../use-cases/review-adr.js";
import { info } from "../context.js";

/** The ADR suggestion's outputs, and the suggestion in the job summary when it could not be commented. */
export async function reportAdrCheck(outcome: AdrReviewOutcome): Promise<void> {
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
  const notCommented =
    outcome.comment === "read-only" || outcome.comment === "dry-run" || outcome.check.status === "read-only";
  if (outcome.status !== "suggested" || !notCommented) return;
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
