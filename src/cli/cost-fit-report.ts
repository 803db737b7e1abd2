import type { Colors } from "picocolors/types.js";
import { budgetText, headline, signedAmount } from "../cost/render-cost.js";
import type { CostOutcome } from "../use-cases/review-cost.js";
import type { FitOutcome } from "../use-cases/review-fit.js";

/** The `cost` key of `review --format json`: null when no resource that has, or could have, a price changed. */
export function costJson(outcome: CostOutcome | undefined): Record<string, unknown> | null {
  const cost = outcome?.cost;
  if (!cost) return null;
  return {
    monthlyDelta: cost.monthlyDelta,
    currency: cost.currency,
    source: cost.source,
    items: cost.items.map(({ file, resource, monthlyDelta, basis }) => ({ file, resource, monthlyDelta, basis })),
    unknown: cost.unknown.map(({ file, resource }) => ({ file, resource })),
    budget: outcome.budget,
  };
}

/** The `fit` key of `review --format json`: the stage judged by, and the stage and security concerns in one list. */
export function fitJson(outcome: FitOutcome | undefined): Record<string, unknown> {
  return {
    stage: outcome?.fit.stage ?? null,
    concerns: (outcome?.fit.concerns ?? []).map(({ kind, file, change, message }) => ({ kind, file, change, message })),
  };
}

/** The cost as text: the headline, a line per resource, the unknown ones, the budget line. */
export function formatCostText(outcome: CostOutcome | undefined, colors: Colors): string {
  const notes = (outcome?.notes ?? []).map((note) => `${colors.yellow("note")} ${note}\n`).join("");
  const report = outcome?.report;
  if (!report) return `${notes}No resource with a price changed.\n`;
  const lines = [headline(report.cost)];
  for (const item of report.cost.items)
    lines.push(
      `  ${signedAmount(item.monthlyDelta, report.cost.currency).padStart(12)}  ${item.resource} (${item.file}): ${item.basis}`,
    );
  for (const unknown of report.cost.unknown)
    lines.push(`  ${"unknown".padStart(12)}  ${unknown.resource} (${unknown.file}): ${unknown.why}`);
  const budget = budgetText(report);
  if (budget) lines.push(report.budget?.exceeds ? colors.red(`Budget: ${budget}`) : `Budget: ${budget}`);
  if (report.runwayMonths !== undefined) lines.push(`Runway: ${report.runwayMonths} months (CFO forecast)`);
  return `${notes}${lines.join("\n")}\n`;
}

/** The stage fit as text: the stage, then one line per concern with its question. */
export function formatFitText(outcome: FitOutcome | undefined, colors: Colors): string {
  if (!outcome) return "Not run.\n";
  const { fit, stage } = outcome;
  const judged = stage.stage ? `Stage: ${stage.stage} (${stage.from})` : "Stage: unknown";
  if (fit.concerns.length === 0) return `${judged}. No concern.\n`;
  const lines = fit.concerns.map(
    (concern) =>
      `${colors.yellow(concern.kind === "security" ? "security" : "stage")} ${concern.file}: ${concern.change}.\n  ${concern.message}`,
  );
  return `${judged}.\n${lines.join("\n")}\n`;
}
