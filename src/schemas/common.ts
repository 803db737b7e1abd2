import * as z from "zod";
import { isCalendarDate, isIsoDateTime } from "./iso-time.js";

/** Every data file names the format version it was written for. */
export const version = z
  .string()
  .regex(/^\d+(\.\d+)*$/, { error: "must be a version such as \"1.0\"" })
  .meta({ description: "Format version of this file, e.g. \"1.0\"." });

/** The optional `$schema` key lets editors offer completion; it is never validated further. */
export const schemaReference = z
  .string()
  .optional()
  .meta({ description: "Path or URL of the JSON Schema describing this file (for editor completion)." });

/** A calendar date `YYYY-MM-DD` (checked against the calendar, so 2025-02-30 is refused). */
export const isoDate = z
  .string()
  .refine(isCalendarDate, { error: "must be a calendar date YYYY-MM-DD" })
  .meta({ format: "date", description: "Calendar date, YYYY-MM-DD." });

/** A UTC or offset timestamp `YYYY-MM-DDTHH:MM:SSZ`. */
export const isoDateTime = z
  .string()
  .refine(isIsoDateTime, {
    error: "must be a timestamp YYYY-MM-DDTHH:MM:SSZ",
  })
  .meta({ format: "date-time", description: "Timestamp in ISO 8601 with a zone, e.g. 2025-11-03T09:30:00Z." });

export const maturityStage = z
  .enum(["survival", "foundation", "scale", "optimize"])
  .meta({
    description:
      "Where the engineering organisation sits: survival (<3 engineers), foundation (3-10), scale (10-30), optimize (30+).",
  });

export const nonNegativeInt = z.int().min(0);
export const nonNegative = z.number().min(0);
