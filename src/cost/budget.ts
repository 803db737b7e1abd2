import { record } from "../text/records.js";

/** The change against the budget: "+$X/month: projected $Y of a $Z budget (N%)". */
export interface BudgetLine {
  monthlyBudget: number;
  /** The latest month's spend in infra_costs.json; null when it records none. */
  currentMonthlySpend: number | null;
  /** Current spend plus the change; null without a current spend. */
  projectedMonthlySpend: number | null;
  /** Projected / budget, as a ratio; null without a projection. */
  share: number | null;
  exceeds: boolean;
}

/** The data files the budget line reads, as parsed JSON (absent or unreadable: undefined). */
export interface BudgetFacts {
  infraCosts?: unknown;
  techStack?: unknown;
  forecast?: unknown;
}

const amount = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : undefined;

/** The latest month's total spend (months sorted by their `YYYY-MM`). */
function latestSpend(infraCosts: Record<string, unknown>): number | undefined {
  const months = Array.isArray(infraCosts.months) ? infraCosts.months.map(record) : [];
  const latest = months
    .filter((month) => typeof month.month === "string")
    .sort((a, b) => String(a.month).localeCompare(String(b.month)))
    .at(-1);
  return latest ? amount(latest.totalSpend) : undefined;
}

/** `infra_costs.json` monthlyBudget, else `tech_stack.json` constraints.monthlyInfraBudget; the latest month's spend. */
export function budgetLine(monthlyDelta: number, facts: BudgetFacts): BudgetLine | null {
  const infraCosts = record(facts.infraCosts);
  const monthlyBudget =
    amount(infraCosts.monthlyBudget) ?? amount(record(record(facts.techStack).constraints).monthlyInfraBudget);
  if (monthlyBudget === undefined) return null;
  const current = latestSpend(infraCosts);
  const projected = current === undefined ? null : Math.round((current + monthlyDelta) * 100) / 100;
  const share =
    projected === null || monthlyBudget === 0 ? null : Math.round((projected / monthlyBudget) * 1000) / 1000;
  return {
    monthlyBudget,
    currentMonthlySpend: current ?? null,
    projectedMonthlySpend: projected,
    share,
    exceeds: (projected ?? monthlyDelta) > monthlyBudget,
  };
}

/**
 * Months of runway from the CFO's forecast: `runwayMonths`, else cash over monthly burn (the
 * names such files commonly use). Undefined when the forecast says neither.
 */
export function runwayMonths(forecast: unknown): number | undefined {
  const data = record(forecast);
  const stated = amount(data.runwayMonths) ?? amount(record(data.runway).months);
  if (stated !== undefined) return stated;
  const cash = amount(data.cash) ?? amount(data.cashBalance) ?? amount(data.currentCash);
  const burn = amount(data.monthlyBurn) ?? amount(data.burnRate) ?? amount(data.netBurn);
  return cash !== undefined && burn ? Math.round((cash / burn) * 10) / 10 : undefined;
}
