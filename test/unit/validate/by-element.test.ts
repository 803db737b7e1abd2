import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import type { Finding } from "../../../src/findings/diagnostic.js";
import { schemaFindings } from "../../../src/findings/schema-findings.js";
import { techDebtSchema } from "../../../src/schemas/tech-debt.js";
import { locator, parseJsonDocument } from "../../../src/validate/json-document.js";
import { techDebtElementRules, techDebtRules } from "../../../src/validate/rules/tech-debt.js";
import { schemaIssues } from "../../../src/validate/schema-issues.js";
import { findingsByElement } from "../../../src/validate/validate-by-element.js";
import { brief, validateOne } from "../../support/data-files.js";

/** The whole-document path (parse everything, then check), as a reference. */
function wholeFindings(text: string): Finding[] {
  const parsed = parseJsonDocument(text);
  if (parsed.value === undefined) return parsed.findings;
  const pathFindings = [
    ...schemaFindings(schemaIssues(techDebtSchema, parsed.value), parsed.value),
    ...techDebtRules(parsed.value),
  ];
  return [...parsed.findings, ...parsed.locate(pathFindings)];
}

function byElement(text: string, batchLength?: number): Finding[] | undefined {
  const found = findingsByElement(text, techDebtSchema, techDebtElementRules, batchLength);
  return found && locator(text)(found);
}

// Strings that look like structure to a scan that does not follow strings, and a guessed batch
// boundary (`}` then a comma) among them.
const title = fc.constantFrom(
  "Plain title",
  "a }, { b",
  'quote \\" }, "x": 1',
  "ends with a backslash \\",
  '"}, {"id": "debt_999"',
  ":",
  "]",
  "é \u{1F600}",
  "",
);
const date = fc.constantFrom("2025-03-10", "2025-10-20", "2025-02-30", "2024-12-31");
const item = fc.record(
  {
    id: fc.oneof(
      fc.constantFrom("debt_001", "debt_002", "debt_010"),
      fc.nat({ max: 40 }).map((n) => `debt_${n}`),
    ),
    title,
    quadrant: fc.constantFrom("reckless_deliberate", "prudent_inadvertent", "sloppy"),
    impact: fc.constantFrom("accumulating", "blocking_features"),
    estimatedDays: fc.oneof(fc.constant(null), fc.constantFrom(0, 2.5, 10, -1, "3")),
    priority: fc.constantFrom("critical", "high", "medium", "low"),
    createdAt: date,
    resolvedAt: fc.oneof(fc.constant(null), date),
    // Unknown to the schema: objects nested in arrays put `}, {` inside an element.
    links: fc.constantFrom([{ a: 1 }, { b: [2, { c: "}, {" }] }], [], "x"),
    tags: fc.constantFrom(["a", "b"], [1]),
  },
  { requiredKeys: ["id", "title", "quadrant", "impact", "priority", "createdAt"] },
);
const document = fc.record({
  version: fc.constantFrom("1.0", "one"),
  lastUpdated: date,
  items: fc.array(fc.oneof({ weight: 8, arbitrary: item }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) }), {
    maxLength: 25,
  }),
  summary: fc.record({
    critical: fc.nat({ max: 5 }),
    high: fc.nat({ max: 5 }),
    medium: fc.nat({ max: 5 }),
    low: fc.nat({ max: 5 }),
    totalEstimatedDays: fc.oneof(fc.constant(null), fc.nat({ max: 30 })),
  }),
});
const indent = fc.constantFrom<string | number>(0, 1, 2, "\t");
const batchLength = fc.constantFrom(1, 7, 60, 300, 64 * 1024);

/** The document with its items' ids in order, as registers are appended to (some items have no string id). */
const inOrder = (value: { items: unknown[] }) => ({
  ...value,
  items: value.items.map((entry, index) =>
    typeof entry === "object" &&
    entry !== null &&
    !Array.isArray(entry) &&
    typeof (entry as { id?: unknown }).id === "string"
      ? { ...entry, id: `debt_${String(index).padStart(3, "0")}` }
      : entry,
  ),
});

