import type { DebtItem } from "../../schemas/tech-debt.js";
import { areaNames, metricAdvice, type Advice, type Area, type MetricKey } from "../stage-advice.js";
import type { Facts } from "./facts.js";
import { raiseTheBar, stageGap } from "./on-target.js";
import { blocker, ranked } from "./ranking.js";
import { capitalize, estimate, quoted } from "./wording.js";

/** The priority, and what it is about: an area below target, a debt item, or holding the line. */
export type Chosen = Advice & { area: Area | "debt" | "hold"; debt?: DebtItem };

const impactWords: Record<DebtItem["impact"], string> = {
  causing_incidents: "causing incidents",
  blocking_features: "blocking features",
  slowing_onboarding: "slowing onboarding",
  accumulating: "accumulating",
};

export function closeDebtMove(item: DebtItem, because?: string): string {
  return `Close debt item ${item.id} ${quoted(item.title)} (${item.priority}, ${estimate(item)}${because ? `; ${because}` : ""}) and set its resolvedAt in tech_debt.json.`;
}

/** Critical debt that holds back the metric first in line is the priority itself. */
function payDownBlocker(facts: Facts, key: MetricKey, item: DebtItem): Chosen {
  const metric = metricAdvice(facts, key);
  return {
    area: "debt",
    debt: item,
    title: `Pay down ${item.id}: ${quoted(item.title)}`,
    why: `${capitalize(facts.figure(key, { verb: true, status: true }))}, and ${item.id} is critical debt ${impactWords[item.impact]} (${item.quadrant.replace("_", ", ")}; ${estimate(item)}). ${capitalize(areaNames[key])} is the first thing to fix at the ${facts.stage} stage, and this item is what holds it back.`,
    moves: [closeDebtMove(item), ...metric.moves.slice(0, 1)],
  };
}

/** The one priority, with its own moves. */
export function choosePriority(facts: Facts): Chosen {
  const [top] = ranked(facts);
  if (top) {
    if (top.area !== "security" && top.area !== "infrastructure" && top.area !== "measurement") {
      const item = blocker(facts, top.area);
      if (item) return payDownBlocker(facts, top.area, item);
    }
    return { area: top.area, ...metricAdvice(facts, top.area) };
  }
  // Nothing below target: critical debt before it turns a metric red, then the stage's next investment.
  const item = facts.critical[0];
  if (item)
    return {
      area: "debt",
      debt: item,
      title: `Pay down ${item.id} before it turns a metric red`,
      why: `Nothing measured is below target, and ${item.id} ${quoted(item.title)} is critical debt ${impactWords[item.impact]} (${estimate(item)}): the cheapest time to pay it down is while the metrics hold.`,
      moves: [closeDebtMove(item)],
    };
  const gap = stageGap(facts);
  if (gap) return { area: "hold", ...gap };
  return { area: "hold", ...raiseTheBar(facts) };
}
