import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { brief, editJson, templateText, validateOne } from "../../support/data-files.js";

const debt = templateText("tech_debt.json");
const scorecard = templateText("engineering_scorecard.json");

describe("schema findings say what is wrong, in words, on the right line", () => {
  it("an enum value: lists the allowed values and what was found", () => {
    const text = debt.replace('"priority": "medium"', '"priority": "urgent"');
    const [diagnostic] = validateOne("tech_debt.json", text);
    expect(diagnostic).toMatchObject({ line: 23, column: 19, code: "invalid-value", severity: "error" });
    expect(diagnostic!.message).toBe('`items[1].priority` must be one of critical, high, medium, low; found "urgent"');
  });

  it("a missing field: reported on the object that lacks it", () => {
    const text = editJson(debt, (value) => delete value.items[0].title);
    const diagnostics = validateOne("tech_debt.json", text);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      code: "missing-field",
      line: 5,
      column: 5,
      message: "missing required field `items[0].title`",
    });
  });

  it("a wrong type, with the type and value found", () => {
    const text = debt.replace('"estimatedDays": 4', '"estimatedDays": "4"');
    expect(validateOne("tech_debt.json", text)[0]!.message).toBe(
      '`items[1].estimatedDays` must be a number, found string "4"',
    );
  });

  it("an impossible calendar date", () => {
    const text = debt.replace('"createdAt": "2025-06-01"', '"createdAt": "2025-02-30"');
    expect(validateOne("tech_debt.json", text)[0]).toMatchObject({
      code: "invalid-format",
      message: '`items[1].createdAt` must be a calendar date YYYY-MM-DD, found "2025-02-30"',
    });
  });

  it("a negative count", () => {
    const text = scorecard.replace('"openVulnerabilities": 0', '"openVulnerabilities": -2');
    expect(validateOne("engineering_scorecard.json", text)[0]).toMatchObject({
      code: "out-of-range",
      message: "`security.openVulnerabilities` must be >= 0, found -2",
    });
  });

  it("an unknown key is a warning on the key, and does not stop the other checks", () => {
    const text = debt
      .replace('"id": "debt_002",', '"id": "debt_002",\n      "priorty": "high",')
      .replace('"medium": 1', '"medium": 0');
    const diagnostics = validateOne("tech_debt.json", text);
    expect(brief(diagnostics)).toEqual(["warning unknown-key@18:7", "error summary-mismatch@43:15"]);
    expect(diagnostics[0]!.message).toBe("unknown key `items[1].priorty` is ignored");
  });

  it("accepts a $schema reference", () => {
    expect(
      validateOne(
        "tech_debt.json",
        editJson(debt, (value) => (value.$schema = "../../schemas/tech_debt.schema.json")),
      ),
    ).toEqual([]);
  });
});

describe("tech_debt.json rules", () => {
  it("ids are unique", () => {
    const text = debt.replace('"id": "debt_003"', '"id": "debt_001"');
    const diagnostics = validateOne("tech_debt.json", text);
    expect(brief(diagnostics)).toEqual(["error duplicate-id@28:13"]);
    expect(diagnostics[0]!.message).toBe('id "debt_001" is already used by items[0]; ids must be unique');
  });

  it("resolvedAt is not before createdAt", () => {
    const text = debt.replace('"resolvedAt": "2025-10-20"', '"resolvedAt": "2025-01-20"');
    expect(validateOne("tech_debt.json", text)[0]).toMatchObject({
      code: "date-order",
      line: 36,
      message: "`resolvedAt` 2025-01-20 is before `createdAt` 2025-03-10",
    });
  });

  it("summary counts equal the open items per priority, with the expected number in the message", () => {
    const text = debt.replace('"critical": 1', '"critical": 2').replace('"low": 0', '"low": 1');
    const diagnostics = validateOne("tech_debt.json", text);
    expect(diagnostics.map((d) => d.message)).toEqual([
      "`summary.critical` is 2 but items hold 1 open critical-priority item; expected 1",
      "`summary.low` is 1 but items hold 0 open low-priority items; expected 0",
    ]);
    expect(diagnostics.map((d) => d.line)).toEqual([40, 43]);
  });

  it("totalEstimatedDays is the sum over open items, null when none is estimated", () => {
    const wrong = debt.replace('"totalEstimatedDays": 4', '"totalEstimatedDays": 7');
    expect(validateOne("tech_debt.json", wrong)[0]!.message).toBe(
      "`summary.totalEstimatedDays` is 7 but the open items' estimatedDays add up to 4; expected 4",
    );
    const noEstimates = editJson(debt, (value) => {
      value.items = value.items.slice(0, 1);
      value.summary = { critical: 1, high: 0, medium: 0, low: 0, totalEstimatedDays: null };
    });
    expect(validateOne("tech_debt.json", noEstimates)).toEqual([]);
  });
});

