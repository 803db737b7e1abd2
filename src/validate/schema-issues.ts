import * as z from "zod";
import { acceptorOf } from "./schema-acceptor.js";

type Issue = z.core.$ZodIssue;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const hasChecks = (schema: z.ZodType) => (schema._zod.def.checks?.length ?? 0) > 0;

/**
 * The element schema of the array property `key` of an object schema, when checking that array
 * element by element finds exactly what a whole parse finds: neither the object nor the array
 * has checks of its own (which would see the whole).
 */
export function elementSchemaOf(schema: z.ZodType, key: string): z.ZodType | undefined {
  if (!(schema instanceof z.ZodObject) || hasChecks(schema)) return undefined;
  const property = (schema.shape as Record<string, z.ZodType>)[key];
  return property instanceof z.ZodArray && !hasChecks(property) ? (property.element as z.ZodType) : undefined;
}

/** An array element's issues, with their paths from the document's root (`[key, index, ...]`). */
export function elementIssues(element: z.ZodType, item: unknown, key: string, index: number): Issue[] {
  const result = element.safeParse(item);
  return result.success ? [] : result.error.issues.map((issue) => ({ ...issue, path: [key, index, ...issue.path] }));
}

/**
 * The schema issues of a parsed data file. A zod parse builds a full copy of what it accepts;
 * on a file of 500,000 debt items that copy doubles the memory held. So each array property of
 * the top-level object (the items, the services, the members) is checked element by element,
 * each element's copy dropped at once, and the rest of the object with the array emptied. Only
 * arrays and objects without checks of their own are split, so the issues are the ones a whole
 * parse reports, with the same paths. Elements the acceptor vouches for are not parsed at all.
 */
export function schemaIssues(schema: z.ZodType, value: unknown): Issue[] {
  if (!(schema instanceof z.ZodObject) || !isRecord(value) || hasChecks(schema)) return wholeIssues(schema, value);
  const issues: Issue[] = [];
  const rest: Record<string, unknown> = { ...value };
  for (const key of Object.keys(schema.shape)) {
    const element = elementSchemaOf(schema, key);
    const array = value[key];
    if (!element || !Array.isArray(array)) continue;
    const acceptor = acceptorOf(element);
    array.forEach((item, index) => {
      if (!acceptor || acceptor.keys(item) < 0)
        for (const issue of elementIssues(element, item, key, index)) issues.push(issue);
    });
    rest[key] = [];
  }
  return [...wholeIssues(schema, rest), ...issues];
}

/**
 * One parse of a whole (small) document: without zod's compiled fast path, whose compiling (a
 * `new Function` per object schema) costs more than the one parse it would speed up.
 */
function wholeIssues(schema: z.ZodType, value: unknown): Issue[] {
  const result = schema.safeParse(value, { jitless: true });
  return result.success ? [] : result.error.issues;
}
