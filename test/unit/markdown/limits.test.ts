import { describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { parseMarkdownRecord } from "../../../src/markdown/document.js";
import { brief, templateText, validateOne } from "../../support/data-files.js";

const projectAdrs = new URL("../../../data/engineering/adrs/", import.meta.url).pathname;
/** As many whole units as 48 KB holds (the size limit, 48 KiB, lets them all through). */
const fill = (unit: string) => unit.repeat(Math.floor(48_000 / unit.length));
const lineOf = (text: string, offset: number) => text.slice(0, offset).split("\n").length;

describe("a record's markup is bounded before the parser reads it", () => {
  it("the burst bench's ADR, 12,000 headings in 48 KB (1.3 s on a busy machine, each of the four times it was read), is refused at its 2,001st line", () => {
    expect(brief(validateOne("adrs/adr_2025-01-01_x.md", "# x\n".repeat(12_000)))).toEqual(["error too-large@2001:1"]);
    expect(validateOne("adrs/adr_2025-01-01_x.md", "# x\n".repeat(12_000))[0]!.message).toMatch(
      /^more markup than a record is read with: past here it holds over 2,000 blocks/,
    );
  });

  it.each([
    // Quadratic in the parser: it rebuilds its whole list of events at each heading or item.
    ["setext headings (48 KB took 65 s)", "x\n=\n", 2001],
    ["list items nested 8 deep on each line (48 KB took 16 s)", `${"- ".repeat(8)}x\n`, 223],
    ["task list items", "- [ ] x\n", 1001],
    ["link definitions", "[a]: b\n", 2001],
    ["paragraphs of 400 emphasised words (each under the per-paragraph limit)", `${"*a* ".repeat(400)}\n\n`, 9],
    [
      "tables of 1,000 columns, each under the per-paragraph limit (42 KB took 1 s)",
      `|${"a|".repeat(1000)}\n|${"-|".repeat(1000)}\n|${"a|".repeat(1000)}\n\n`,
      5,
    ],
  ])("48 KB of %s: refused where the markup runs out, never parsed", (_, unit, line) => {
    const text = fill(unit);
    const record = parseMarkdownRecord(text);
    expect(record.limits.map((hit) => `${hit.code}@${lineOf(text, hit.span.start)}`)).toEqual([`too-large@${line}`]);
    expect(record.sections).toEqual([]);
  });

  it("2,000 headings are read, one more is not: the parser is given at most 2,000 blocks", () => {
    expect(parseMarkdownRecord("# x\n".repeat(2000))).toMatchObject({ limits: [], sections: { length: 2000 } });
    expect(parseMarkdownRecord("x\n=\n".repeat(1000))).toMatchObject({ limits: [], sections: { length: 1000 } });
    expect(parseMarkdownRecord("# x\n".repeat(2001)).sections).toEqual([]);
  });

  it("fenced code is one block, however long: an ADR quoting 2,500 lines of configuration is read", () => {
    const adr = `## ADR: Move to the new ingress\n\n**Status:** accepted\n\n\`\`\`yaml\n${"key: value\n".repeat(2500)}\`\`\`\n\n### Decision\n\nWe move.\n`;
    const record = parseMarkdownRecord(adr);
    expect(record.limits).toEqual([]);
    expect(record.sections.map((section) => section.title)).toContain("Decision");
    // Outside the fence the budget still holds.
    expect(parseMarkdownRecord(`\`\`\`\ncode\n\`\`\`\n${"# x\n".repeat(2001)}`).sections).toEqual([]);
  });

  it("the per-paragraph limits come first: text they turn into plain text costs no markup", () => {
    // 40,000 `*_` in one paragraph: too complex (read as plain text), not too large.
    const record = parseMarkdownRecord(`## ADR: x\n\n${"*_".repeat(20_000)}`);
    expect(record.limits.map((hit) => hit.code)).toEqual(["too-complex"]);
    expect(record.title?.text).toBe("ADR: x");
  });
});

describe("real records stay well inside the bounds", () => {
  it("the template's and this project's ADRs and post-mortem", () => {
    const texts = [
      templateText("adrs/adr_2025-01-15_use-mysql.md"),
      templateText("adrs/adr_2025-06-01_use-postgresql.md"),
      templateText("incidents/incident_2025-10-14.md"),
      ...readdirSync(projectAdrs).map((name) => readFileSync(`${projectAdrs}${name}`, "utf8")),
    ];
    for (const text of texts) expect(parseMarkdownRecord(text).limits).toEqual([]);
  });

  it("a 40 KB post-mortem: a 300-step timeline, 100 action items, paragraphs with links and code", () => {
    const template = templateText("incidents/incident_2025-10-14.md");
    const timeline = Array.from(
      { length: 300 },
      (_, i) => `- 14:${String(i % 60).padStart(2, "0")} — step ${i} of the response\n`,
    );
    const actions = Array.from(
      { length: 100 },
      (_, i) => `| Follow-up ${i} | @owner${i} | 2025-11-${String((i % 28) + 1).padStart(2, "0")} | 🔲 |\n`,
    );
    const paragraph =
      "The **checkout** service read a [renamed column](https://example.com/pr/1) through `orders.total` while the new pods wrote `orders.amount`: " +
      "the old pods kept answering with a stale total until the rollback finished, and the retries of the payment client doubled the load on the database meanwhile.\n\n";
    const text = template
      .replace("### Timeline\n", `### Timeline\n${timeline.join("")}`)
      .replace("| Fix the immediate issue", `${actions.join("")}| Fix the immediate issue`)
      .replace("### Lessons Learned\n", `### Lessons Learned\n${paragraph.repeat(85)}`);
    expect(text.length).toBeGreaterThan(40_000);
    const record = parseMarkdownRecord(text);
    expect(record.limits).toEqual([]);
    expect(record.sections.map((section) => section.title)).toEqual([
      "Incident: Checkout returned 500s after a deploy",
      "Timeline",
      "Root Cause",
      "Impact",
      "Action Items",
      "Lessons Learned",
    ]);
  });
});

describe("one parse per record", () => {
  it("the same text gives the same record, not a second parse: the validation, the supersede links, the review date and the decision log share it", () => {
    const text = templateText("adrs/adr_2025-06-01_use-postgresql.md");
    const first = parseMarkdownRecord(text);
    // An equal text built anew, as a second read of the file would give.
    expect(parseMarkdownRecord(` ${text}`.slice(1))).toBe(first);
    expect(parseMarkdownRecord(`${text}\n`)).not.toBe(first);
  });
});
