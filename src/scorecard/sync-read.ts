import type { DoraResult } from "../dora/compute.js";
import { escapeInline } from "../markdown/escape.js";
import type { Scorecard } from "../schemas/scorecard.js";
import type { DebtItem } from "../schemas/tech-debt.js";
import type { TechStack } from "../schemas/tech-stack.js";
import type { Tier } from "../dora/tiers.js";
import { count } from "../text/plural.js";
import { hours, tierTargetText } from "./compose.js";
import {
  areaNames,
  metricAdvice,
  securityMoves,
  stageFocus,
  stageOrder,
  type Advice,
  type AdviceFacts,
  type Area,
  type MetricKey,
  type Stage,
} from "./stage-advice.js";

/**
 * The prompt's "After EVERY interaction" block (reference/cto-copilot-prompt.txt), computed
 * from the scorecard: where the organisation stands, the one thing to do, what is left undone
 * on purpose, and the next moves.
 */
export interface SyncRead {
  /** "## Situation Read": maturity stage, what's healthy, what's concerning, what changed since the previous snapshot. One line each. */
  situation: string;
  /** "## Top Technical Priority": the ONE highest-leverage action. */
  priority: { title: string; why: string };
  /** "## Trade-off Acknowledgment": what we are explicitly NOT doing and why that is acceptable at this stage. */
  tradeOff: string;
  /** "## Next Moves": 2-3 concrete, executable actions. */
  nextMoves: string[];
  /** Who wrote it. */
  drafter: "rules" | "ai";
}

export interface SyncInputs {
  /** The computed engineering_scorecard.json. */
  scorecard: Scorecard;
  /** The previous snapshot, when any. */
  previous?: Scorecard;
  /** The DORA computation (samples, weekly, reasons), when computed. */
  dora?: DoraResult;
  /** Open items of tech_debt.json (resolved ones are left out here too). */
  debtItems?: DebtItem[];
  /** tech_stack.json. */
  stack?: TechStack;
}

type Status = "green" | "yellow" | "red" | "unknown";

const metricKeys: MetricKey[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "mttr"];
const stageNames: Record<Stage, string> = {
  survival: "Survival",
  foundation: "Foundation",
  scale: "Scale",
  optimize: "Optimize",
};
const priorityRank = { critical: 0, high: 1, medium: 2, low: 3 } as const;
/** Which delivery metrics a debt item's impact holds back. */
const impactBlocks: Record<DebtItem["impact"], MetricKey[]> = {
  causing_incidents: ["changeFailureRate", "mttr"],
  blocking_features: ["deploymentFrequency", "leadTime"],
  slowing_onboarding: ["leadTime"],
  accumulating: [],
};
const impactWords: Record<DebtItem["impact"], string> = {
  causing_incidents: "causing incidents",
  blocking_features: "blocking features",
  slowing_onboarding: "slowing onboarding",
  accumulating: "accumulating",
};

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
/** A title from a data file, quoted, on one line, within reason. */
const quoted = (text: string) => `“${shorten(oneLine(text), 80)}”`;
const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
const estimate = (item: DebtItem) =>
  item.estimatedDays === null ? "not estimated yet" : `est. ${count(item.estimatedDays, "day")}`;

/** Everything the rules look at, read once from the inputs. */
interface Facts extends AdviceFacts {
  scorecard: Scorecard;
  previous?: Scorecard;
  status: Record<Exclude<Area, "measurement">, Status>;
  /** Deployments in the window; undefined when the scorecard has no DORA block. */
  deployments?: number;
  openDebt: DebtItem[];
  critical: DebtItem[];
  debtRecorded: boolean;
  stackRecorded: boolean;
}

/** "7 engineers", or what is missing. */
function teamText(scorecard: Scorecard): string {
  const { headcount } = scorecard.team;
  return headcount === 0 ? "headcount not recorded" : count(headcount, "engineer");
}

