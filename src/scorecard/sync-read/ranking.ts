import type { DebtItem } from "../../schemas/tech-debt.js";
import { stageOrder, type Area, type MetricKey } from "../stage-advice.js";
import { unmeasured, type Facts } from "./facts.js";

export type Candidate = { area: Area; status: "red" | "yellow" };

/** Which delivery metrics a debt item's impact holds back. */
export const impactBlocks: Record<DebtItem["impact"], MetricKey[]> = {
  causing_incidents: ["changeFailureRate", "mttr"],
  blocking_features: ["deploymentFrequency", "leadTime"],
  slowing_onboarding: ["leadTime"],
  accumulating: [],
};

/** The candidates for the one priority: red before yellow, then in the stage's order. */
export function ranked(facts: Facts): Candidate[] {
  const candidates: Candidate[] = [];
  if (unmeasured(facts)) candidates.push({ area: "measurement", status: "red" });
  for (const area of stageOrder[facts.stage]) {
    if (area === "measurement") continue;
    const status = facts.status[area];
    if (status === "red" || status === "yellow") candidates.push({ area, status });
  }
  const order = stageOrder[facts.stage];
  return candidates.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === "red" ? -1 : 1) || order.indexOf(a.area) - order.indexOf(b.area),
  );
}

/** The open critical item that holds back a metric, if any: its impact says which. */
export function blocker(facts: Facts, key: MetricKey): DebtItem | undefined {
  return facts.critical.find((item) => impactBlocks[item.impact].includes(key));
}
