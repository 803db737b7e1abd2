import { describe, expect, it } from "@jest/globals";
import { escapeInline } from "../../../src/markdown/escape.js";
import { planDataCheck } from "../../../src/report/check-run.js";
import type { Diagnostic } from "../../../src/findings/diagnostic.js";

const diagnostic = (index: number, message = "bad value"): Diagnostic => ({
  file: "data/engineering/tech_debt.json",
  line: index + 1,
  column: 3,
  endLine: index + 1,
  endColumn: 9,
  severity: "error",
  code: "invalid-value",
  message,
});

describe("the data check plan", () => {
  it("lists every finding in the summary and annotates each one", () => {
    const plan = planDataCheck({
      headSha: "abcdef1234567",
      diagnostics: [diagnostic(0), { ...diagnostic(4), severity: "warning", code: "unknown-key" }],
      files: ["data/engineering/tech_debt.json"],
    });
    expect(plan).toMatchObject({
      name: "CTO Co-Pilot / data",
      conclusion: "failure",
      title: "1 error, 1 warning in data files",
    });
    expect(plan.summary).toContain("| `data/engineering/tech_debt.json` | 1:3 | error | `invalid-value` | bad value |");
    expect(plan.annotations[1]).toEqual({
      path: "data/engineering/tech_debt.json",
      start_line: 5,
      end_line: 5,
      start_column: 3,
      end_column: 8,
      annotation_level: "warning",
      title: "unknown-key",
      message: "bad value",
    });
  });

  it("stays under GitHub's 65,535-character summary limit with thousands of findings", () => {
    const diagnostics = Array.from({ length: 5000 }, (_, index) => diagnostic(index, "x".repeat(100)));
    const plan = planDataCheck({ headSha: "abc", diagnostics, files: ["data/engineering/tech_debt.json"] });
    expect(plan.summary.length).toBeLessThan(65_535);
    expect(plan.summary).toMatch(/…and \d+ more findings, all shown as annotations\./);
    expect(plan.annotations).toHaveLength(5000);
  });

  it("neutralises mentions, references and HTML from file contents", () => {
    expect(escapeInline('found "@acme/admins fixes #12 <img src=x> | GH-4"')).toBe(
      'found "@\u200dacme/admins fixes #\u200d12 &lt;img src=x&gt; \\| GH\u200d-4"',
    );
  });
});
