import type { InfraCosts } from "../schemas/infra-costs.js";

type Month = InfraCosts["months"][number];

/** The cost picture month over month: what meets the prompt's targets (facts) and its red flags (problems). */
export interface CostTrends {
  facts: string[];
  problems: string[];
  /** How many figures were judged (each fact or problem of a target). */
  judged: number;
}

const percent = (ratio: number) => `${Math.round(ratio * 1000) / 10}%`;
const dollars = (usd: number) => `$${usd.toFixed(2)}`;

/** Cost per customer should fall over time. */
function costPerCustomer(latest: Month, previous: Month | undefined, into: CostTrends): void {
  if (!latest.activeCustomers) return;
  const now = latest.totalSpend / latest.activeCustomers;
  if (!previous?.activeCustomers) return;
  const before = previous.totalSpend / previous.activeCustomers;
  into.judged++;
  const text = `cost per customer ${dollars(now)}, ${now > before ? "rising" : "falling"} from ${dollars(before)} (${previous.month}; target: falling)`;
  (now > before ? into.problems : into.facts).push(text);
}

/** Red flag: spend growing faster than revenue. */
function spendAgainstRevenue(latest: Month, previous: Month | undefined, into: CostTrends): void {
  if (!previous || !latest.mrr || !previous.mrr || previous.totalSpend === 0) return;
  const spend = latest.totalSpend / previous.totalSpend - 1;
  const revenue = latest.mrr / previous.mrr - 1;
  into.judged++;
  if (spend > 0 && spend > revenue)
    into.problems.push(
      `spend grew ${percent(spend)} while revenue grew ${percent(revenue)} (red flag: spend growing faster than revenue)`,
    );
  else
    into.facts.push(
      `spend ${spend >= 0 ? "grew" : "fell"} ${percent(Math.abs(spend))}, revenue ${revenue >= 0 ? "grew" : "fell"} ${percent(Math.abs(revenue))}`,
    );
}

/** Database efficiency (data accessed / data stored): monitored for bloat, a red flag when it falls. */
function databaseEfficiency(latest: Month, previous: Month | undefined, into: CostTrends): void {
  const now = latest.utilization?.database;
  if (now === undefined || now === null) return;
  const before = previous?.utilization?.database;
  if (before === undefined || before === null) {
    into.facts.push(`database efficiency ${percent(now)} (data accessed / stored)`);
    return;
  }
  into.judged++;
  if (now < before)
    into.problems.push(
      `database efficiency fell from ${percent(before)} to ${percent(now)} (red flag: data stored growing while data accessed does not)`,
    );
  else into.facts.push(`database efficiency ${percent(now)} (was ${percent(before)})`);
}

/** The latest month against the one before: cost per customer, spend against revenue, database efficiency. */
export function costTrends(months: readonly Month[]): CostTrends {
  const trends: CostTrends = { facts: [], problems: [], judged: 0 };
  const latest = months.at(-1);
  if (!latest) return trends;
  const previous = months.at(-2);
  costPerCustomer(latest, previous, trends);
  spendAgainstRevenue(latest, previous, trends);
  databaseEfficiency(latest, previous, trends);
  return trends;
}