function factsOf(inputs: SyncInputs): Facts {
  const { scorecard, dora, stack } = inputs;
  const block = scorecard.dora;
  const open = (inputs.debtItems ?? [])
    .filter((item) => item.resolvedAt === null)
    .sort(
      (a, b) =>
        priorityRank[a.priority] - priorityRank[b.priority] ||
        (b.estimatedDays ?? 0) - (a.estimatedDays ?? 0) ||
        a.id.localeCompare(b.id),
    );
  const missing = /missing for the \w+ stage: ([^;]+)/.exec(scorecard.security.reason ?? "")?.[1];
  const services = stack?.stack.infrastructure?.keyServices ?? [];
  const window = dora?.window ?? block?.window;
  const p90 = dora?.leadTimeForChanges.p90Hours ?? block?.leadTimeForChanges.p90Hours ?? null;
  // A GitHub Deployment's ref is its id: the commit and the day say more.
  const failedRefs = (dora?.deployments ?? block?.deployments ?? [])
    .filter((deployment) => deployment.failed)
    .map((deployment) =>
      /^\d+$/.test(deployment.ref)
        ? `${deployment.sha.slice(0, 7)} on ${deployment.time.slice(0, 10)}`
        : deployment.ref,
    );
  return {
    scorecard,
    ...(inputs.previous ? { previous: inputs.previous } : {}),
    stage: scorecard.maturityStage,
    team: teamText(scorecard),
    status: {
      ...(Object.fromEntries(metricKeys.map((key) => [key, scorecard.health[key].status])) as Record<
        MetricKey,
        Status
      >),
      security: scorecard.security.status,
      infrastructure: scorecard.infrastructure.status ?? "unknown",
    },
    ...((dora ?? block) ? { deployments: (dora ?? block)!.deploymentFrequency.deployments } : {}),
    ...((dora ?? block) ? { source: (dora ?? block)!.source } : {}),
    ...(window ? { window: { days: window.days, end: window.end.slice(0, 10) } } : {}),
    openDebt: open,
    critical: open.filter((item) => item.priority === "critical"),
    debtRecorded: inputs.debtItems !== undefined || scorecard.techDebt.totalItems > 0,
    stackRecorded: stack !== undefined,
    securityMissing: missing ? missing.split(", ").map((name) => name.trim()) : [],
    alerts: scorecard.security.openVulnerabilities,
    figure: (key, options) => metricFigure(inputs, key, options),
    ...(p90 !== null ? { p90: hours(p90) } : {}),
    failedRefs,
    ...(stack?.stack.cicd?.pipeline ? { pipeline: stack.stack.cicd.pipeline } : {}),
    ...((stack?.stack.backend?.hosting ?? stack?.stack.frontend?.hosting)
      ? { hosting: (stack?.stack.backend?.hosting ?? stack?.stack.frontend?.hosting)! }
      : {}),
    ...(stack?.stack.observability?.monitoring ? { monitoring: stack.stack.observability.monitoring } : {}),
    ...(stack?.stack.observability?.alerting ? { alerting: stack.stack.observability.alerting } : {}),
    ...(stack?.team?.oncallRotation !== undefined ? { oncall: stack.team.oncallRotation } : {}),
    ...(services.find((service) => /kubernetes|\bk8s\b|\b[ea]ks\b|\bgke\b/i.test(service))
      ? { kubernetes: services.find((service) => /kubernetes|\bk8s\b|\b[ea]ks\b|\bgke\b/i.test(service))! }
      : {}),
    compliance: stack?.constraints?.complianceRequirements ?? [],
    topCostDriver: scorecard.infrastructure.topCostDriver,
  };
}

