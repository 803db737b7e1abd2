import * as z from "zod";
import { isoDate, nonNegative, nonNegativeInt, schemaReference, version } from "./common.js";

const ratio = z.number().min(0).max(1).nullable();

const infraMonthSchema = z.strictObject({
  month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: "must be a month YYYY-MM" }),
  totalSpend: nonNegative.meta({ description: "Total infrastructure spend for the month; equals the sum of byService when listed." }),
  byService: z
    .array(
      z.strictObject({
        service: z.string().min(1),
        provider: z.string().optional(),
        spend: nonNegative,
      }),
    )
    .optional(),
  mrr: nonNegative.nullable().optional().meta({ description: "Monthly recurring revenue, for infra as % of revenue." }),
  activeCustomers: nonNegativeInt.nullable().optional().meta({ description: "Active customers, for cost per customer." }),
  utilization: z
    .strictObject({
      compute: ratio.optional().meta({ description: "Actual / provisioned compute, 0..1 (target > 0.4)." }),
      database: ratio.optional().meta({ description: "Data accessed / data stored, 0..1." }),
    })
    .optional(),
  notes: z.string().optional(),
});

export const infraCostsSchema = z
  .strictObject({
    $schema: schemaReference,
    version,
    lastUpdated: isoDate,
    currency: z.string().regex(/^[A-Z]{3}$/, { error: "must be an ISO 4217 code such as USD" }),
    monthlyBudget: nonNegative.nullable().optional(),
    months: z.array(infraMonthSchema).meta({ description: "One entry per month, oldest first." }),
  })
  .meta({ title: "Infrastructure costs", description: "Monthly cloud spend by service, revenue and utilisation (data/engineering/infra_costs.json)." });

export type InfraCosts = z.infer<typeof infraCostsSchema>;
