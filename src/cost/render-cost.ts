import { codeSpan, escapeInline } from "../markdown/escape.js";
import type { CheckRunPlan } from "../report/check-run.js";
import type { BudgetLine } from "./budget.js";
import type { ChangeCost } from "./change-cost.js";

const costCheckName = "CTO Co-Pilot / Cost";

/** The change's cost with the budget line and the runway, as the review shows it. */
export interface CostReport {
  cost: ChangeCost;
  budget: BudgetLine | null;
  /** Months of runway from the CFO's forecast, when it says. */
  runwayMonths?: number;
  /** Where the Infracost JSON came from, or why it could not be used (the estimate is shown instead). */
  infracostNote?: string;
}

const amount = (usd: number, currency = "USD") =>
  `${currency === "USD" ? "$" : `${currency} `}${Math.abs(usd).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
/** `+$60.74`, `-$32.85`, `$0.00`. */
export const signedAmount = (usd: number, currency = "USD") =>
  `${usd > 0 ? "+" : usd < 0 ? "-" : ""}${amount(usd, currency)}`;

const maxRows = 30;

/** "about +$95.19/month (estimate, list price, us-east-1, 2026-12-05)" or "+$95.19/month (Infracost)". */
export function headline(cost: ChangeCost): string {
  const figure = `${signedAmount(cost.monthlyDelta, cost.currency)}/month`;
  const count = cost.unknown.length;
  const unpriced = count > 0 ? `, plus ${count} resource${count === 1 ? "" : "s"} not priced` : "";
  if (cost.source === "infracost") return `${figure} (Infracost)`;
  // Nothing priced: "$0.00/month" would read as free when the price is simply not known.
  if (cost.items.length === 0 && count > 0)
    return `no estimate: ${count} resource${count === 1 ? "" : "s"} the price table does not know (never guessed)`;
  return `about ${figure} (estimate, ${cost.labels.join("; ")})${unpriced}`;
}

/** "+$95.19/month: projected $1,295.19 of a $1,500.00 budget (86%)". */
export function budgetText(report: CostReport): string | undefined {
  const { budget, cost } = report;
  if (!budget) return undefined;
  const change = `${signedAmount(cost.monthlyDelta, cost.currency)}/month`;
  const line =
    budget.projectedMonthlySpend === null
      ? `${change} against a ${amount(budget.monthlyBudget, cost.currency)} monthly budget (no month of spend recorded in infra_costs.json)`
      : `${change}: projected ${amount(budget.projectedMonthlySpend, cost.currency)} of a ${amount(budget.monthlyBudget, cost.currency)} budget${budget.share === null ? "" : ` (${Math.round(budget.share * 100)}%)`}`;
  return `${line}${budget.exceeds ? ": over budget" : ""}.`;
}

/** The cost section of the pull request's comment (and the Cost check's summary). */
export function renderCostSection(report: CostReport): string {
  const { cost } = report;
  const lines = ["### Cost of this change", "", `**${escapeInline(headline(cost))}**`];
  if (cost.items.length > 0) {
    lines.push("", "| Resource | File | Monthly | Basis |", "|---|---|---|---|");
    for (const item of cost.items.slice(0, maxRows))
      lines.push(
        `| ${codeSpan(item.resource, { inTable: true })} | ${codeSpan(item.file, { inTable: true })} | ${signedAmount(item.monthlyDelta, cost.currency)} | ${escapeInline(item.basis).replace(/\|/g, "\\|")} |`,
      );
    if (cost.items.length > maxRows) lines.push("", `…and ${cost.items.length - maxRows} more resources.`);
  }
  if (cost.unknown.length > 0) {
    lines.push("", "Not priced (the table does not know them; never guessed):");
    for (const unknown of cost.unknown.slice(0, maxRows))
      lines.push(`- ${codeSpan(unknown.resource)} in ${codeSpan(unknown.file)}: ${escapeInline(unknown.why)}`);
    if (cost.unknown.length > maxRows) lines.push(`- …and ${cost.unknown.length - maxRows} more.`);
  }
  const budget = budgetText(report);
  const runway = report.runwayMonths !== undefined ? ` Runway: ${report.runwayMonths} months (CFO forecast).` : "";
  if (budget || runway) lines.push("", `**Budget:** ${budget ?? ""}${runway}`.replace("** ", "** ").trimEnd());
  if (report.infracostNote) lines.push("", escapeInline(report.infracostNote));
  if (cost.source === "estimate")
    lines.push(
      "",
      "_List prices before discounts, usage and data transfer; Infracost's JSON, when given, replaces the estimate._",
    );
  return lines.join("\n");
}

/** The Cost check: a warning (neutral) over budget, a failure there with `costs.failOverBudget`. */
export function planCostCheck(headSha: string, report: CostReport | null, failOverBudget: boolean): CheckRunPlan {
  const exceeds = report?.budget?.exceeds === true;
  return {
    name: costCheckName,
    headSha,
    conclusion: exceeds ? (failOverBudget ? "failure" : "neutral") : "success",
    title: report ? `${exceeds ? "Over budget: " : ""}${headline(report.cost)}` : "No priced resource changed",
    summary: report ? renderCostSection(report) : "No resource in this pull request has, or could have, a price.",
    annotations: [],
  };
}
