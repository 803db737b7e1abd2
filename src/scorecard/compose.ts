import type { DoraResult } from "../dora/compute.js";
import { count } from "../text/plural.js";
import { tierRank, type Tier } from "../dora/tiers.js";
import type { Config } from "../schemas/config.js";
import type { InfraCosts } from "../schemas/infra-costs.js";
import type { DoraBlock, Scorecard } from "../schemas/scorecard.js";
import type { Team } from "../schemas/team.js";
import type { TechDebt } from "../schemas/tech-debt.js";
import type { TechStack } from "../schemas/tech-stack.js";
import { costTrends } from "./cost-trends.js";
import { securityMinimumItems, type SecurityEvidence } from "./security-minimum.js";

type Status = "green" | "yellow" | "red" | "unknown";
type Stage = Scorecard["maturityStage"];

/** What the repository shows about security (each undefined when it could not be read). */
export interface SecurityFacts {
  securityPolicy?: boolean;
  dependabotConfig?: boolean;
  branchProtection?: boolean;
  openDependabotAlerts?: number;
  /** The repository's workflows, scanner configs and Terraform, for the rest of the stage's minimum (absent: not read). */
  evidence?: SecurityEvidence;
}

export interface ScorecardInput {
  now: Date;
  dora: DoraResult;
  /** Include the per-deployment evidence in the dora block (`--explain`). */
  explain?: boolean;
  targets: Config["scorecard"]["targets"];
  techStack?: TechStack;
  techDebt?: TechDebt;
  infraCosts?: InfraCosts;
  team?: Team;
  /** `data/cfo/latest_forecast.json`, read leniently for monthly revenue. */
  cfoForecast?: Record<string, unknown>;
  security: SecurityFacts;
  /** What the post-mortems and ADRs promised (counted by the follow-up), when there are any. */
  followUp?: Scorecard["followUp"];
}

type Targets = Config["scorecard"]["targets"];

/** The target of each metric in words, per target tier (the scorecard's `target` field). */
export const tierTargetText: Record<keyof Targets, Record<Tier, string>> = {
  deploymentFrequency: { elite: "daily or more (>= 7/week)", high: ">= 1/week", medium: ">= 1/month", low: "any" },
  leadTime: { elite: "< 24 h", high: "< 1 week", medium: "< 30 days", low: "any" },
  changeFailureRate: { elite: "<= 5%", high: "<= 10%", medium: "<= 15%", low: "any" },
  mttr: { elite: "< 1 h", high: "< 24 h", medium: "< 1 week", low: "any" },
};

/** Green at or above the target tier, yellow one tier below, red further below. */
function statusFor(tier: Tier | null, target: Tier): Status {
  if (tier === null) return "unknown";
  const gap = tierRank[target] - tierRank[tier];
  return gap <= 0 ? "green" : gap === 1 ? "yellow" : "red";
}

/** Hours as the scorecard writes them: "5.0 days" from 48 h up, else "12.5 h". */
export const hours = (value: number) => (value >= 48 ? `${(value / 24).toFixed(1)} days` : `${value.toFixed(1)} h`);

function stageFromHeadcount(headcount: number): Stage {
  return headcount < 3 ? "survival" : headcount <= 10 ? "foundation" : headcount <= 30 ? "scale" : "optimize";
}

const priorityOrder = { critical: 0, high: 1, medium: 2, low: 3 } as const;

const dayMs = 86_400_000;

function techDebtSummary(debt: TechDebt | undefined, now: Date): Scorecard["techDebt"] {
  const open = (debt?.items ?? []).filter((item) => item.resolvedAt === null);
  const oldestCritical = open
    .filter((item) => item.priority === "critical")
    .map((item) => Date.parse(`${item.createdAt}T00:00:00Z`))
    .filter((time) => !Number.isNaN(time))
    .sort((a, b) => a - b)[0];
  const estimates = open.filter((item) => item.estimatedDays !== null);
  const top = [...open].sort(
    (a, b) =>
      priorityOrder[a.priority] - priorityOrder[b.priority] ||
      (b.estimatedDays ?? 0) - (a.estimatedDays ?? 0) ||
      a.id.localeCompare(b.id),
  )[0];
  return {
    criticalItems: open.filter((item) => item.priority === "critical").length,
    totalItems: open.length,
    estimatedDays: estimates.length > 0 ? estimates.reduce((sum, item) => sum + item.estimatedDays!, 0) : null,
    topItem: top?.title ?? "",
    ...(debt
      ? {
          oldestCriticalAgeDays:
            oldestCritical === undefined ? null : Math.max(0, Math.floor((now.getTime() - oldestCritical) / dayMs)),
        }
      : {}),
  };
}

