import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { visit } from "jsonc-parser";
import { parseJsonDocument } from "../../../src/validate/json-document.js";
import { scanObjectKeys } from "../../../src/validate/json-keys.js";
import { countWrittenKeys, measureParsed } from "../../../src/validate/json-structure.js";
import { brief, validateOne } from "../../support/data-files.js";

/** Reference: duplicate keys as jsonc-parser's visitor sees them (slow, but a library). */
function referenceDuplicates(text: string): { name: string; offset: number }[] {
  const stack: Set<string>[] = [];
  const out: { name: string; offset: number }[] = [];
  visit(text, {
    onObjectBegin: () => void stack.push(new Set()),
    onObjectEnd: () => void stack.pop(),
    onObjectProperty: (name, offset) => {
      const keys = stack[stack.length - 1]!;
      if (keys.has(name)) out.push({ name, offset });
      keys.add(name);
    },
  });
  return out;
}

// JSON texts whose objects may repeat keys, with escapes and whitespace where JSON allows them.
const key = fc.constantFrom("a", "b", 'q"uote', "back\\slash", "é", "__proto__", "\u005f_x");
const space = fc.constantFrom("", " ", "\n  ", "\t");
const jsonText: fc.Arbitrary<string> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small" },
    fc.constantFrom("1", "-2.5e3", "true", "null", '"text with \\" quote and { brace"', '"\\\\"', '"}"'),
    tie("object"),
    tie("array"),
  ),
  object: fc
    .array(fc.tuple(key, space, tie("value")), { maxLength: 5 })
    .map(
      (pairs) =>
        `{${pairs.map(([name, ws, value]) => `${ws}${JSON.stringify(name)}${ws}:${ws}${value as string}`).join(",")}}`,
    ),
  array: fc.array(tie("value"), { maxLength: 4 }).map((values) => `[${(values as string[]).join(", ")}]`),
})).object as fc.Arbitrary<string>;

describe("scanObjectKeys (the fast duplicate-key pass)", () => {
  it("finds exactly the duplicates jsonc-parser finds, on any valid JSON", () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        JSON.parse(text); // the scanner only ever sees text JSON.parse accepted
        const found = scanObjectKeys(text).duplicates.map(({ name, offset }) => ({ name, offset }));
        expect(found).toEqual(referenceDuplicates(text));
      }),
      { numRuns: 500 },
    );
  });

  it("sees __proto__ however it is escaped, and drops it from the value", () => {
    const diagnostics = validateOne(
      "team.json",
      '{"\\u005f_proto__": {"polluted": true}, "version": "1.0", "lastUpdated": "2025-11-03", "headcount": 0}',
    );
    expect(brief(diagnostics)).toEqual(["error forbidden-key@1:2"]);
  });

  it("tells a key from a string value that contains a colon or braces", () => {
    expect(scanObjectKeys('{"a": "b: {", "c": "}", "a": ":"}').duplicates).toEqual([
      { name: "a", offset: 24, length: 3, firstOffset: 1 },
    ]);
  });
});

describe("duplicate keys through the parser (counted first, positioned only when the counts differ)", () => {
  it("reports exactly the duplicates and forbidden keys jsonc-parser sees, on any valid JSON", () => {
    fc.assert(
      fc.property(jsonText, (text) => {
        const reported = parseJsonDocument(text)
          .findings.filter((finding) => finding.code === "duplicate-key")
          .map((finding) => finding.span.start);
        expect(reported).toEqual(referenceDuplicates(text).map((duplicate) => duplicate.offset));
        const forbidden = parseJsonDocument(text).findings.some((finding) => finding.code === "forbidden-key");
        expect(forbidden).toBe(text.includes('"__proto__"'));
      }),
      { numRuns: 500 },
    );
  });

  it("counts a key per string followed by a colon, whatever the strings hold", () => {
    const text = String.raw`{"a:" : "b: {\\", "c\":": [":", {"d":
      "}:"}, ":"]}`;
    expect(Object.keys(JSON.parse(text) as object)).toEqual(["a:", 'c":']);
    expect(countWrittenKeys(text)).toBe(3);
    expect(measureParsed(JSON.parse(text))).toEqual({ keys: 3, depth: 3, forbidden: false });
  });

  it("stops at an unterminated string instead of running on", () => {
    expect(countWrittenKeys('{"a": "never closed')).toBe(1);
  });
});
