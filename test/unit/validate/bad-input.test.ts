import { describe, expect, it } from "@jest/globals";
import { brief, templateText, validateOne } from "../../support/data-files.js";

const team = templateText("team.json");

describe("bad input gets a clear diagnostic with a position, never a crash", () => {
  it("reports a syntax error at the offending character", () => {
    const diagnostics = validateOne("team.json", '{\n  "version": "1.0",\n  "headcount" 3\n}');
    expect(brief(diagnostics)).toEqual(["error json-syntax@3:15"]);
    expect(diagnostics[0]!.message).toBe("':' expected");
  });

  it("reports only the first syntax error (the rest would be the parser guessing)", () => {
    expect(brief(validateOne("team.json", '{"a": [1, 2,, 3}, }'))).toHaveLength(1);
  });

  it.each([
    ["trailing comma", '{"version": "1.0",}', "property name (a double-quoted string) expected"],
    ["comment", '{"version": "1.0" // note\n}', "comments are not allowed in JSON"],
    ["single quotes", "{'version': '1.0'}", `unexpected "'version'"`],
    ["two values", "{} {}", "end of file expected: only one JSON value is allowed"],
    ["unterminated string", '{"version": "1.0', "unterminated string"],
    ["truncated file", '{"version": "1.0",\n', "property name (a double-quoted string) expected (at end of file)"],
    ["NaN", '{"headcount": NaN}', 'unexpected "NaN"'],
  ])("refuses %s", (_name, text, message) => {
    const diagnostics = validateOne("team.json", text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ severity: "error", code: "json-syntax", message });
  });

  it("refuses an empty file", () => {
    expect(validateOne("team.json", "  \n")[0]).toMatchObject({
      code: "json-syntax",
      line: 2,
      message: "file is empty: a JSON value is expected",
    });
  });

  it("reports a duplicate key at its second occurrence and validates the value JSON.parse keeps", () => {
    const text = '{\n  "version": "1.0",\n  "lastUpdated": "2025-11-03",\n  "headcount": 0,\n  "headcount": -1\n}';
    const diagnostics = validateOne("team.json", text);
    expect(brief(diagnostics)).toEqual(["error duplicate-key@5:3", "error out-of-range@5:16"]);
    expect(diagnostics[0]!.message).toBe('duplicate key "headcount" (first defined on line 4); the last one wins');
  });

  it("refuses a __proto__ key without polluting any prototype", () => {
    const text = team.replace('"headcount": 3,', '"headcount": 3,\n  "__proto__": { "polluted": true },');
    const diagnostics = validateOne("team.json", text);
    expect(brief(diagnostics)).toEqual(["error forbidden-key@5:3"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it("reports a byte order mark and still checks the rest of the file", () => {
    const bom = new Uint8Array([0xef, 0xbb, 0xbf]);
    const body = new TextEncoder().encode(team.replace('"headcount": 3', '"headcount": "3"'));
    const diagnostics = validateOne("team.json", new Uint8Array([...bom, ...body]));
    expect(brief(diagnostics)).toEqual(["error byte-order-mark@1:1", "error invalid-type@4:16"]);
  });

  it("reports invalid UTF-8 at the line and column of the bad byte", () => {
    const before = new TextEncoder().encode('{\n  "version": "1.0",\n  "name": "Ren');
    const bytes = new Uint8Array([...before, 0xe9, ...new TextEncoder().encode('e"\n}')]);
    const diagnostics = validateOne("team.json", bytes);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "invalid-utf8", line: 3, column: 15 });
    expect(diagnostics[0]!.message).toContain("0xe9");
  });

  it("refuses a file over the size limit without reading it", () => {
    const diagnostics = validateOne("team.json", team, { maxFileSizeBytes: 100 });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: "file-too-large", line: 1, column: 1, severity: "error" });
    expect(diagnostics[0]!.message).toMatch(/over the 100 bytes limit/);
  });

  it("refuses a top-level value that is not an object", () => {
    expect(validateOne("team.json", "[1, 2]")[0]).toMatchObject({
      code: "invalid-type",
      message: "`the file` must be an object, found an array",
    });
  });

  it("counts lines the same in CRLF files", () => {
    const text = team.replace('"headcount": 3', '"headcount": "3"').replace(/\n/g, "\r\n");
    expect(brief(validateOne("team.json", text))).toEqual(["error invalid-type@4:16"]);
  });

  it("explains a union (a decision is a line of text or an object) by the branch that came closest", () => {
    const text = templateText("tech_stack.json").replace(
      '"recentDecisions": ["Move background jobs from cron to SQS"]',
      '"recentDecisions": [{ "title": "Use SQS", "date": "last week" }]',
    );
    expect(validateOne("tech_stack.json", text)[0]).toMatchObject({
      code: "invalid-format",
      message: '`recentDecisions[0].date` must be a calendar date YYYY-MM-DD, found "last week"',
    });
    const wrongType = templateText("tech_stack.json").replace(
      '"recentDecisions": ["Move background jobs from cron to SQS"]',
      '"recentDecisions": [42]',
    );
    expect(validateOne("tech_stack.json", wrongType)[0]).toMatchObject({
      code: "invalid-type",
      line: 50,
      column: 23,
      message: "`recentDecisions[0]` must be a string or an object, found number 42",
    });
  });

  it("survives deeply nested input", () => {
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(() => validateOne("team.json", deep)).not.toThrow();
  });
});
