import { metricAdvice, type Area } from "../stage-advice.js";
import type { Facts } from "./facts.js";
import type { Chosen } from "./priority.js";
import type { RoadmapGap } from "./roadmap-gap.js";
import { dueText, type UpcomingItem } from "./upcoming.js";
import { closeDebtMove, estimate, quoted } from "./wording.js";

/**
 * The priority when the roadmap's next quarter needs something engineering lacks: the stage's
 * advice for that gap (or paying down the debt the item waits on), led by the item and its
 * date, and saying what the scorecard alone would have put first.
 */

const needWords = {
  delivery: "delivery (deployment frequency, lead time)",
  reliability: "reliability (change failure rate, time to restore)",
  security: "security",
  cost: "infrastructure cost within target",
} as const;

/** "before “Enterprise tier” (2027-01-31)". */
const beforeItem = (upcoming: UpcomingItem) => `before ${quoted(upcoming.item.title)} (${upcoming.item.targetDate})`;

/** "“Enterprise tier” (data/product/roadmap.json, in progress) is due 2027-01-31, in 57 days". */
function itemLead(upcoming: UpcomingItem): string {
  const status = upcoming.item.status === "in_progress" ? "in progress" : "planned";
  return `${quoted(upcoming.item.title)} (roadmap, ${status}) is ${dueText(upcoming)}`;
}

/** What the scorecard alone would have chosen, when it is something else. */
function insteadOf(chosen: Chosen, byStage: Chosen): string {
  // The same area (or the same debt item, or the same step of the stage) is no other choice, whatever its title.
  const same =
    byStage.area === chosen.area &&
    byStage.debt === chosen.debt &&
    (chosen.area !== "hold" || byStage.title === chosen.title);
  if (same) return "";
  return ` Without the roadmap the priority would be ${quoted(byStage.title)}; a date within the quarter makes this the higher-leverage move.`;
}

const monitoringAdvice = {
  why: "tech_stack.json records no monitoring (stack.observability.monitoring is empty): an outage of the new work would reach customers before it reaches a person.",
  moves: [
    "Set up error and latency monitoring with an alert on the main user path, and record the tool in tech_stack.json (stack.observability).",
  ],
};

/** The chosen advice for the gap, before the roadmap's framing. */
function gapAdvice(facts: Facts, { gap, upcoming }: RoadmapGap, adviceFor: (area: Area) => Chosen): Chosen {
  const due = `it blocks ${quoted(upcoming.item.title)}, ${dueText(upcoming)}`;
  switch (gap.kind) {
    case "debt":
      return {
        area: "debt",
        debt: gap.debt,
        title: `Pay down ${gap.debt.id}`,
        why: `The roadmap lists ${gap.debt.id} ${quoted(gap.debt.title)} as blocking it (${gap.debt.priority} debt, ${estimate(gap.debt)}).`,
        moves: [closeDebtMove(gap.debt, due)],
      };
    case "area":
      return adviceFor(gap.area);
    case "measurement":
      return { area: "measurement", ...metricAdvice(facts, "measurement"), title: "Measure delivery" };
    case "monitoring":
      return { area: "hold", title: "Add monitoring and alerting", ...monitoringAdvice };
  }
}

/** What the item needs (the advice that follows gives the figure that falls short). */
function needText(gap: RoadmapGap["gap"]): string {
  if (gap.kind === "area" || gap.kind === "measurement") return `, and needs ${needWords[gap.need]}.`;
  if (gap.kind === "monitoring") return `, and needs ${needWords.reliability}.`;
  return ".";
}

export function forRoadmap(
  facts: Facts,
  gap: RoadmapGap,
  chosen: { byStage: Chosen; adviceFor: (area: Area) => Chosen },
): Chosen {
  const advice = gapAdvice(facts, gap, chosen.adviceFor);
  return {
    ...advice,
    roadmap: gap.upcoming,
    title: `${advice.title} ${beforeItem(gap.upcoming)}`,
    why: `${itemLead(gap.upcoming)}${needText(gap.gap)} ${advice.why}${insteadOf(advice, chosen.byStage)}`,
  };
}
