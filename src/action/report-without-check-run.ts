import * as core from "@actions/core";
import type { CheckRunPlan } from "../report/check-run.js";

/**
 * Reports a check run plan without the Checks API (read-only token, dry run): one workflow
 * annotation per finding (GitHub shows them on the PR's files) and the summary in the job summary.
 */
export async function reportWithoutCheckRun(plan: CheckRunPlan, reason: string): Promise<void> {
  for (const annotation of plan.annotations) {
    const properties = {
      title: `${plan.name}: ${annotation.title ?? ""}`.trim(),
      file: annotation.path,
      startLine: annotation.start_line,
      endLine: annotation.end_line,
      ...(annotation.start_column !== undefined
        ? { startColumn: annotation.start_column, endColumn: annotation.end_column }
        : {}),
    };
    if (annotation.annotation_level === "failure") core.error(annotation.message, properties);
    else core.warning(annotation.message, properties);
  }
  await core.summary
    .addHeading(`${plan.name}: ${plan.title}`, 2)
    .addRaw(`> ${reason}\n\n`)
    .addRaw(plan.summary, true)
    .write();
}
