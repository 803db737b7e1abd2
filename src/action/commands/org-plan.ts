import * as core from "@actions/core";
import { githubOrgView } from "../../github/org-view.js";
import { planOrganization } from "../../use-cases/score-organization.js";
import { coreLogger, info, type ActionRun } from "../context.js";
import { workflowRepository } from "../workflow-event.js";
import { orgFilters } from "./org-inputs.js";

/**
 * `org-plan`: lists the organisation and selects the repositories once, for every shard: output
 * `plan` (JSON, passed to each shard's `plan` input), so shards list nothing and a shard rerun
 * later scores the same repositories over the same window.
 */
export async function orgPlan(action: ActionRun): Promise<void> {
  const { now } = action;
  const organization = core.getInput("organization") || workflowRepository().owner;
  const { org } = githubOrgView(await action.client());
  const plan = await planOrganization(
    { org, log: coreLogger(), now: () => now ?? new Date() },
    { organization, filters: orgFilters() },
  );
  core.setOutput("plan", JSON.stringify(plan));
  core.setOutput("planned-repositories", plan.selected.length);
  info(
    `${organization}: ${plan.selected.length} repositories to score, ${plan.skipped.length} left out; window to ${plan.asOf.slice(0, 10)}.`,
  );
  const reasons = new Map<string, number>();
  for (const { reason } of plan.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  await core.summary
    .addRaw(
      `## Organisation scorecard plan\n\n${plan.selected.length} repositories of \`${organization}\` to score; left out: ${[...reasons].map(([reason, n]) => `${n} (${reason})`).join(", ") || "none"}.\n`,
      true,
    )
    .write();
}