/** A metric with its figure, target and what it rests on: "lead time for changes 12.3 days (red; target < 1 week; median of 30 changes)". */
function metricFigure(inputs: SyncInputs, key: MetricKey, options: { verb?: boolean; status?: boolean } = {}): string {
  const { scorecard, dora } = inputs;
  const metric = scorecard.health[key];
  const name = areaNames[key];
  if (metric.status === "unknown") return `${name} not measured (${metric.reason ?? "no figure"})`;
  const current =
    metric.current === null
      ? "not given"
      : key === "changeFailureRate" && typeof metric.current === "number"
        ? percent(metric.current)
        : String(metric.current);
  const block = scorecard.dora;
  const samples = metric.samples;
  const days = (dora ?? block)?.window.days;
  let basis: string | undefined;
  if (key === "deploymentFrequency" && samples !== undefined)
    basis = `${count(samples, "deployment")}${days ? ` in ${days} days` : ""}`;
  if (key === "leadTime" && samples !== undefined) {
    const p90 = dora?.leadTimeForChanges.p90Hours ?? block?.leadTimeForChanges.p90Hours ?? null;
    basis = `median of ${count(samples, "change")}${p90 !== null ? `, p90 ${hours(p90)}` : ""}`;
  }
  if (key === "changeFailureRate") {
    const cfr = dora?.changeFailureRate ?? block?.changeFailureRate;
    basis = cfr
      ? `${cfr.failed} of ${count(cfr.total, "deployment")} failed`
      : samples !== undefined
        ? count(samples, "deployment")
        : undefined;
  }
  if (key === "mttr" && samples !== undefined)
    basis =
      dora?.timeToRestore.basis === "incidents"
        ? `median of ${count(samples, "incident")}`
        : dora
          ? `median of ${count(samples, "failed deployment")} to the one that restored it`
          : `median of ${count(samples, "sample")}`;
  const parts = [
    ...(options.status ? [metric.status] : []),
    ...(metric.target !== null ? [`target ${metric.target}`] : []),
    ...(basis ? [basis] : []),
  ];
  return `${name}${options.verb ? " is" : ""} ${current}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}`;
}

function securityFigure(facts: Facts): string {
  const { security } = facts.scorecard;
  const parts = [
    ...(facts.alerts > 0 ? [count(facts.alerts, "open Dependabot alert")] : []),
    ...(facts.securityMissing.length > 0
      ? [`missing for the ${facts.stage} stage: ${facts.securityMissing.join(", ")}`]
      : []),
  ];
  return parts.length > 0
    ? `security is ${security.status}: ${parts.join("; ")}`
    : `security is ${security.status} (${security.reason ?? "no reason given"})`;
}

function infrastructureFigure(facts: Facts): string {
  const { infrastructure } = facts.scorecard;
  return `infrastructure cost is ${infrastructure.status ?? "unknown"} (${infrastructure.reason ?? "no reason given"})`;
}

const measured = (facts: Facts) => metricKeys.some((key) => facts.status[key] !== "unknown");
/** No deployment found (or no DORA figure at all): delivery is not measured. */
const unmeasured = (facts: Facts) => facts.deployments === 0 || (facts.deployments === undefined && !measured(facts));

function whereFrom(facts: Facts): string {
  return facts.source && facts.window
    ? `No deployment was found from the \`${facts.source}\` source in the ${facts.window.days} days to ${facts.window.end}`
    : "The scorecard has no DORA figures";
}

