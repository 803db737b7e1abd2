import { z } from "zod";

type Issue = z.core.$ZodIssue;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/**
 * The schema issues of a parsed data file. A zod parse builds a full copy of what it accepts;
 * on a file of 500,000 debt items that copy doubles the memory held. So each array property of
 * the top-level object (the items, the services, the members) is checked element by element,
 * each element's copy dropped at once, and the rest of the object with the array emptied. Only
 * arrays and objects without checks of their own are split, so the issues are the ones a whole
 * parse reports, with the same paths.
 */
export function schemaIssues(schema: z.ZodType, value: unknown): Issue[] {
  if (!(schema instanceof z.ZodObject) || !isRecord(value) || (schema._zod.def.checks?.length ?? 0) > 0)
    return wholeIssues(schema, value);
  const shape = schema.shape as Record<string, z.ZodType>;
  const issues: Issue[] = [];
  const rest: Record<string, unknown> = { ...value };
  for (const [key, property] of Object.entries(shape)) {
    const array = value[key];
    if (!(property instanceof z.ZodArray) || !Array.isArray(array) || (property._zod.def.checks?.length ?? 0) > 0)
      continue;
    const element = property.element as z.ZodType;
    array.forEach((item, index) => {
      const result = element.safeParse(item);
      if (!result.success)
        for (const issue of result.error.issues) issues.push({ ...issue, path: [key, index, ...issue.path] });
    });
    rest[key] = [];
  }
  return [...wholeIssues(schema, rest), ...issues];
}

function wholeIssues(schema: z.ZodType, value: unknown): Issue[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues;
}
