import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { z } from "zod";
import { jsonFiles } from "../../../src/schemas/data-files.js";
import { debtItemSchema } from "../../../src/schemas/tech-debt.js";
import { measureParsed } from "../../../src/validate/json-structure.js";
import { acceptorOf } from "../../../src/validate/schema-acceptor.js";
import { templateText } from "../../support/data-files.js";

type Json = unknown;

/** Every schema an acceptor is compiled for in validation: each file's, and each of its arrays' elements. */
const schemas: { name: string; schema: z.ZodType; sample: Json }[] = Object.values(jsonFiles)
  .filter((spec) => spec.name !== undefined)
  .flatMap((spec) => {
    const document = JSON.parse(templateText(spec.name!)) as Record<string, Json>;
    const shape = (spec.schema as z.ZodObject).shape as Record<string, z.ZodType>;
    const elements = Object.entries(shape)
      .filter(([key, property]) => property instanceof z.ZodArray && Array.isArray(document[key]))
      .map(([key, property]) => ({
        name: `${spec.name!} ${key}[]`,
        schema: (property as z.ZodArray).element as z.ZodType,
        sample: (document[key] as Json[])[0],
      }));
    return [{ name: spec.name!, schema: spec.schema, sample: document }, ...elements];
  });

/** Values that sit on the edges of what the schemas check. */
const edgeValue = fc.constantFrom<Json>(
  "",
  "x",
  "\u{1F600}",
  "\uD83D",
  "2025-02-30",
  "2025-03-10",
  "1.0",
  "v1",
  "critical",
  "reckless_deliberate",
  0,
  -0,
  -1,
  1.5,
  2 ** 53,
  -(2 ** 53),
  Infinity,
  null,
  true,
  [],
  {},
  ["a"],
  [1],
);
const anyValue = fc.oneof(edgeValue, fc.jsonValue({ maxDepth: 2 }));

/** Every path to an object or array inside a value (the root included). */
function containers(value: Json, path: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [];
  const inner = Object.entries(value).flatMap(([key, child]) =>
    containers(child, [...path, Array.isArray(value) && /^\d+$/.test(key) ? Number(key) : key]),
  );
  return [path, ...inner];
}

type Edit = { at: number; kind: "set" | "delete" | "add"; key: string; value: Json };
const edit = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Edit["kind"]>("set", "delete", "add"),
  key: fc.constantFrom("__proto__", "extra", "0", "toString"),
  value: anyValue,
});

/** A copy of `value` with the edits applied at containers chosen by index (a JSON-parsed copy, as validation sees). */
function edited(value: Json, edits: Edit[]): Json {
  const copy = JSON.parse(JSON.stringify(value)) as Json;
  for (const { at, kind, key, value: replacement } of edits) {
    const paths = containers(copy);
    const path = paths[at % paths.length]!;
    let node = copy as Record<string | number, Json>;
    for (const segment of path) node = node[segment] as Record<string | number, Json>;
    const keys = Object.keys(node);
    const target = keys.length > 0 ? keys[at % keys.length]! : key;
    // Own properties, as JSON.parse makes them (`__proto__` included), holding a copy (fast-check reuses its values).
    const set = (name: string) =>
      Object.defineProperty(node, name, {
        value: structuredClone(replacement),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    if (kind === "add") set(key);
    else if (kind === "delete") delete node[target];
    else set(target);
  }
  return copy;
}

describe("the schema acceptor answers only for values zod accepts", () => {
  it("compiles for the debt items (the large array of the largest files)", () => {
    expect(acceptorOf(debtItemSchema)).toBeDefined();
  });

  it.each(schemas)("accepts the template's values: $name", ({ schema, sample }) => {
    const acceptor = acceptorOf(schema);
    if (acceptor) expect(acceptor.keys(sample)).toBe(measureParsed(sample).keys);
  });

  it.each(schemas)(
    "never vouches for a value zod refuses, and measures what it accepts: $name",
    ({ schema, sample }) => {
      const acceptor = acceptorOf(schema);
      if (!acceptor) return;
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
          const value = edited(sample, edits);
          const keys = acceptor.keys(value);
          if (keys < 0) return;
          expect(schema.safeParse(value).success).toBe(true);
          const shape = measureParsed(value);
          expect(keys).toBe(shape.keys);
          expect(shape.depth).toBeLessThanOrEqual(acceptor.depth);
          expect(shape.forbidden).toBe(false);
        }),
        { numRuns: 400 },
      );
    },
  );

  it("counts string lengths as zod does, in code points", () => {
    const schema = z.strictObject({ short: z.string().max(2), long: z.string().min(2) });
    const acceptor = acceptorOf(schema)!;
    const zodAccepts = (value: Json) => schema.safeParse(value).success;
    for (const [short, long] of [
      ["\u{1F600}", "\u{1F600}"],
      ["ab", "a"],
      ["\u{1F600}\u{1F600}", "\u{1F600}\u{1F600}"],
      ["abc", "ab"],
    ]) {
      const value = { short, long };
      expect([short, long, acceptor.keys(value) >= 0]).toEqual([short, long, zodAccepts(value)]);
    }
  });

  it("has no answer for a schema it cannot mirror (a transform, a union), so zod sees every value", () => {
    expect(acceptorOf(z.string().transform((value) => value.length))).toBeUndefined();
    expect(acceptorOf(z.strictObject({ a: z.union([z.string(), z.number()]) }))).toBeUndefined();
    expect(acceptorOf(z.strictObject({ a: z.string().default("x") }))).toBeUndefined();
    expect(acceptorOf(z.email())).toBeUndefined();
  });
});
