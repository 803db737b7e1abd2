import type { z } from "zod";

/** A data file's value when its text is valid JSON matching the schema; undefined otherwise (for use, not for reporting). */
export function parseDataJson<T>(schema: z.ZodType<T>, text: string | null | undefined): T | undefined {
  if (!text) return undefined;
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? result.data : undefined;
  } catch {
    return undefined;
  }
}