describe("scorecard rules", () => {
  it("a snapshot's file-name date equals its generatedAt date", () => {
    const diagnostics = validateOne("scorecards/scorecard_2025-11-04.json", scorecard);
    expect(brief(diagnostics)).toEqual(["error snapshot-date-mismatch@2:18"]);
    expect(diagnostics[0]!.message).toContain(
      "snapshot file is dated 2025-11-04 but `generatedAt` is 2025-11-03T09:30:00Z",
    );
  });

  it("compares in UTC, whatever offset generatedAt is written with", () => {
    const text = scorecard
      .replace("2025-11-03T09:30:00Z", "2025-11-04T01:30:00+02:00")
      .replace("sync_2025-11-03", "sync_2025-11-04");
    expect(brief(validateOne("scorecards/scorecard_2025-11-04.json", text))).toEqual([
      "error snapshot-date-mismatch@2:18",
      "warning sync-id-date@3:13",
    ]);
  });

  it("a snapshot must be named scorecard_YYYY-MM-DD.json", () => {
    expect(brief(validateOne("scorecards/latest.json", scorecard))).toEqual(["error snapshot-file-name@1:1"]);
  });

  it("accepts a consistent dora block and refuses an inconsistent one", () => {
    const dora = {
      source: "tags",
      window: { start: "2025-08-05T09:30:00Z", end: "2025-11-03T09:30:00Z", days: 90 },
      deploymentFrequency: { deployments: 12, perWeek: 0.93, tier: "medium" },
      leadTimeForChanges: { medianHours: 30.5, p90Hours: 120, samples: 48, tier: "high" },
      changeFailureRate: { failed: 2, total: 12, rate: 0.1667, tier: "low" },
      timeToRestore: { medianHours: null, samples: 0, tier: null },
      reworkRate: { remediations: 1, total: 12, rate: 0.0833 },
    };
    expect(
      validateOne(
        "engineering_scorecard.json",
        editJson(scorecard, (value) => (value.dora = dora)),
      ),
    ).toEqual([]);
    const bad = editJson(
      scorecard,
      (value) => (value.dora = { ...dora, changeFailureRate: { failed: 2, total: 12, rate: 0.5, tier: "low" } }),
    );
    expect(validateOne("engineering_scorecard.json", bad)[0]).toMatchObject({
      code: "dora-inconsistent",
      message: "`rate` is 0.5 but failed/total is 0.1667",
    });
  });
});

describe("infra_costs.json and team.json rules", () => {
  const costs = templateText("infra_costs.json");
  const team = templateText("team.json");

  it("totalSpend equals the sum of byService", () => {
    const text = costs.replace('"totalSpend": 12400', '"totalSpend": 12000');
    expect(validateOne("infra_costs.json", text)[0]).toMatchObject({
      code: "summary-mismatch",
      line: 21,
      message: "`totalSpend` is 12000 but `byService` adds up to 12400; expected 12400",
    });
  });

  it("one entry per month, oldest first", () => {
    const text = costs.replace('"month": "2025-10"', '"month": "2025-09"');
    expect(brief(validateOne("infra_costs.json", text))).toEqual(["error duplicate-id@20:16"]);
    const unordered = costs.replace('"month": "2025-10"', '"month": "2025-08"');
    expect(brief(validateOne("infra_costs.json", unordered))).toEqual(["warning order@20:16"]);
  });

  it("headcount equals the number of members listed", () => {
    const text = team.replace('"headcount": 3', '"headcount": 5');
    expect(validateOne("team.json", text)[0]).toMatchObject({
      code: "summary-mismatch",
      line: 4,
      message: "`headcount` is 5 but `members` lists 3; expected 3",
    });
  });

  it("logins are unique and on-call members are team members", () => {
    const text = team.replace('"github": "chenli"', '"github": "bortiz"');
    expect(brief(validateOne("team.json", text))).toEqual(["error duplicate-id@8:36", "warning unknown-member@11:77"]);
  });
});

