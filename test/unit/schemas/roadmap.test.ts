import { describe, expect, it } from "@jest/globals";
import { classifyDataFile } from "../../../src/schemas/data-files.js";
import { roadmapPath } from "../../../src/schemas/roadmap.js";
import { validateDataFiles } from "../../../src/validate/validate-files.js";
import { brief, layout } from "../../support/data-files.js";

const roadmap = {
  version: "1.0",
  lastUpdated: "2026-11-30",
  items: [
    {
      id: "rm_001",
      title: "Enterprise tier: SSO and audit log",
      targetDate: "2027-01-31",
      status: "in_progress",
      needs: ["security", "reliability"],
      blockedBy: ["debt_002"],
      tags: ["enterprise"],
    },
    { id: "rm_002", title: "Usage-based billing", targetDate: "2027-Q2", status: "planned", needs: ["delivery"] },
    { title: "Public API v1", targetDate: "2026-09-30", status: "done" },
  ],
};

const text = (value: unknown) => JSON.stringify(value, null, 2);
const validate = (content: string) => {
  const bytes = new TextEncoder().encode(content);
  return validateDataFiles([{ path: roadmapPath, size: bytes.length, bytes }], { layout });
};
const edited = (edit: (value: any) => void) => {
  const copy = structuredClone(roadmap) as any;
  edit(copy);
  return text(copy);
};

describe("data/product/roadmap.json", () => {
  it("is a data file of its own, wherever dataDir is", () => {
    expect(classifyDataFile("data/product/roadmap.json", layout)).toEqual({ type: "json", kind: "roadmap" });
    expect(classifyDataFile("data/product/other.json", layout)).toEqual({ type: "ignored" });
  });

  it("a roadmap with dates and quarters, needs and debt it waits for, validates with no finding", () => {
    expect(validate(text(roadmap))).toEqual([]);
  });

  it("a target that is neither a date nor a quarter: named, on its line", () => {
    const diagnostics = validate(edited((value) => (value.items[1].targetDate = "2027-Q5")));
    expect(brief(diagnostics)).toEqual(["error invalid-format@24:21"]);
    expect(diagnostics[0]).toMatchObject({
      file: roadmapPath,
      message: '`items[1].targetDate` must be a date YYYY-MM-DD or a quarter YYYY-Q1..YYYY-Q4, found "2027-Q5"',
    });
  });

  it("a date that is not on the calendar", () => {
    const [diagnostic] = validate(edited((value) => (value.items[0].targetDate = "2027-02-30")));
    expect(diagnostic!.message).toBe('`items[0].targetDate` must be a calendar date YYYY-MM-DD, found "2027-02-30"');
  });

  it("a status or a need outside the list, with what is allowed", () => {
    const diagnostics = validate(
      edited((value) => {
        value.items[0].status = "someday";
        value.items[1].needs = ["scalability"];
      }),
    );
    expect(diagnostics.map((diagnostic) => [diagnostic.line, diagnostic.message])).toEqual([
      [9, '`items[0].status` must be one of planned, in_progress, done, dropped; found "someday"'],
      [27, '`items[1].needs[0]` must be one of delivery, reliability, security, cost; found "scalability"'],
    ]);
  });

  it("a missing title, a duplicate id, an unknown key (warning): all in one run", () => {
    const diagnostics = validate(
      edited((value) => {
        delete value.items[0].title;
        value.items[1].id = "rm_001";
        value.items[2].priority = "high";
      }),
    );
    expect(diagnostics.map((diagnostic) => `${diagnostic.severity} ${diagnostic.code}@${diagnostic.line}:${diagnostic.column} ${diagnostic.message}`)).toEqual([
      "error missing-field@5:5 missing required field `items[0].title`",
      'error duplicate-id@21:13 id "rm_001" is already used by items[0]',
      "warning unknown-key@33:7 unknown key `items[2].priority` is ignored",
    ]);
  });

  it("broken JSON is a finding with its position, never a crash", () => {
    expect(brief(validate('{\n  "version": "1.0",\n  "items": [\n    { "title": "x", }\n  ]\n}\n'))).toEqual([
      "error json-syntax@4:21",
    ]);
  });
});
