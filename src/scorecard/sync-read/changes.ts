import type { Scorecard } from "../../schemas/scorecard.js";
import { count } from "../../text/plural.js";
import { areaNames, type MetricKey } from "../stage-advice.js";
import { metricKeys, tierOf, type Facts } from "./facts.js";
import { percent } from "./wording.js";

const show = (key: MetricKey, value: string | number | null) =>
  value === null ? "—" : key === "changeFailureRate" && typeof value === "number" ? percent(value) : String(value);

/** How the delivery metrics moved: newly measured ones first (as one entry), then the others in order. */
function metricMoves(previous: Scorecard, scorecard: Scorecard): string[] {
  const moved: string[] = [];
  const newlyMeasured: string[] = [];
  for (const key of metricKeys) {
    const before = previous.health[key];
    const now = scorecard.health[key];
    const tierBefore = tierOf(previous, key);
    const tierNow = tierOf(scorecard, key);
    if (before.status === "unknown" && now.status !== "unknown")
      newlyMeasured.push(`${areaNames[key]} (${now.status}, ${show(key, now.current)})`);
    else if (before.status !== now.status && now.status === "unknown")
      moved.push(`${areaNames[key]} no longer measured (was ${before.status}, ${show(key, before.current)})`);
    else if (before.status !== now.status)
      moved.push(
        `${areaNames[key]} ${before.status} → ${now.status} (${show(key, before.current)} → ${show(key, now.current)})`,
      );
    else if (tierBefore && tierNow && tierBefore !== tierNow)
      moved.push(`${areaNames[key]} tier ${tierBefore} → ${tierNow}, still ${now.status}`);
  }
  return newlyMeasured.length > 0 ? [`now measured: ${newlyMeasured.join(", ")}`, ...moved] : moved;
}

/** How security, cost, debt, the stage and the headcount moved. */
function otherMoves(previous: Scorecard, scorecard: Scorecard): string[] {
  const moved: string[] = [];
  if (previous.security.status !== scorecard.security.status)
    moved.push(`security ${previous.security.status} → ${scorecard.security.status}`);
  const infraBefore = previous.infrastructure.status ?? "unknown";
  const infraNow = scorecard.infrastructure.status ?? "unknown";
  if (infraBefore !== infraNow) moved.push(`infrastructure cost ${infraBefore} → ${infraNow}`);
  const debtBefore = previous.techDebt.totalItems;
  const debtNow = scorecard.techDebt.totalItems;
  if (debtBefore !== debtNow)
    moved.push(
      `open tech debt ${debtNow > debtBefore ? "up" : "down"} from ${debtBefore} to ${count(debtNow, "item")}`,
    );
  if (previous.techDebt.criticalItems !== scorecard.techDebt.criticalItems)
    moved.push(`critical debt ${previous.techDebt.criticalItems} → ${scorecard.techDebt.criticalItems}`);
  if (previous.maturityStage !== scorecard.maturityStage)
    moved.push(`stage ${previous.maturityStage} → ${scorecard.maturityStage}`);
  if (previous.team.headcount !== scorecard.team.headcount)
    moved.push(`headcount ${previous.team.headcount} → ${scorecard.team.headcount}`);
  return moved;
}

/** What moved since the previous scorecard: statuses, tiers, debt counts, stage, headcount. */
export function changes(facts: Facts): string {
  const { scorecard, previous } = facts;
  if (!previous)
    return "Changes: this is the first scorecard, so there is nothing to compare with; the next run compares with this one.";
  const since = `Since the scorecard of ${previous.generatedAt.slice(0, 10)}`;
  const moved = [...metricMoves(previous, scorecard), ...otherMoves(previous, scorecard)];
  return moved.length > 0
    ? `${since}: ${moved.join("; ")}.`
    : `${since}: no status moved; open tech debt steady at ${count(scorecard.techDebt.totalItems, "item")}.`;
}
