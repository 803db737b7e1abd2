import * as z from "zod";

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

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (value: string, index: number) => value.charCodeAt(index) - 48;

/** Whether a string is a date `YYYY-MM-DD` on the calendar (2025-02-30 is not): plain arithmetic, no Date, no regex (it runs for every date of a large file). */
function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const index of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = digit(value, index);
    if (d < 0 || d > 9) return false;
  }
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= daysInMonth[month - 1]! + (leap ? 1 : 0);
}

/** A calendar date `YYYY-MM-DD` (checked against the calendar, so 2025-02-30 is refused). */
export const isoDate = z
  .string()
  .refine(isCalendarDate, { error: "must be a calendar date YYYY-MM-DD" })
  .meta({ format: "date", description: "Calendar date, YYYY-MM-DD." });

/** A UTC or offset timestamp `YYYY-MM-DDTHH:MM:SSZ`. */
export const isoDateTime = z
  .string()
  .refine((value) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && isCalendarDate(value.slice(0, 10)) && !Number.isNaN(Date.parse(value)), {
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

export { isCalendarDate };

/** An ISO 8601 timestamp with a zone, checked against the calendar (2025-02-30T… is refused, not rolled over). */
export function parseIsoDateTime(text: string): Date | undefined {
  return isoDateTime.safeParse(text).success ? new Date(text) : undefined;
}
