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

/**
 * A JSON document checked against a schema, for input a step hands to another (shard files, a
 * plan): its value, or an error that starts with what the caller says and ends with where.
 */
export function checkedJson<T>(
  schema: z.ZodType<T>,
  text: string,
  says: { notJson: string; notValid: string },
): T {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${says.notJson}: ${(error as Error).message}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${says.notValid}: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}
