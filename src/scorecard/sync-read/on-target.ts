import type { Tier } from "../../dora/tiers.js";
import { tierTargetText } from "../compose.js";
import { areaNames, type Advice, type MetricKey } from "../stage-advice.js";
import { metricKeys, tierOf, type Facts } from "./facts.js";
import { capitalize } from "./wording.js";

/** Advice for when nothing measured is below target: what the stage still lacks, or a higher bar. */

const tierOrder: Tier[] = ["low", "medium", "high", "elite"];

/** What the stage asks for that tech_stack.json says is missing (all metrics at target). */
export function stageGap(facts: Facts): Advice | undefined {
  if (facts.stage === "foundation" && facts.stackRecorded && !facts.monitoring)
    return {
      title: "Add monitoring and alerting",
      why: `Every measured metric meets its target, and tech_stack.json records no monitoring (stack.observability.monitoring is empty): at the foundation stage monitoring is a basic, and the next incident should page someone before a customer writes in.`,
      moves: [
        "Set up error and latency monitoring with an alert on the main user path, and record the tool in tech_stack.json (stack.observability).",
      ],
    };
  if ((facts.stage === "scale" || facts.stage === "optimize") && facts.oncall === false)
    return {
      title: "Start an on-call rotation",
      why: `Every measured metric meets its target, and tech_stack.json records no on-call rotation (team.oncallRotation: false) for ${facts.team}: at the ${facts.stage} stage incident response is part of the bar.`,
      moves: [
        "Set up an on-call rotation with a runbook per critical service, then set team.oncallRotation: true in tech_stack.json.",
      ],
    };
  return undefined;
}

type Raisable = { key: MetricKey; target: Tier; tier: Tier };

/** The metric furthest from elite whose target can still go up. */
function raisable(facts: Facts, greens: MetricKey[]): Raisable | undefined {
  const targetTier = (key: MetricKey) =>
    tierOrder.find((tier) => tierTargetText[key][tier] === facts.scorecard.health[key].target);
  return greens
    .map((key) => ({ key, target: targetTier(key), tier: tierOf(facts.scorecard, key) ?? targetTier(key) }))
    .filter(
      (entry): entry is Raisable =>
        entry.target !== undefined && entry.target !== "elite" && entry.tier !== undefined && entry.tier !== null,
    )
    .sort((a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier))[0];
}

/** Raise the metric's target one tier: why, from its figure and tier, and where to set it. */
function raiseTarget(facts: Facts, measuredText: string, metric: Raisable): Advice {
  const next = tierOrder[tierOrder.indexOf(metric.target) + 1]!;
  const name = areaNames[metric.key];
  const already = tierOrder.indexOf(metric.tier) >= tierOrder.indexOf(next);
  return {
    title: `Raise the ${name} target to ${next}`,
    why: `${measuredText}. ${capitalize(facts.figure(metric.key, { verb: true }))}: tier ${metric.tier}, ${already ? `already at ${next}, so a${next === "elite" ? "n" : ""} ${next} target keeps it there` : `the furthest from elite; ${next} (${tierTargetText[metric.key][next]}) is the next step`} for a ${facts.stage}-stage team.`,
    moves: [
      `Set \`scorecard.targets.${metric.key}: ${next}\` in .github/cto-copilot.yml so the scorecard holds ${name} to ${tierTargetText[metric.key][next]}.`,
    ],
  };
}

/** All at target: hold the pace (survival), or raise the target of the metric furthest from elite. */
export function raiseTheBar(facts: Facts): Advice {
  const greens = metricKeys.filter((key) => facts.status[key] === "green");
  const measuredText =
    greens.length > 0
      ? `All ${greens.length} measured delivery metrics meet their targets`
      : "Nothing measured is below target";
  if (facts.stage === "survival" || greens.length === 0)
    return {
      title: "Keep shipping at this pace",
      why: `${measuredText}${greens.length > 0 ? ` (${greens.map((key) => facts.figure(key).replace(/ \(.*$/, "")).join(", ")})` : ""}. At the ${facts.stage} stage (${facts.team}) the product is the priority; more process would slow it.`,
      moves: [],
    };
  const metric = raisable(facts, greens);
  if (!metric)
    return {
      title: "Hold every metric at target",
      why: `${measuredText}, and every target is already elite: nothing in the scorecard asks for a change of course at the ${facts.stage} stage.`,
      moves: [],
    };
  return raiseTarget(facts, measuredText, metric);
}
