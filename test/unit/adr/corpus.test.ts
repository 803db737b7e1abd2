import { describe, expect, it } from "@jest/globals";
import { corpusScore } from "../../support/adr-corpus-score.js";

describe("ADR suggestions on the labelled corpus of realistic changes", () => {
  it("fire on decisions, not on edits: precision at least 0.6, recall at least 0.9", () => {
    const score = corpusScore();
    console.log(
      `ADR corpus: ${score.cases} cases, precision ${score.precision.toFixed(2)}, recall ${score.recall.toFixed(2)}, fires on ${(score.fired * 100).toFixed(0)}%\n${score.wrong.join("\n")}`,
    );
    expect(score.cases).toBeGreaterThanOrEqual(80);
    expect(score.precision).toBeGreaterThanOrEqual(0.6);
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
  });
});
