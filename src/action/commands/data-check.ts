import * as core from "@actions/core";
import type { PullRequestInfo } from "../../ports/pull-request.js";
import type { PullRequestSnapshot } from "../../use-cases/pull-request.js";
import { reviewDataFiles } from "../../use-cases/review-data-files.js";
import { info, type ActionContext } from "../context.js";
import { reportWithoutCheckRun } from "../report-without-check-run.js";

/** `data-check`: the data review, its outputs, and the findings as annotations when no check run can be made. True when it passes. */
export async function dataCheck(
  useCase: ActionContext,
  pr: PullRequestInfo,
  snapshot: PullRequestSnapshot,
  dryRun: boolean,
): Promise<boolean> {
  const outcome = await reviewDataFiles(useCase, pr, { dryRun, snapshot });
  if (outcome.status === "skipped") {
    info(outcome.reason);
    core.setOutput("conclusion", "skipped");
    return true;
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
  return plan.conclusion !== "failure";
}
