import * as z from "zod";
import { isoDateTime, nonNegativeInt, schemaReference } from "./common.js";

/**
 * The organisation scorecard (`org_scorecard.json`, issue 16): every repository's DORA figures,
 * tiers and statuses, debt and incident counts, over one window, and per metric the
 * organisation's distribution and the repositories furthest below target.
 */

const tier = z.enum(["elite", "high", "medium", "low", "unknown"]);
const status = z.enum(["green", "yellow", "red", "unknown"]);
const metric = z.strictObject({
  value: z.number().nullable().meta({ description: "The figure (null without samples)." }),
  tier,
  status: status.meta({ description: "Against the repository's own targets: green on target, yellow close, red off." }),
});

export const orgMetricNames = ["deploymentsPerWeek", "leadTimeHours", "changeFailureRate", "timeToRestoreHours"] as const;

export const orgRepositoryResultSchema = z.strictObject({
  fullName: z.string().min(3),
  outcome: z.enum(["scored", "unreadable"]),
  reason: z.string().optional().meta({ description: "Why a repository could not be scored (no access, empty, …)." }),
  dora: z
    .strictObject({
      deploymentsPerWeek: metric,
      leadTimeHours: metric.meta({ description: "Median lead time for changes, hours." }),
      changeFailureRate: metric.meta({ description: "Failed deployments / deployments, 0 to 1." }),
      timeToRestoreHours: metric.meta({ description: "Median time to restore service, hours." }),
    })
    .optional(),
  debt: z.strictObject({ open: nonNegativeInt, critical: nonNegativeInt }).optional(),
  incidents: nonNegativeInt.optional().meta({ description: "Incidents that started in the window." }),
});

const distribution = z.strictObject({
  samples: nonNegativeInt.meta({ description: "Repositories with a value." }),
  p25: z.number().nullable(),
  median: z.number().nullable(),
  p75: z.number().nullable(),
  tiers: z.strictObject({ elite: nonNegativeInt, high: nonNegativeInt, medium: nonNegativeInt, low: nonNegativeInt, unknown: nonNegativeInt }),
});

export const orgWindowSchema = z.strictObject({ start: isoDateTime, end: isoDateTime, days: z.int().min(1) });

export const orgScorecardSchema = z
  .strictObject({
    $schema: schemaReference,
    organization: z.string().min(1),
    window: orgWindowSchema,
    readAt: isoDateTime.meta({ description: "When the oldest shard read GitHub: the figures are at least this fresh." }),
    shards: z.int().min(1),
    repositories: z.array(orgRepositoryResultSchema),
    skipped: z
      .array(z.strictObject({ fullName: z.string(), reason: z.string() }))
      .meta({ description: "Repositories the filters left out, with why." }),
    distributions: z.strictObject({
      deploymentsPerWeek: distribution,
      leadTimeHours: distribution,
      changeFailureRate: distribution,
      timeToRestoreHours: distribution,
    }),
    needsAttention: z
      .array(z.strictObject({ fullName: z.string(), red: nonNegativeInt, yellow: nonNegativeInt }))
      .meta({ description: "Scored repositories off target, most red statuses first." }),
    totals: z.strictObject({
      scored: nonNegativeInt,
      unreadable: nonNegativeInt,
      openDebt: nonNegativeInt,
      criticalDebt: nonNegativeInt,
      incidents: nonNegativeInt,
    }),
  })
  .meta({
    title: "Organisation scorecard",
    description: "Every scored repository of an organisation over one window (org_scorecard.json and its dated snapshots).",
  });

export type OrgScorecard = z.infer<typeof orgScorecardSchema>;
export type OrgRepositoryResult = z.infer<typeof orgRepositoryResultSchema>;
export type OrgMetricName = (typeof orgMetricNames)[number];
export type Distribution = z.infer<typeof distribution>;
