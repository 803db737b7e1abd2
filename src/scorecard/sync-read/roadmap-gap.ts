import type { RoadmapNeed } from "../../schemas/roadmap.js";
import type { DebtItem } from "../../schemas/tech-debt.js";
import { stageOrder, type Area } from "../stage-advice.js";
import { unmeasured, type Facts } from "./facts.js";
import type { UpcomingItem } from "./upcoming.js";

/** The areas of the scorecard each need of a roadmap item rests on. */
const needAreas: Record<RoadmapNeed, Area[]> = {
  delivery: ["deploymentFrequency", "leadTime"],
  reliability: ["changeFailureRate", "mttr"],
  security: ["security"],
  cost: ["infrastructure"],
};

/** What engineering lacks for an item: debt it waits on, an area below target, delivery not measured, or no monitoring. */
type Gap =
  | { kind: "debt"; debt: DebtItem }
  | { kind: "area"; area: Area; need: RoadmapNeed; status: "red" | "yellow" }
  | { kind: "measurement"; need: RoadmapNeed }
  | { kind: "monitoring" };

/** The soonest upcoming item engineering is not ready for, and the first thing it lacks. */
export interface RoadmapGap {
  upcoming: UpcomingItem;
  gap: Gap;
}

/** Below-target areas an item needs: red before yellow, then in the stage's order. */
function areaGaps(facts: Facts, needs: readonly RoadmapNeed[]): Gap[] {
  const gaps: Extract<Gap, { kind: "area" }>[] = [];
  for (const need of needs)
    for (const area of needAreas[need]) {
      const status = facts.status[area as keyof Facts["status"]];
      if ((status === "red" || status === "yellow") && !gaps.some((gap) => gap.area === area))
        gaps.push({ kind: "area", area, need, status });
    }
  const order = stageOrder[facts.stage];
  return gaps.sort(
    (a, b) =>
      (a.status === b.status ? 0 : a.status === "red" ? -1 : 1) || order.indexOf(a.area) - order.indexOf(b.area),
  );
}

/**
 * What one item lacks, most pressing first: open debt the roadmap says blocks it (the team said
 * so), then areas below target that its needs rest on, then delivery it needs but nobody
 * measures, then monitoring it needs that tech_stack.json does not record.
 */
function gapsOf(facts: Facts, upcoming: UpcomingItem): Gap[] {
  const { blockedBy = [], needs = [] } = upcoming.item;
  const debt = facts.openDebt
    .filter((item) => blockedBy.includes(item.id))
    .map((item) => ({ kind: "debt", debt: item }) as const);
  const timed = needs.find((need) => need === "delivery" || need === "reliability");
  return [
    ...debt,
    ...areaGaps(facts, needs),
    ...(timed && unmeasured(facts) ? [{ kind: "measurement", need: timed } as const] : []),
    ...(needs.includes("reliability") && facts.stackRecorded && !facts.monitoring
      ? [{ kind: "monitoring" } as const]
      : []),
  ];
}

/** The first gap of the soonest upcoming item that has one; undefined when the next quarter finds engineering ready. */
export function roadmapGap(facts: Facts): RoadmapGap | undefined {
  for (const upcoming of facts.roadmap?.upcoming ?? []) {
    const [gap] = gapsOf(facts, upcoming);
    if (gap) return { upcoming, gap };
  }
  return undefined;
}
