import * as z from "zod";
import { isoDate, isoDateTime, maturityStage, nonNegative, nonNegativeInt, schemaReference, version } from "./common.js";

const healthStatus = z
  .enum(["green", "yellow", "red", "unknown"])
  .meta({ description: "green: on target; yellow: close; red: off target; unknown: not measured yet." });

const reason = z.string().optional().meta({ description: "Why the status is what it is." });
const figure = z.union([z.string(), z.number()]).nullable();

const healthMetric = z.strictObject({
  current: figure.meta({ description: "Current value, as a number or a readable figure such as \"3/week\"." }),
  target: figure.meta({ description: "Target value." }),
  status: healthStatus,
  reason,
  samples: nonNegativeInt.optional().meta({ description: "How many observations the current value rests on." }),
});

const tier = z.enum(["elite", "high", "medium", "low"]).nullable().meta({ description: "DORA performance tier; null without samples." });

const doraDeploymentSchema = z.strictObject({
  ref: z.string(),
  sha: z.string(),
  time: isoDateTime,
  changes: nonNegativeInt,
  failed: z.boolean(),
  remediation: z.boolean(),
  reason: z.string().nullable(),
  line: z
    .string()
    .nullable()
    .optional()
    .meta({ description: "Its release line: the nearest earlier deployment it descends from." }),
  repairedBy: z
    .strictObject({ ref: z.string(), commit: z.string().nullable() })
    .nullable()
    .optional()
    .meta({ description: "For a failed deployment: the remediation that repaired it, and the commit that did." }),
  notes: z
    .array(z.string())
    .optional()
    .meta({
      description:
        "What the rules set aside, and why: other refs of the same deployment, release commits, reverts that undo nothing shipped, a misplaced tag.",
    }),
});

/** The five figures, for the repository and for each service of `dora.services`. */
const doraFiguresShape = {
  deploymentFrequency: z.strictObject({ deployments: nonNegativeInt, perWeek: nonNegative, tier }),
  leadTimeForChanges: z.strictObject({
    medianHours: nonNegative.nullable(),
    p90Hours: nonNegative.nullable(),
    samples: nonNegativeInt,
    tier,
  }),
  changeFailureRate: z.strictObject({ failed: nonNegativeInt, total: nonNegativeInt, rate: z.number().min(0).max(1).nullable(), tier }),
  timeToRestore: z.strictObject({ medianHours: nonNegative.nullable(), samples: nonNegativeInt, tier }),
  reworkRate: z.strictObject({ remediations: nonNegativeInt, total: nonNegativeInt, rate: z.number().min(0).max(1).nullable() }),
};

const doraSchema = z
  .strictObject({
    source: z.enum(["deployments", "releases", "tags", "workflow-runs", "merges"]),
    window: z.strictObject({ start: isoDateTime, end: isoDateTime, days: z.int().min(1) }),
    ...doraFiguresShape,
    deployments: z.array(doraDeploymentSchema).optional().meta({ description: "Evidence: the deployments in the window (with --explain)." }),
    services: z
      .array(
        z.strictObject({
          name: z.string(),
          ...doraFiguresShape,
        }),
      )
      .optional()
      .meta({ description: "Per service of a monorepo (config dora.services): its own deployments (its tags) and changes (commits touching its paths)." }),
  })
  .meta({ description: "DORA metrics computed from deployment history, with sample sizes." });

export const scorecardSchema = z
  .strictObject({
    $schema: schemaReference,
    version: version.optional(),
    generatedAt: isoDateTime,
    syncId: z.string().optional().meta({ description: "Identifier of the sync that produced it, e.g. sync_2025-11-03." }),
    maturityStage,
    health: z.strictObject({
      deploymentFrequency: healthMetric,
      leadTime: healthMetric,
      changeFailureRate: healthMetric,
      mttr: healthMetric,
    }),
    techDebt: z.strictObject({
      criticalItems: nonNegativeInt,
      totalItems: nonNegativeInt,
      estimatedDays: nonNegative.nullable(),
      topItem: z.string(),
      oldestCriticalAgeDays: nonNegativeInt
        .nullable()
        .optional()
        .meta({ description: "Days since the oldest open critical item was created (null: none open)." }),
    }),
    followUp: z
      .strictObject({
        openActionItems: nonNegativeInt,
        overdueActionItems: nonNegativeInt,
        adrsPastReview: nonNegativeInt,
        oldestOverdue: z
          .strictObject({ file: z.string(), action: z.string(), owner: z.string().nullable(), due: isoDate })
          .optional()
          .meta({ description: "The open action item longest past its due date." }),
      })
      .optional()
      .meta({ description: "What the post-mortems and ADRs promised: open and overdue action items, accepted ADRs past their review date." }),
    infrastructure: z.strictObject({
      monthlySpend: nonNegative.nullable(),
      spendAsPercentOfRevenue: nonNegative.nullable(),
      costPerCustomer: nonNegative.nullable(),
      topCostDriver: z.string(),
      computeUtilization: z.number().min(0).max(1).nullable().optional(),
      status: healthStatus.optional(),
      reason,
    }),
    security: z.strictObject({
      complianceStatus: z.string(),
      lastSecurityReview: z.union([z.literal(""), isoDate]).meta({ description: "Date of the last review, or empty." }),
      openVulnerabilities: nonNegativeInt,
      status: healthStatus,
      reason,
    }),
    team: z.strictObject({
      headcount: nonNegativeInt,
      openRoles: nonNegativeInt,
      attritionRisk: z.enum(["low", "medium", "high"]),
    }),
    dora: doraSchema.optional(),
  })
  .meta({
    title: "Engineering scorecard",
    description:
      "Current engineering health (data/engineering/engineering_scorecard.json) and its dated snapshots (scorecards/scorecard_YYYY-MM-DD.json).",
  });

export type Scorecard = z.infer<typeof scorecardSchema>;
export type DoraBlock = z.infer<typeof doraSchema>;