function numberField(source: Record<string, unknown> | undefined, names: string[]): number | undefined {
  for (const name of names) if (typeof source?.[name] === "number") return source[name] as number;
  return undefined;
}

/** Judged by the cost targets of docs/stages-and-targets.md: infra < 20% of revenue early (< 10% at scale), compute utilisation > 40%. */
function infrastructureSummary(
  costs: InfraCosts | undefined,
  forecast: Record<string, unknown> | undefined,
  stage: Stage,
): Scorecard["infrastructure"] {
  const month = costs?.months.at(-1);
  if (!month)
    return {
      monthlySpend: null,
      spendAsPercentOfRevenue: null,
      costPerCustomer: null,
      topCostDriver: "",
      computeUtilization: null,
      status: "unknown",
      reason: "no month in infra_costs.json",
    };
  const revenue = month.mrr ?? numberField(forecast, ["mrr", "monthlyRevenue", "revenue"]) ?? null;
  const percent = revenue ? Math.round((month.totalSpend / revenue) * 1000) / 10 : null;
  const perCustomer = month.activeCustomers ? Math.round((month.totalSpend / month.activeCustomers) * 100) / 100 : null;
  const top = [...(month.byService ?? [])].sort((a, b) => b.spend - a.spend)[0];
  const utilization = month.utilization?.compute ?? null;
  const limit = stage === "scale" || stage === "optimize" ? 10 : 20;
  const problems: string[] = [];
  const facts: string[] = [];
  if (percent !== null)
    (percent < limit ? facts : problems).push(
      `infra is ${percent}% of revenue (target < ${limit}% at the ${stage} stage)`,
    );
  if (utilization !== null)
    (utilization > 0.4 ? facts : problems).push(`compute utilisation ${Math.round(utilization * 100)}% (target > 40%)`);
  // Month over month: cost per customer, spend against revenue, database efficiency (the prompt's red flags).
  const trends = costTrends(costs?.months ?? []);
  problems.push(...trends.problems);
  facts.push(...trends.facts);
  const known = (percent !== null ? 1 : 0) + (utilization !== null ? 1 : 0) + trends.judged;
  const status: Status =
    known === 0 ? "unknown" : problems.length === 0 ? "green" : problems.length < known ? "yellow" : "red";
  return {
    monthlySpend: month.totalSpend,
    spendAsPercentOfRevenue: percent,
    costPerCustomer: perCustomer,
    topCostDriver: top?.service ?? "",
    computeUtilization: utilization,
    status,
    reason:
      known === 0
        ? `no revenue or utilisation recorded for ${month.month}`
        : `${[...problems, ...facts].join("; ")} (${month.month})`,
  };
}

/** What the repository shows, held against the minimum security for the stage (docs/stages-and-targets.md). */
function securitySummary(facts: SecurityFacts, stack: TechStack | undefined, stage: Stage): Scorecard["security"] {
  const missing: string[] = [];
  const present: string[] = [];
  const unknown: string[] = [];
  const check = (value: boolean | undefined, name: string) =>
    (value === undefined ? unknown : value ? present : missing).push(name);
  check(facts.securityPolicy, "SECURITY.md");
  const dependencyUpdates =
    facts.dependabotConfig === true || facts.evidence?.renovateConfig === true ? true : facts.dependabotConfig;
  if (stage !== "survival") check(dependencyUpdates, "dependency updates (Dependabot or Renovate config)");
  if (stage !== "survival") check(facts.branchProtection, "branch protection on the default branch");
  // What no file can show (GitHub's own secret scanning, an organisation's trail) is said, without making the status unknown.
  const unseen: string[] = [];
  for (const item of facts.evidence ? securityMinimumItems(facts.evidence, stage) : []) {
    const name = item.detail ? `${item.name} (${item.detail})` : item.name;
    (item.state === "present" ? present : item.state === "missing" ? missing : unseen).push(name);
  }
  const alerts = facts.openDependabotAlerts;
  const status: Status =
    alerts !== undefined && alerts > 0
      ? "red"
      : missing.length > 0
        ? "yellow"
        : unknown.length > 0
          ? "unknown"
          : "green";
  const compliance = stack?.constraints?.complianceRequirements ?? [];
  const parts = [
    ...(alerts !== undefined
      ? [`${alerts} open Dependabot alert${alerts === 1 ? "" : "s"}`]
      : ["open Dependabot alerts not checked"]),
    ...(present.length ? [`present: ${present.join(", ")}`] : []),
    ...(missing.length ? [`missing for the ${stage} stage: ${missing.join(", ")}`] : []),
    ...(unknown.length + unseen.length ? [`not checked: ${[...unknown, ...unseen].join(", ")}`] : []),
  ];
  return {
    complianceStatus:
      compliance.length > 0
        ? `${compliance.join(", ")} required (not evidenced in the repository)`
        : "no compliance requirement recorded",
    lastSecurityReview: "",
    openVulnerabilities: alerts ?? 0,
    status,
    reason: parts.join("; "),
  };
}

