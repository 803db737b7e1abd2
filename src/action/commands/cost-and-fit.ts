import * as core from "@actions/core";
import { headline } from "../../cost/render-cost.js";
import type { CostOutcome } from "../../use-cases/review-cost.js";
import type { FitOutcome } from "../../use-cases/review-fit.js";
import { info } from "../context.js";

/** The cost's outputs, and its section in the job summary (also on a read-only token or a dry run). */
export async function reportCost(outcome: CostOutcome): Promise<void> {
  for (const note of outcome.notes) core.warning(note);
  if (!outcome.cost) {
    info("Cost: no resource with a price changed.");
    return;
  }
  core.setOutput("cost-monthly-delta", String(outcome.cost.monthlyDelta));
  core.setOutput("cost-source", outcome.cost.source);
  core.setOutput("budget-exceeded", String(outcome.budget?.exceeds === true));
  info(`Cost: ${headline(outcome.cost)}`);
  if (outcome.budget?.exceeds) core.warning(`${outcome.plan?.title ?? "Over budget"}: see the job summary`);
  if (outcome.plan) await core.summary.addRaw(`${outcome.plan.summary}\n\n`, true).write();
}

/** The stage fit's outputs, and its concerns in the job summary. */
export async function reportFit(outcome: FitOutcome): Promise<void> {
  core.setOutput("fit-concerns", String(outcome.fit.concerns.length));
  info(`Stage fit: ${outcome.fit.stage ?? "unknown stage"}, ${outcome.fit.concerns.length} concerns`);
  if (outcome.plan && outcome.fit.concerns.length > 0)
    await core.summary.addRaw(`${outcome.plan.summary}\n\n`, true).write();
}
