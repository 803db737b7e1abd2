import { describe, expect, it } from "@jest/globals";
import { classificationBand, decodeMemo, encodeMemo, isNearThreshold } from "../../../src/adr/ai-classification.js";
import type { SeenChange } from "../../../src/adr/detect-infra-changes.js";
import { configSchema } from "../../../src/schemas/config.js";

const adrConfig = (adr: Record<string, unknown> = {}) => configSchema.parse({ adr }).adr;

const library: SeenChange = {
  file: "package.json",
  category: "dependencies",
  reason: "adds csv-parse: libraries, not a datastore, service or framework",
  technologies: [],
  decision: false,
  weight: 0,
};

describe("which scores are near adr.threshold (adr.ai.band)", () => {
  it("defaults to one lightest decision on either side: scores 0 and 1 with the default weights and threshold", () => {
    expect(classificationBand(adrConfig())).toEqual({ from: 0, to: 2 });
    expect(isNearThreshold(0, [library], adrConfig())).toBe(true);
    expect(isNearThreshold(1, [library], adrConfig())).toBe(true);
    // Two decisions: a clear yes.
    expect(isNearThreshold(2, [library], adrConfig())).toBe(false);
    // Nothing seen: a clear no.
    expect(isNearThreshold(0, [], adrConfig())).toBe(false);
  });

  it("follows calibrated weights and threshold, and an explicit band; 0 sends nothing", () => {
    const weights = Object.fromEntries(
      ["infrastructure-as-code", "containers", "orchestration", "ci-cd", "database", "dependencies"].map((name) => [
        name,
        { weight: name === "dependencies" ? 0.5 : 2 },
      ]),
    );
    expect(classificationBand(adrConfig({ threshold: 2, categories: weights }))).toEqual({ from: 1.5, to: 2.5 });
    expect(classificationBand(adrConfig({ threshold: 3, ai: { band: 2 } }))).toEqual({ from: 1, to: 5 });
    expect(isNearThreshold(0, [library], adrConfig({ ai: { band: 0 } }))).toBe(false);
  });

  it("never sends a change seen only in a category weighed 0 (never suggest for it)", () => {
    expect(isNearThreshold(0, [library], adrConfig({ categories: { dependencies: { weight: 0 } } }))).toBe(false);
  });
});

describe("the answer kept in the check run", () => {
  it("reads back what it wrote, and nothing from a summary that does not hold a well-formed memo", () => {
    const memo = {
      digest: "0123456789abcdef",
      wantAdr: true,
      reason: "adds a broker --> <b>",
      model: "claude-sonnet-5-5",
    };
    const line = encodeMemo(memo);
    // The reason cannot end the hidden comment early.
    expect(line.indexOf("-->")).toBe(line.length - 3);
    expect(decodeMemo(`Summary.\n\n${line}`)).toEqual(memo);
    expect(decodeMemo("Summary.")).toBeUndefined();
    expect(decodeMemo(null)).toBeUndefined();
    expect(decodeMemo(line.replace(/ [A-Za-z0-9_-]+ -->$/, " bm90IGpzb24 -->"))).toBeUndefined();
    const wrongShape = Buffer.from(JSON.stringify(["yes", 1, null])).toString("base64url");
    expect(decodeMemo(line.replace(/ [A-Za-z0-9_-]+ -->$/, ` ${wrongShape} -->`))).toBeUndefined();
  });
});
