import * as z from "zod";
import { isoDate, nonNegative, nonNegativeInt, schemaReference, version } from "./common.js";

export const debtPriorities = ["critical", "high", "medium", "low"] as const;

export const debtItemSchema = z.strictObject({
  id: z.string().min(1).meta({ description: "Stable identifier, unique in the file, e.g. debt_001." }),
  title: z.string().min(1),
  description: z.string().optional(),
  quadrant: z
    .enum(["reckless_deliberate", "reckless_inadvertent", "prudent_deliberate", "prudent_inadvertent"])
    .meta({ description: "Technical debt quadrant (deliberate/inadvertent x reckless/prudent)." }),
  impact: z.enum(["blocking_features", "causing_incidents", "slowing_onboarding", "accumulating"]),
  estimatedDays: nonNegative.nullable().meta({ description: "Estimated effort to pay it down, in days; null when unknown." }),
  priority: z.enum(debtPriorities),
  createdAt: isoDate,
  resolvedAt: isoDate.nullable().meta({ description: "Date it was paid down; null while open." }),
  owner: z.string().optional().meta({ description: "GitHub login of the owner." }),
  tags: z.array(z.string()).optional(),
});

export const techDebtSchema = z
  .strictObject({
    $schema: schemaReference,
    version,
    lastUpdated: isoDate,
    items: z.array(debtItemSchema),
    summary: z
      .strictObject({
        critical: nonNegativeInt,
        high: nonNegativeInt,
        medium: nonNegativeInt,
        low: nonNegativeInt,
        totalEstimatedDays: nonNegative.nullable(),
      })
      .meta({
        description:
          "Counts of open items (resolvedAt null) per priority and the sum of their estimatedDays (null when none is estimated). Checked against items.",
      }),
  })
  .meta({ title: "Tech debt", description: "Tracked technical debt items (data/engineering/tech_debt.json)." });

export type TechDebt = z.infer<typeof techDebtSchema>;
export type DebtItem = z.infer<typeof debtItemSchema>;
