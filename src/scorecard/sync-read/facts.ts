import type { Scorecard } from "../../schemas/scorecard.js";
import type { DebtItem } from "../../schemas/tech-debt.js";
import type { TechStack } from "../../schemas/tech-stack.js";
import { count } from "../../text/plural.js";
import type { SyncInputs } from "../sync-read.js";
import { hours } from "../compose.js";
import type { AdviceFacts, Area, MetricKey } from "../stage-advice.js";
import { metricFigure } from "./metric-figure.js";
import { roadmapOutlook, type RoadmapOutlook } from "./upcoming.js";

type Status = "green" | "yellow" | "red" | "unknown";

export const metricKeys: MetricKey[] = ["deploymentFrequency", "leadTime", "changeFailureRate", "mttr"];
const priorityRank = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Everything the rules look at, read once from the inputs. */
export interface Facts extends AdviceFacts {
  scorecard: Scorecard;
  previous?: Scorecard;
  status: Record<Exclude<Area, "measurement">, Status>;
  /** Deployments in the window; undefined when the scorecard has no DORA block. */
  deployments?: number;
  openDebt: DebtItem[];
  critical: DebtItem[];
  debtRecorded: boolean;
  stackRecorded: boolean;
  /** data/product/roadmap.json as seen from the scorecard's day, when there is one. */
  roadmap?: RoadmapOutlook;
}

/** "7 engineers", or what is missing. */
function teamText(scorecard: Scorecard): string {
  const { headcount } = scorecard.team;
  return headcount === 0 ? "headcount not recorded" : count(headcount, "engineer");
}

/** Open debt, most pressing first: by priority, then the larger estimate, then the id. */
function openDebtOf(items: DebtItem[]): DebtItem[] {
  return items
    .filter((item) => item.resolvedAt === null)
    .sort(
      (a, b) =>
        priorityRank[a.priority] - priorityRank[b.priority] ||
        (b.estimatedDays ?? 0) - (a.estimatedDays ?? 0) ||
        a.id.localeCompare(b.id),
    );
}

function statusOf(scorecard: Scorecard): Facts["status"] {
  return {
    ...(Object.fromEntries(metricKeys.map((key) => [key, scorecard.health[key].status])) as Record<MetricKey, Status>),
    security: scorecard.security.status,
    infrastructure: scorecard.infrastructure.status ?? "unknown",
  };
}

/** The delivery figures the advice cites, from the DORA computation or else the scorecard's block. */
function deliveryFacts({ scorecard, dora }: SyncInputs) {
  const block = scorecard.dora;
  const measured = dora ?? block;
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
    ...(measured ? { deployments: measured.deploymentFrequency.deployments, source: measured.source } : {}),
    ...(window ? { window: { days: window.days, end: window.end.slice(0, 10) } } : {}),
    ...(p90 !== null ? { p90: hours(p90) } : {}),
    ...(dora?.lastDeployment && dora.deploymentFrequency.deployments === 0
      ? { lastRelease: { ref: dora.lastDeployment.ref, day: dora.lastDeployment.time.slice(0, 10) } }
      : {}),
    failedRefs,
  };
}

/** What tech_stack.json records that the advice can name. */
function stackFacts(stack: TechStack | undefined) {
  const services = stack?.stack.infrastructure?.keyServices ?? [];
  const hosting = stack?.stack.backend?.hosting ?? stack?.stack.frontend?.hosting;
  const kubernetes = services.find((service) => /kubernetes|\bk8s\b|\b[ea]ks\b|\bgke\b/i.test(service));
  return {
    ...(stack?.stack.cicd?.pipeline ? { pipeline: stack.stack.cicd.pipeline } : {}),
    ...(hosting ? { hosting } : {}),
    ...(stack?.stack.observability?.monitoring ? { monitoring: stack.stack.observability.monitoring } : {}),
    ...(stack?.stack.observability?.alerting ? { alerting: stack.stack.observability.alerting } : {}),
    ...(stack?.team?.oncallRotation !== undefined ? { oncall: stack.team.oncallRotation } : {}),
    ...(kubernetes ? { kubernetes } : {}),
    compliance: stack?.constraints?.complianceRequirements ?? [],
  };
}

export function factsOf(inputs: SyncInputs): Facts {
  const { scorecard, stack } = inputs;
  const open = openDebtOf(inputs.debtItems ?? []);
  const missing = /missing for the \w+ stage: ([^;]+)/.exec(scorecard.security.reason ?? "")?.[1];
  return {
    scorecard,
    ...(inputs.previous ? { previous: inputs.previous } : {}),
    stage: scorecard.maturityStage,
    team: teamText(scorecard),
    status: statusOf(scorecard),
    ...deliveryFacts(inputs),
    openDebt: open,
    critical: open.filter((item) => item.priority === "critical"),
    debtRecorded: inputs.debtItems !== undefined || scorecard.techDebt.totalItems > 0,
    stackRecorded: stack !== undefined,
    securityMissing: missing ? missing.split(", ").map((name) => name.trim()) : [],
    alerts: scorecard.security.openVulnerabilities,
    figure: (key, options) => metricFigure(inputs, key, options),
    ...stackFacts(stack),
    topCostDriver: scorecard.infrastructure.topCostDriver,
    // The run's own "now": the scorecard was generated at it.
    ...(inputs.roadmap ? { roadmap: roadmapOutlook(inputs.roadmap, new Date(scorecard.generatedAt)) } : {}),
  };
}

/** A metric's DORA tier in a scorecard, when it has a DORA block. */
export const tierOf = (scorecard: Scorecard, key: MetricKey) => {
  const block = scorecard.dora;
  if (key === "deploymentFrequency") return block?.deploymentFrequency.tier;
  if (key === "leadTime") return block?.leadTimeForChanges.tier;
  if (key === "changeFailureRate") return block?.changeFailureRate.tier;
  return block?.timeToRestore.tier;
};

const measured = (facts: Facts) => metricKeys.some((key) => facts.status[key] !== "unknown");
/** No deployment found (or no DORA figure at all): delivery is not measured. */
export const unmeasured = (facts: Facts) =>
  facts.deployments === 0 || (facts.deployments === undefined && !measured(facts));