describe("one run reports every finding (a shape error hides no cross-field finding)", () => {
  it("tech_debt.json: a bad priority, a duplicate id and a date in the wrong order, all at once", () => {
    const text = editJson(debt, (value) => {
      value.items[0].priority = "urgent";
      value.items[2].id = "debt_002";
      value.items[2].resolvedAt = "2025-01-20";
    });
    const found = validateOne("tech_debt.json", text).map((diagnostic) => diagnostic.code);
    expect(found).toEqual(["invalid-value", "duplicate-id", "date-order"]);
  });

  it("tech_debt.json: the summary is still checked when only a resolved item is malformed, and not guessed when an open one is", () => {
    const resolvedBad = editJson(debt, (value) => {
      value.items[2].priority = "urgent"; // resolved: counts nowhere, whatever its priority
      value.summary.medium = 3;
    });
    expect(validateOne("tech_debt.json", resolvedBad).map((diagnostic) => diagnostic.code)).toEqual([
      "invalid-value",
      "summary-mismatch",
    ]);
    const openBad = editJson(debt, (value) => {
      value.items[1].priority = "urgent"; // open: which count it belongs to is unknown until fixed
      value.summary.medium = 3;
    });
    expect(validateOne("tech_debt.json", openBad).map((diagnostic) => diagnostic.code)).toEqual(["invalid-value"]);
  });

  it("team.json, infra_costs.json and a snapshot: shape errors and rule findings together", () => {
    const team = editJson(templateText("team.json"), (value) => {
      delete value.members[0].role;
      value.headcount = 5;
    });
    expect(
      validateOne("team.json", team)
        .map((diagnostic) => diagnostic.code)
        .sort(),
    ).toEqual(["missing-field", "summary-mismatch"]);
    const costs = editJson(templateText("infra_costs.json"), (value) => {
      value.currency = "dollars";
      value.months[0].totalSpend += 100;
    });
    expect(
      validateOne("infra_costs.json", costs)
        .map((diagnostic) => diagnostic.code)
        .sort(),
    ).toEqual(["invalid-format", "summary-mismatch"]);
    const snapshot = editJson(templateText("scorecards/scorecard_2025-11-03.json"), (value) => {
      value.security.openVulnerabilities = -1;
      value.generatedAt = "2025-11-04T09:00:00Z";
    });
    expect(
      validateOne("scorecards/scorecard_2025-11-03.json", snapshot)
        .map((diagnostic) => diagnostic.code)
        .sort(),
    ).toEqual(["out-of-range", "snapshot-date-mismatch", "sync-id-date"]);
  });

  it("rules never throw on a document of any shape", () => {
    fc.assert(
      fc.property(
        fc.jsonValue(),
        fc.constantFrom(
          "tech_debt.json",
          "team.json",
          "infra_costs.json",
          "engineering_scorecard.json",
          "scorecards/scorecard_2025-11-03.json",
        ),
        (value, file) => {
          expect(() => validateOne(file, JSON.stringify(value))).not.toThrow();
          // Nested in the places the rules look at, too.
          const nested = {
            items: [value, { id: value }],
            summary: value,
            months: [value],
            members: [value],
            dora: { changeFailureRate: value, window: value },
            generatedAt: value,
          };
          expect(() => validateOne(file, JSON.stringify(nested))).not.toThrow();
        },
      ),
      { numRuns: 300 },
    );
  });
});