describe("a debt register checked a batch of items at a time", () => {
  it("finds exactly what checking the whole document finds, wherever the batches end", () => {
    fc.assert(
      fc.property(document.map(inOrder), indent, batchLength, (value, space, length) => {
        const text = JSON.stringify(value, null, space);
        const whole = wholeFindings(text);
        // Random values may hold an own `__proto__` key, which is the whole-document path's to report.
        fc.pre(!whole.some((finding) => finding.code === "forbidden-key"));
        const found = byElement(text, length);
        expect(found).toBeDefined();
        expect(found).toEqual(whole);
      }),
      { numRuns: 600 },
    );
  });

  it("leaves ids out of order (repeated ones are found over all items) to the whole-document path", () => {
    fc.assert(
      fc.property(document, indent, batchLength, (value, space, length) => {
        const text = JSON.stringify(value, null, space);
        const found = byElement(text, length);
        if (found) expect(found).toEqual(wholeFindings(text));
      }),
      { numRuns: 200 },
    );
    const item = (id: string) => ({ id, title: "t", quadrant: "prudent_deliberate", impact: "accumulating" });
    const text = JSON.stringify({ items: [item("debt_2"), item("debt_1"), item("debt_2")] });
    expect(byElement(text)).toBeUndefined();
    expect(wholeFindings(text).filter((finding) => finding.code === "duplicate-id")).toHaveLength(1);
  });

  // Text edits a parse-level finding comes from; the batches must decline, and leave it to the whole-document path.
  const breakage = fc.constantFrom(
    (text: string) => text.replace('"title"', '"title": "twice", "title"'),
    (text: string) => text.replace('"title"', '"\\u005f_proto__": 1, "title"'),
    (text: string) => text.replace(/\}(\s*)\]/, "},$1]"),
    (text: string) => text.replace(/\},/, "}"),
    (text: string) => text.replace('"title"', `"deep": ${"[".repeat(120)}${"]".repeat(120)}, "title"`),
    (text: string) => text.replace('"title"', '"title":: '),
    (text: string) => text.replace('"summary"', '"items": [], "summary"'),
  );

  it("declines text with a duplicate or forbidden key, a syntax error or nesting past the limit", () => {
    fc.assert(
      fc.property(document.map(inOrder), indent, batchLength, breakage, (value, space, length, breakText) => {
        fc.pre(value.items.some((entry) => typeof entry === "object" && entry !== null && "title" in entry));
        const text = breakText(JSON.stringify(value, null, space));
        const whole = wholeFindings(text);
        const parseLevel = ["duplicate-key", "forbidden-key", "json-syntax", "too-deep"];
        if (whole.some((finding) => parseLevel.includes(finding.code))) expect(byElement(text, length)).toBeUndefined();
        else expect(byElement(text, length)).toEqual(whole);
      }),
      { numRuns: 400 },
    );
  });

  it("holds items to the depth limit as the whole document is held, to the level", () => {
    // The document is level 1, the items array 2, an item 3: `levels` more make 3 + levels.
    const nested = (levels: number) =>
      JSON.stringify({ items: [{ id: "debt_001", deep: JSON.parse("[".repeat(levels) + "]".repeat(levels)) }] });
    const atLimit = nested(97);
    expect(wholeFindings(atLimit).map((finding) => finding.code)).not.toContain("too-deep");
    expect(byElement(atLimit)).toEqual(wholeFindings(atLimit));
    const past = nested(98);
    expect(wholeFindings(past).map((finding) => finding.code)).toEqual(["too-deep"]);
    expect(byElement(past)).toBeUndefined();
  });

  it("a duplicate key inside an item is still reported where it is written", () => {
    const text = JSON.stringify(
      {
        version: "1.0",
        lastUpdated: "2025-11-03",
        items: [
          {
            id: "debt_001",
            title: "One",
            quadrant: "prudent_deliberate",
            impact: "accumulating",
            estimatedDays: 1,
            priority: "low",
            createdAt: "2025-03-10",
            resolvedAt: null,
          },
        ],
        summary: { critical: 0, high: 0, medium: 0, low: 1, totalEstimatedDays: 1 },
      },
      null,
      2,
    ).replace('"title": "One",', '"title": "One",\n      "title": "Two",');
    expect(brief(validateOne("tech_debt.json", text))).toEqual(["error duplicate-key@8:7"]);
  });
});