/** The candidates for the one priority: red before yellow, then in the stage's order. */
function ranked(facts: Facts): { area: Area; status: "red" | "yellow" }[] {
  const candidates: { area: Area; status: "red" | "yellow" }[] = [];
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

function areaFigure(facts: Facts, area: Area): string {
  if (area === "security") return securityFigure(facts);
  if (area === "infrastructure") return infrastructureFigure(facts);
  if (area === "measurement") return `${whereFrom(facts)}: delivery is not measured`;
  return facts.figure(area, { verb: true, status: true });
}

/** Stage, healthy, concerning, not measured, changes: one line each. */
function situation(facts: Facts, inputs: SyncInputs): string {
  const { scorecard } = facts;
  const stageSource =
    inputs.stack?.maturityStage === facts.stage
      ? " (tech_stack.json)"
      : scorecard.team.headcount > 0
        ? " (from the headcount)"
        : "";
  const lines = [
    `${stageNames[facts.stage]} stage${stageSource}, ${facts.team}${scorecard.team.openRoles > 0 ? `, ${count(scorecard.team.openRoles, "open role")}` : ""}: the stage for ${stageFocus[facts.stage]}.`,
  ];
  const healthy: string[] = [];
  const concerning: string[] = [];
  const missing: string[] = [];
  const noDelivery = unmeasured(facts);
  if (noDelivery)
    missing.push(
      `delivery (${whereFrom(facts).replace(/^No/, "no").replace(/^The/, "the")}; set \`dora.source\` in .github/cto-copilot.yml to how you deploy)`,
    );
  for (const key of metricKeys) {
    const status = facts.status[key];
    if (status === "green") healthy.push(facts.figure(key));
    else if (status === "red" || status === "yellow") concerning.push(facts.figure(key, { status: true }));
    else if (!noDelivery) missing.push(facts.figure(key).replace(" not measured (", ": not measured ("));
  }
  const security = facts.status.security;
  if (security === "green") healthy.push(`security (${scorecard.security.reason ?? "nothing missing"})`);
  else if (security === "unknown") missing.push(`security (${scorecard.security.reason ?? "not checked"})`);
  else concerning.push(securityFigure(facts).replace(/^security is /, "security "));
  const infrastructure = facts.status.infrastructure;
  if (infrastructure === "green") healthy.push(`infrastructure cost (${scorecard.infrastructure.reason ?? ""})`);
  else if (infrastructure === "unknown")
    missing.push(
      `infrastructure cost (${scorecard.infrastructure.reason ?? "no figure"}: record spend with mrr or utilisation in infra_costs.json)`,
    );
  else concerning.push(infrastructureFigure(facts).replace(/^infrastructure cost is /, "infrastructure cost "));
  if (facts.critical.length > 0)
    concerning.push(
      `${count(facts.critical.length, "critical debt item")} of ${count(facts.openDebt.length, "open item")}: ${facts.critical
        .slice(0, 3)
        .map((item) => `${item.id} ${quoted(item.title)}`)
        .join(", ")}`,
    );
  else if (facts.debtRecorded && facts.openDebt.length > 0)
    healthy.push(`no critical debt (${count(facts.openDebt.length, "open item")})`);
  else if (facts.debtRecorded && scorecard.techDebt.criticalItems > 0)
    concerning.push(
      `${count(scorecard.techDebt.criticalItems, "critical debt item")} of ${count(scorecard.techDebt.totalItems, "open item")}`,
    );
  if (!facts.debtRecorded) missing.push("tech debt (no tech_debt.json: `cto-copilot init` creates one to list it in)");
  if (!facts.stackRecorded)
    missing.push("the stack (no tech_stack.json: `cto-copilot init --discover` drafts one from the repository)");
  if (scorecard.team.headcount === 0) missing.push("headcount (team.json, or team.headcount in tech_stack.json)");
  lines.push(
    healthy.length > 0 ? `Healthy: ${healthy.join("; ")}.` : `Healthy: nothing measured is at target yet.`,
    concerning.length > 0 ? `Concerning: ${concerning.join("; ")}.` : "Concerning: nothing measured is below target.",
  );
  if (missing.length > 0) lines.push(`Not measured: ${missing.join("; ")}.`);
  lines.push(changes(facts));
  return lines.join("\n");
}

/** What moved since the previous scorecard: statuses, tiers, debt counts, stage, headcount. */
function changes(facts: Facts): string {
  const { scorecard, previous } = facts;
  if (!previous)
    return "Changes: this is the first scorecard, so there is nothing to compare with; the next run compares with this one.";
  const since = `Since the scorecard of ${previous.generatedAt.slice(0, 10)}`;
  const moved: string[] = [];
  const tiers = {
    deploymentFrequency: [previous.dora?.deploymentFrequency.tier, scorecard.dora?.deploymentFrequency.tier],
    leadTime: [previous.dora?.leadTimeForChanges.tier, scorecard.dora?.leadTimeForChanges.tier],
    changeFailureRate: [previous.dora?.changeFailureRate.tier, scorecard.dora?.changeFailureRate.tier],
    mttr: [previous.dora?.timeToRestore.tier, scorecard.dora?.timeToRestore.tier],
  } as const;
  const show = (key: MetricKey, value: string | number | null) =>
    value === null ? "—" : key === "changeFailureRate" && typeof value === "number" ? percent(value) : String(value);
  const newlyMeasured: string[] = [];
  for (const key of metricKeys) {
    const before = previous.health[key];
    const now = scorecard.health[key];
    const [tierBefore, tierNow] = tiers[key];
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
  if (newlyMeasured.length > 0) moved.unshift(`now measured: ${newlyMeasured.join(", ")}`);
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
  return moved.length > 0
    ? `${since}: ${moved.join("; ")}.`
    : `${since}: no status moved; open tech debt steady at ${count(debtNow, "item")}.`;
}

/** The open critical item that holds back a metric, if any: its impact says which. */
function blocker(facts: Facts, key: MetricKey): DebtItem | undefined {
  return facts.critical.find((item) => impactBlocks[item.impact].includes(key));
}

function closeDebtMove(item: DebtItem, because?: string): string {
  return `Close debt item ${item.id} ${quoted(item.title)} (${item.priority}, ${estimate(item)}${because ? `; ${because}` : ""}) and set its resolvedAt in tech_debt.json.`;
}

/** The one priority, with its own moves. */
/** The priority, and what it is about: an area below target, a debt item, or holding the line. */
type Chosen = Advice & { area: Area | "debt" | "hold"; debt?: DebtItem };

function choosePriority(facts: Facts): Chosen {
  const [top] = ranked(facts);
  if (top) {
    if (top.area !== "security" && top.area !== "infrastructure" && top.area !== "measurement") {
      const item = blocker(facts, top.area);
      if (item) {
        const metric = metricAdvice(facts, top.area);
        return {
          area: "debt",
          debt: item,
          title: `Pay down ${item.id}: ${quoted(item.title)}`,
          why: `${capitalize(facts.figure(top.area, { verb: true, status: true }))}, and ${item.id} is critical debt ${impactWords[item.impact]} (${item.quadrant.replace("_", ", ")}; ${estimate(item)}). ${capitalize(areaNames[top.area])} is the first thing to fix at the ${facts.stage} stage, and this item is what holds it back.`,
          moves: [closeDebtMove(item), ...metric.moves.slice(0, 1)],
        };
      }
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

/** What the stage asks for that tech_stack.json says is missing (all metrics at target). */
function stageGap(facts: Facts): Advice | undefined {
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

const tierOrder: Tier[] = ["low", "medium", "high", "elite"];

/** All at target: hold the pace (survival), or raise the target of the metric furthest from elite. */
function raiseTheBar(facts: Facts): Advice {
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
  const block = facts.scorecard.dora;
  const actual: Record<MetricKey, Tier | null | undefined> = {
    deploymentFrequency: block?.deploymentFrequency.tier,
    leadTime: block?.leadTimeForChanges.tier,
    changeFailureRate: block?.changeFailureRate.tier,
    mttr: block?.timeToRestore.tier,
  };
  const targetTier = (key: MetricKey) =>
    tierOrder.find((tier) => tierTargetText[key][tier] === facts.scorecard.health[key].target);
  // The metric furthest from elite whose target can still go up.
  const raisable = greens
    .map((key) => ({ key, target: targetTier(key), tier: actual[key] ?? targetTier(key) }))
    .filter(
      (entry): entry is { key: MetricKey; target: Tier; tier: Tier } =>
        entry.target !== undefined && entry.target !== "elite" && entry.tier !== undefined && entry.tier !== null,
    )
    .sort((a, b) => tierOrder.indexOf(a.tier) - tierOrder.indexOf(b.tier))[0];
  if (!raisable)
    return {
      title: "Hold every metric at target",
      why: `${measuredText}, and every target is already elite: nothing in the scorecard asks for a change of course at the ${facts.stage} stage.`,
      moves: [],
    };
  const next = tierOrder[tierOrder.indexOf(raisable.target) + 1]!;
  const name = areaNames[raisable.key];
  const already = tierOrder.indexOf(raisable.tier) >= tierOrder.indexOf(next);
  return {
    title: `Raise the ${name} target to ${next}`,
    why: `${measuredText}. ${capitalize(facts.figure(raisable.key, { verb: true }))}: tier ${raisable.tier}, ${already ? `already at ${next}, so a${next === "elite" ? "n" : ""} ${next} target keeps it there` : `the furthest from elite; ${next} (${tierTargetText[raisable.key][next]}) is the next step`} for a ${facts.stage}-stage team.`,
    moves: [
      `Set \`scorecard.targets.${raisable.key}: ${next}\` in .github/cto-copilot.yml so the scorecard holds ${name} to ${tierTargetText[raisable.key][next]}.`,
    ],
  };
}

/** "With 7 engineers, one deployable…", or without the headcount when it is not recorded. */
const withTeam = (facts: Facts, rest: string) =>
  facts.scorecard.team.headcount > 0 ? `With ${facts.team}, ${rest}` : capitalize(rest);

/** What the stage does not need yet, tied to the team and the constraints recorded. */
function notYet(facts: Facts): string {
  const soc2Required = facts.compliance.find((requirement) => /soc ?2/i.test(requirement));
  const kubernetes = facts.kubernetes
    ? `no further platform work on ${facts.kubernetes} (tech_stack.json lists it)`
    : "no Kubernetes";
  const soc2 = (text: string) => (soc2Required ? [] : [text]);
  const kept = soc2Required ? ` ${soc2Required} stays: tech_stack.json records it as required.` : "";
  switch (facts.stage) {
    case "survival":
      return `Not now: ${list(["no microservices split", kubernetes, ...soc2("no SOC2 yet")])}. ${withTeam(facts, "one deployable service on a managed host ships fastest, and the survival stage's security minimum is HTTPS, secrets outside the code, basic authentication and backups.")}${kept}`;
    case "foundation":
      return `Not now: ${list(["no microservices split", kubernetes, ...soc2("no SOC2 Type 2")])}. ${withTeam(facts, "the foundation stage asks for CI/CD, monitoring and code review first; SOC2 Type 1 belongs to the scale stage and Type 2 to optimize.")}${kept}`;
    case "scale":
      return `Not now: ${list(["no rewrite or re-platforming", ...soc2("no SOC2 Type 2"), "no bug bounty"])}. At the scale stage (${facts.team}) the bar is SLOs, incident response, penetration tests and SOC2 Type 1; Type 2 and a bug bounty come at the optimize stage.${kept}`;
    case "optimize":
      return `Not now: no new frameworks or platforms. At the optimize stage (${facts.team}) the return is in the productivity and cost of what already runs.`;
  }
}

function tradeOff(facts: Facts, priority: { area: Area | "debt" | "hold" }): string {
  const first = ranked(facts);
  // Debt is chosen for the area it holds back: the first of the ranking.
  const chosen: Area | undefined =
    priority.area === "debt" || priority.area === "hold" ? first[0]?.area : priority.area;
  const deferred = first.filter((candidate) => candidate.area !== chosen && candidate.area !== "security").slice(0, 2);
  const sentences = [notYet(facts)];
  if (deferred.length > 0) {
    const names = deferred.map((candidate) => areaFigure(facts, candidate.area));
    const what = chosen ? areaNames[chosen] : "the priority";
    const lesser = first[0]?.status === "red" && deferred.every((candidate) => candidate.status === "yellow");
    sentences.push(
      `Also below target, and left for later on purpose: ${names.join("; ")}. ${lesser ? `${capitalize(what)} comes first: it is red.` : `At the ${facts.stage} stage ${what} comes first.`}`,
    );
  } else if (unmeasured(facts))
    sentences.push("No delivery target is chased until deployments are measured: there is no figure to hold it to.");
  return sentences.join(" ");
}

/**
 * Moves that support any priority, most urgent first: the stage's missing minimum security,
 * critical debt, the stage's next investment, then the data the scorecard lacks.
 */
function supportingMoves(facts: Facts, priority: Chosen): string[] {
  const moves: string[] = [];
  if (priority.area !== "security") {
    if (facts.alerts > 0)
      moves.push(
        `Fix the ${count(facts.alerts, "open Dependabot alert")} (Security → Dependabot): merge or apply the upgrades, highest severity first.`,
      );
    moves.push(...securityMoves(facts));
  }
  const item = facts.critical.find((candidate) => candidate !== priority.debt);
  if (item) {
    const holds = metricKeys.filter(
      (key) =>
        impactBlocks[item.impact].includes(key) && (facts.status[key] === "red" || facts.status[key] === "yellow"),
    );
    moves.push(
      closeDebtMove(item, holds.length > 0 ? `it holds back ${list(holds.map((key) => areaNames[key]))}` : undefined),
    );
  }
  if (priority.area !== "hold" && priority.area !== "mttr") moves.push(...(stageGap(facts)?.moves ?? []));
  if (!facts.stackRecorded)
    moves.push("Record the stack: `cto-copilot init --discover` drafts tech_stack.json from the repository.");
  if (facts.scorecard.team.headcount === 0)
    moves.push(
      "Record the headcount in team.json (or team.headcount in tech_stack.json) so the stage follows from it.",
    );
  if (!facts.debtRecorded) moves.push("List known tech debt in tech_debt.json (`cto-copilot init` creates it).");
  const next = facts.openDebt.find(
    (candidate) => candidate !== priority.debt && (candidate.priority === "high" || candidate.priority === "medium"),
  );
  if (next && !facts.critical.includes(next)) moves.push(closeDebtMove(next));
  if (facts.status.infrastructure === "unknown")
    moves.push(
      "Record last month's infrastructure spend with MRR and compute utilisation in infra_costs.json, so the scorecard can judge cost against the stage's target.",
    );
  return moves;
}

/** The priority's own moves first, then the supporting ones; two or three, never the same twice. */
function nextMoves(facts: Facts, priority: Chosen): string[] {
  const moves = [...new Set([...priority.moves, ...supportingMoves(facts, priority)])];
  const fallback =
    "Run the scorecard again next week (Action `command: scorecard` on its schedule) and compare with this read.";
  if (moves.length < 2) moves.push(fallback);
  return moves.slice(0, 3);
}

/** The deterministic sync read: the same inputs always give the same text. */
export function ruleBasedSyncRead(inputs: SyncInputs): SyncRead {
  const facts = factsOf(inputs);
  const priority = choosePriority(facts);
  return {
    situation: situation(facts, inputs),
    priority: { title: priority.title, why: priority.why },
    tradeOff: tradeOff(facts, priority),
    nextMoves: nextMoves(facts, priority),
    drafter: "rules",
  };
}

/** The prompt's section titles, in order. */
export const syncReadHeadings = [
  "Situation Read",
  "Top Technical Priority",
  "Trade-off Acknowledgment",
  "Next Moves",
] as const;

/** One line of text as inert markdown: escaped, and never the start of a heading, quote or list. */
function inline(text: string): string {
  return escapeInline(text)
    .trim()
    .replace(/^[#>+*=~_-]/, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Markdown of the four sections, `###` headings (under a summary's `##`); every text is escaped
 * (debt titles, incident titles and model output alike). An AI-drafted read says so right
 * under the first heading.
 */
export function renderSyncRead(read: SyncRead): string {
  const situationLines = read.situation
    .split("\n")
    .map(inline)
    .filter((line) => line !== "");
  const [situationTitle, priorityTitle, tradeOffTitle, movesTitle] = syncReadHeadings;
  const lines = [
    `### ${situationTitle}`,
    "",
    ...(read.drafter === "ai" ? ["AI-drafted", ""] : []),
    ...(situationLines.length > 1 ? situationLines.map((line) => `- ${line}`) : situationLines),
    "",
    `### ${priorityTitle}`,
    "",
    `**${inline(read.priority.title)}**`,
    "",
    inline(read.priority.why),
    "",
    `### ${tradeOffTitle}`,
    "",
    inline(read.tradeOff),
    "",
    `### ${movesTitle}`,
    "",
    ...read.nextMoves.map((move, index) => `${index + 1}. ${inline(move)}`),
  ];
  return lines.join("\n") + "\n";
}
