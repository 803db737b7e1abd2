import type { DoraResult } from "../../../src/dora/compute.js";
import { belowTier, dora2023Tiers, frequencyTier, rateTier } from "../../../src/dora/tiers.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import type { Scorecard } from "../../../src/schemas/scorecard.js";
import type { DebtItem, TechDebt } from "../../../src/schemas/tech-debt.js";
import type { TechStack } from "../../../src/schemas/tech-stack.js";
import { composeScorecard, type SecurityFacts } from "../../../src/scorecard/compose.js";

/** Delivery as the DORA computation would report it over a 90-day window ending 2025-11-01. */
export interface Delivery {
  deployments: number;
  leadHours?: number;
  p90Hours?: number;
  changes?: number;
  failed?: number;
  restoreHours?: number;
  restores?: number;
  basis?: "incidents" | "deployments";
  failedRefs?: string[];
}

function doraResult(delivery: Delivery, now = "2025-11-01T00:00:00Z"): DoraResult {
  const days = 90;
  const perWeek = Math.round((delivery.deployments / (days / 7)) * 100) / 100;
  const total = delivery.deployments;
  const failed = delivery.failed ?? 0;
  const rate = total > 0 ? failed / total : null;
  const lead = total > 0 ? (delivery.leadHours ?? null) : null;
  const restore = delivery.restoreHours ?? null;
  const failedRefs = delivery.failedRefs ?? [];
  return {
    source: "deployments",
    window: {
      start: new Date(Date.parse(now) - days * 86_400_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      end: now,
      days,
    },
    deploymentFrequency: {
      deployments: total,
      perWeek,
      tier: total > 0 ? frequencyTier(perWeek, dora2023Tiers) : null,
    },
    leadTimeForChanges: {
      medianHours: lead,
      p90Hours: lead === null ? null : (delivery.p90Hours ?? lead * 2),
      samples: lead === null ? 0 : (delivery.changes ?? total * 3),
      tier: belowTier(lead, dora2023Tiers.leadTimeHours),
    },
    changeFailureRate: { failed, total, rate, tier: rateTier(rate, dora2023Tiers.changeFailureRate) },
    timeToRestore: {
      medianHours: restore,
      samples: restore === null ? 0 : (delivery.restores ?? 1),
      tier: belowTier(restore, dora2023Tiers.timeToRestoreHours),
      basis: delivery.basis ?? "deployments",
    },
    reworkRate: { remediations: failed, total, rate },
    deployments: failedRefs.map((ref, index) => ({
      ref,
      sha: `f${index}`.padEnd(40, "0"),
      time: "2025-10-10T10:00:00Z",
      changes: 1,
      failed: true,
      remediation: false,
      reason: "v9 remediated it (its changes include a revert)",
      line: null,
      repairedBy: null,
    })),
    weekly: [],
  };
}

function stackOf(stage: TechStack["maturityStage"], headcount: number, more: Partial<TechStack> = {}): TechStack {
  return {
    version: "1.0",
    lastUpdated: "2025-11-01",
    maturityStage: stage,
    stack: {
      backend: { language: "TypeScript", framework: "NestJS", hosting: "Render" },
      cicd: { pipeline: "GitHub Actions", deploymentFrequency: "weekly" },
      observability: { monitoring: "Datadog", alerting: "PagerDuty" },
    },
    team: { headcount, oncallRotation: stage !== "survival" },
    ...more,
  };
}

export const debtItem = (id: string, fields: Partial<DebtItem> = {}): DebtItem => ({
  id,
  title: `Debt ${id}`,
  quadrant: "prudent_deliberate",
  impact: "accumulating",
  estimatedDays: 2,
  priority: "medium",
  createdAt: "2025-09-01",
  resolvedAt: null,
  ...fields,
});

function techDebtOf(items: DebtItem[]): TechDebt {
  const open = items.filter((item) => item.resolvedAt === null);
  const sum = (priority: DebtItem["priority"]) => open.filter((item) => item.priority === priority).length;
  return {
    version: "1.0",
    lastUpdated: "2025-11-01",
    items,
    summary: {
      critical: sum("critical"),
      high: sum("high"),
      medium: sum("medium"),
      low: sum("low"),
      totalEstimatedDays: null,
    },
  };
}

export interface Case {
  stage: TechStack["maturityStage"];
  headcount: number;
  delivery: Delivery;
  debt?: DebtItem[];
  security?: SecurityFacts;
  stack?: Partial<TechStack>;
  now?: string;
}

/** A scorecard exactly as the scorecard use case composes it, with its inputs. */
export function scorecardCase(input: Case) {
  const dora = doraResult(input.delivery, input.now);
  const stack = stackOf(input.stage, input.headcount, input.stack);
  const techDebt = input.debt ? techDebtOf(input.debt) : undefined;
  const scorecard: Scorecard = composeScorecard({
    now: new Date(input.now ?? "2025-11-01T00:00:00Z"),
    dora,
    explain: true,
    targets: defaultConfig().scorecard.targets,
    techStack: stack,
    ...(techDebt ? { techDebt } : {}),
    security: input.security ?? {
      securityPolicy: true,
      dependabotConfig: true,
      branchProtection: true,
      openDependabotAlerts: 0,
    },
  });
  return { scorecard, dora, stack, debtItems: techDebt?.items.filter((item) => item.resolvedAt === null) ?? [] };
}
