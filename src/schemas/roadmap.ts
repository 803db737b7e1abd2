import * as z from "zod";
import { isoDate, schemaReference, version } from "./common.js";
import { isCalendarDate } from "./iso-time.js";

/** Where the product team's roadmap lives (data-layout.ts: the path without the schema). */
export { roadmapPath } from "./data-layout.js";

/** A calendar date, or a quarter when the roadmap plans by quarter. */
const targetDate = z
  .string()
  .regex(/^(\d{4}-\d{2}-\d{2}|\d{4}-Q[1-4])$/, { error: "must be a date YYYY-MM-DD or a quarter YYYY-Q1..YYYY-Q4" })
  // Only a date-shaped value is checked against the calendar: anything else already has its finding.
  .refine((value) => !/^\d{4}-\d{2}-\d{2}$/.test(value) || isCalendarDate(value), {
    error: "must be a calendar date YYYY-MM-DD",
  })
  .meta({
    description: "When the item is due: a calendar date (YYYY-MM-DD), or a quarter (YYYY-Qn, due by the quarter's last day).",
  });

/** What an item asks of engineering, in the scorecard's terms, so the sync read can tell whether it is ready. */
const roadmapNeeds = ["delivery", "reliability", "security", "cost"] as const;

const roadmapItemSchema = z.strictObject({
  id: z.string().min(1).optional().meta({ description: "A stable id, e.g. rm_001." }),
  title: z.string().min(1),
  targetDate,
  status: z.enum(["planned", "in_progress", "done", "dropped"]),
  needs: z
    .array(z.enum(roadmapNeeds))
    .optional()
    .meta({
      description:
        "What the item needs from engineering: delivery (deployment frequency, lead time), reliability (change failure rate, time to restore, monitoring), security (the stage's security minimum, open alerts), cost (infrastructure cost).",
    }),
  blockedBy: z
    .array(z.string().min(1))
    .optional()
    .meta({ description: "Ids of tech_debt.json items that must be paid down before the item can ship." }),
  tags: z.array(z.string().min(1)).optional(),
  description: z.string().optional(),
  owner: z.string().optional(),
});

export const roadmapSchema = z
  .strictObject({
    $schema: schemaReference,
    version,
    lastUpdated: isoDate.optional(),
    items: z.array(roadmapItemSchema).meta({ description: "Upcoming product items with their dates." }),
  })
  .meta({
    title: "Product roadmap",
    description:
      "Upcoming product items with their dates and what they need from engineering (data/product/roadmap.json, optional; read by the CTO sync read).",
  });

export type Roadmap = z.infer<typeof roadmapSchema>;
export type RoadmapItem = z.infer<typeof roadmapItemSchema>;
export type RoadmapNeed = (typeof roadmapNeeds)[number];
