import { describe, expect, it } from "@jest/globals";
import { corpusScore } from "../../support/adr-corpus-score.js";

describe("ADR suggestions on the labelled corpus of realistic changes", () => {
  it("fire on every decision and on no edit: each written example is a class of mistake once made", () => {
    const score = corpusScore();
    console.log(
      `ADR corpus: ${score.cases} cases, precision ${score.precision.toFixed(2)}, recall ${score.recall.toFixed(2)}, fires on ${(score.fired * 100).toFixed(0)}%\n${score.wrong.join("\n")}`,
    );
    expect(score.cases).toBeGreaterThanOrEqual(80);
    // Every case stands for a mistake seen on real repositories: one going wrong again is a regression.
    expect(score.wrong).toEqual([]);
    expect(score.precision).toBe(1);
    expect(score.recall).toBe(1);
  });
});
