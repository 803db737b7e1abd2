// Run by `npm run bench` (through Jest, which loads the TypeScript corpus): how well the ADR
// suggestion separates decisions from edits on the labelled corpus (test/fixtures/adr-corpus/).
import { it } from "@jest/globals";
import { corpusScore } from "../test/support/adr-corpus-score.js";

it("scores the ADR suggestion on the labelled corpus", () => {
  const score = corpusScore();
  const note = `${score.cases} labelled changes; fires on ${(score.fired * 100).toFixed(0)}% of them${score.wrong.length > 0 ? `; wrong: ${score.wrong.join(" | ")}` : ""}`;
  process.stdout.write(
    `BENCH ${JSON.stringify({ name: "ADR suggestion precision (labelled corpus)", value: score.precision, target: 0.6, minimum: true, unit: "", note })}\n`,
  );
  process.stdout.write(
    `BENCH ${JSON.stringify({ name: "ADR suggestion recall (labelled corpus)", value: score.recall, target: 0.9, minimum: true, unit: "" })}\n`,
  );
});
