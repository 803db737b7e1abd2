import * as core from "@actions/core";
import { renderChangesTable } from "../../adr/render-comment.js";
import type { AdrReviewOutcome } from "../../use-cases/review-adr.js";
import { info } from "../context.js";

const commentWords: Record<AdrReviewOutcome["comment"], string> = {
  created: "The suggestion was posted as a comment on the pull request.",
  updated: "The comment on the pull request was edited to match.",
  unchanged: "The comment on the pull request already says this.",
  absent: "No comment was needed.",
  "dry-run": "Dry run: no comment was written.",
  "read-only": "This token cannot comment on the pull request.",
};

/** The outcome in words with its reasons: the check's title and summary, the files that count and why, and what became of the comment. */
function outcomeSummary(outcome: AdrReviewOutcome): string {
  if (outcome.status === "skipped-draft")
    return "## CTO Co-Pilot / ADR: not run on a draft\n\nA draft pull request gets no ADR suggestion; it runs once the pull request is ready for review.\n";
  const lines = [`## CTO Co-Pilot / ADR: ${outcome.plan?.title ?? outcome.status}`, "", outcome.plan?.summary ?? ""];
  if (outcome.changes.length > 0) lines.push("", ...renderChangesTable(outcome.changes));
  lines.push("", commentWords[outcome.comment], "");
  return lines.join("\n");
}

/**
 * The ADR suggestion's outputs and the job summary: always the outcome with its reasons; the
 * whole suggestion, draft included, when it could not be commented.
 */
export async function reportAdrCheck(outcome: AdrReviewOutcome): Promise<void> {
  core.setOutput("adr-status", outcome.status);
  core.setOutput("adr-triggered", String(outcome.changes.length > 0));
  info(`ADR: ${outcome.status} (${outcome.changes.length} infrastructure changes), comment ${outcome.comment}`);
  if (outcome.aiUsage)
    core.summary.addRaw(
      `AI draft (ADR): ${outcome.aiUsage.inputTokens} input and ${outcome.aiUsage.outputTokens} output tokens.\n\n`,
      true,
    );
  const notCommented =
    outcome.comment === "read-only" || outcome.comment === "dry-run" || outcome.check.status === "read-only";
  if (outcome.status !== "suggested" || !notCommented) {
    await core.summary.addRaw(outcomeSummary(outcome), true).write();
    return;
  }
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
