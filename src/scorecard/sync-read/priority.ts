import type { DebtItem } from "../../schemas/tech-debt.js";
import { areaNames, metricAdvice, type Advice, type Area, type MetricKey } from "../stage-advice.js";
import type { Facts } from "./facts.js";
import { raiseTheBar, stageGap } from "./on-target.js";
import { blocker, ranked } from "./ranking.js";
import { roadmapGap } from "./roadmap-gap.js";
import { forRoadmap } from "./roadmap-priority.js";
import type { UpcomingItem } from "./upcoming.js";
import { capitalize, closeDebtMove, estimate, quoted } from "./wording.js";

/**
 * The priority, and what it is about: an area below target, a debt item, or holding the line;
 * with `roadmap`, the upcoming roadmap item it is chosen for.
 */
export type Chosen = Advice & { area: Area | "debt" | "hold"; debt?: DebtItem; roadmap?: UpcomingItem };

const impactWords: Record<DebtItem["impact"], string> = {
  causing_incidents: "causing incidents",
  blocking_features: "blocking features",
  slowing_onboarding: "slowing onboarding",
  accumulating: "accumulating",
};

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

/** The advice for an area below target: the critical debt that holds it back, else the stage's advice for it. */
function adviceFor(facts: Facts, area: Area): Chosen {
  if (area !== "security" && area !== "infrastructure" && area !== "measurement") {
    const item = blocker(facts, area);
    if (item) return payDownBlocker(facts, area, item);
  }
  return { area, ...metricAdvice(facts, area) };
}

/**
 * The one priority, with its own moves: what the scorecard puts first at the stage, unless an
 * item on the roadmap due within the next quarter needs something engineering lacks (then that,
 * for that item, saying what the stage's order would have chosen instead).
 */
export function choosePriority(facts: Facts): Chosen {
  const byStage = priorityByStage(facts);
  const gap = roadmapGap(facts);
  return gap ? forRoadmap(facts, gap, { byStage, adviceFor: (area) => adviceFor(facts, area) }) : byStage;
}

/** The priority from the scorecard alone: the first area below target in the stage's order, else debt, else the stage's next step. */
function priorityByStage(facts: Facts): Chosen {
  const [top] = ranked(facts);
  if (top) return adviceFor(facts, top.area);
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
