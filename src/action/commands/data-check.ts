import * as core from "@actions/core";
import type { DataReviewOutcome } from "../../use-cases/review-data-files.js";
import { info } from "../context.js";
import { reportWithoutCheckRun } from "../report-without-check-run.js";

/** The data check's outputs, and the findings as annotations when no check run could be made. */
export async function reportDataCheck(outcome: DataReviewOutcome): Promise<void> {
  if (outcome.status === "skipped") {
    info(outcome.reason);
    core.setOutput("conclusion", "skipped");
    return;
  }
  const { plan } = outcome;
  const errors = plan.annotations.filter((annotation) => annotation.annotation_level === "failure").length;
  core.setOutput("conclusion", plan.conclusion);
  core.setOutput("errors", errors);
  core.setOutput("warnings", plan.annotations.length - errors);
  if (outcome.status === "posted" || outcome.status === "unchanged") {
    core.setOutput("check-run-id", outcome.checkRunId);
    await core.summary.addHeading(`${plan.name}: ${plan.title}`, 2).addRaw(plan.summary, true).write();
  } else {
    const reason =
      outcome.status === "dry-run"
        ? "Dry run: no check run was created."
        : "This token cannot create check runs (a pull request from a fork gets a read-only GITHUB_TOKEN), so the findings are reported as workflow annotations.";
    await reportWithoutCheckRun(plan, reason);
  }
}