/** The five figures as the scorecard keeps them, for the repository and for each service. */
export function doraFigures(dora: DoraResult) {
  return {
    deploymentFrequency: dora.deploymentFrequency,
    leadTimeForChanges: dora.leadTimeForChanges,
    changeFailureRate: dora.changeFailureRate,
    timeToRestore: {
      medianHours: dora.timeToRestore.medianHours,
      samples: dora.timeToRestore.samples,
      tier: dora.timeToRestore.tier,
    },
    reworkRate: dora.reworkRate,
  };
}

function doraBlock(dora: DoraResult, explain: boolean): DoraBlock {
  return {
    source: dora.source,
    window: dora.window,
    ...doraFigures(dora),
    ...(explain ? { deployments: dora.deployments } : {}),
  };
}

/** `engineering_scorecard.json` (schema in src/schemas/scorecard.ts), with a `dora` block; every status says why. */
export function composeScorecard(input: ScorecardInput): Scorecard {
  const { dora, targets } = input;
  const headcount = input.team?.headcount ?? input.techStack?.team?.headcount ?? 0;
  const stage = input.techStack?.maturityStage ?? stageFromHeadcount(headcount);
  const day = input.now.toISOString().slice(0, 10);
  const df = dora.deploymentFrequency;
  const lt = dora.leadTimeForChanges;
  const cfr = dora.changeFailureRate;
  const ttr = dora.timeToRestore;
  const window = `${dora.window.days} days`;
  /** One health metric: its value, the target tier's threshold in words, green/yellow/red against it, and why. */
  const health = <T extends string | number | null>(
    key: keyof Targets,
    tier: Tier | null,
    current: T,
    samples: number,
    reason: string,
  ) => ({
    current,
    target: tierTargetText[key][targets[key]],
    status: statusFor(tier, targets[key]),
    samples,
    reason,
  });
  return {
    version: "1.0",
    generatedAt: input.now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    syncId: `sync_${day}`,
    maturityStage: stage,
    health: {
      deploymentFrequency: health(
        "deploymentFrequency",
        df.tier,
        df.tier === null ? null : `${df.perWeek}/week`,
        df.deployments,
        df.tier === null
          ? `no deployment in the ${window} window (source: ${dora.source}): no data, so no tier`
          : `${count(df.deployments, "deployment")} in ${window}: tier ${df.tier}, target ${targets.deploymentFrequency}`,
      ),
      leadTime: health(
        "leadTime",
        lt.tier,
        lt.medianHours === null ? null : hours(lt.medianHours),
        lt.samples,
        lt.medianHours === null
          ? "no changes deployed in the window"
          : `median of ${count(lt.samples, "change")} (p90 ${hours(lt.p90Hours!)}): tier ${lt.tier}, target ${targets.leadTime}`,
      ),
      changeFailureRate: health(
        "changeFailureRate",
        cfr.tier,
        cfr.rate,
        cfr.total,
        cfr.rate === null
          ? "no deployments in the window"
          : `${cfr.failed} of ${count(cfr.total, "deployment")} failed: tier ${cfr.tier}, target ${targets.changeFailureRate}`,
      ),
      mttr: health(
        "mttr",
        ttr.tier,
        ttr.medianHours === null ? null : hours(ttr.medianHours),
        ttr.samples,
        ttr.medianHours === null
          ? "nothing to restore in the window (no incident, no failed deployment followed by a good one)"
          : `median of ${ttr.basis === "incidents" ? count(ttr.samples, "incident") : `${count(ttr.samples, "failed deployment")} to the deployment that restored it`}: tier ${ttr.tier}, target ${targets.mttr}`,
      ),
    },
    techDebt: techDebtSummary(input.techDebt, input.now),
    ...(input.followUp ? { followUp: input.followUp } : {}),
    infrastructure: infrastructureSummary(input.infraCosts, input.cfoForecast, stage),
    security: securitySummary(input.security, input.techStack, stage),
    team: {
      headcount,
      openRoles: input.team?.openRoles?.length ?? 0,
      attritionRisk: input.team?.attritionRisk ?? "low",
    },
    dora: doraBlock(dora, input.explain ?? false),
  };
}
