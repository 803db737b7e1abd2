import { detectInfraChanges, type FileChange } from "../../src/adr/detect-infra-changes.js";
import { defaultConfig } from "../../src/schemas/config.js";
import { corpus } from "../fixtures/adr-corpus/index.js";
import type { CorpusCase } from "../fixtures/adr-corpus/types.js";

const config = defaultConfig().adr;
/** A diff as a pull request's file list gives it: the lines only one side has (enough for what reads a patch). */
function patchOf(
  before: string | undefined,
  after: string | undefined,
): { patch: string; additions: number; deletions: number } {
  const old = before === undefined ? [] : before.split("\n");
  const next = after === undefined ? [] : after.split("\n");
  const oldSet = new Set(old);
  const nextSet = new Set(next);
  const removed = old.filter((line) => !nextSet.has(line));
  const added = next.filter((line) => !oldSet.has(line));
  return {
    patch: [
      `@@ -1,${old.length} +1,${next.length} @@`,
      ...removed.map((line) => `-${line}`),
      ...added.map((line) => `+${line}`),
    ].join("\n"),
    additions: added.length,
    deletions: removed.length,
  };
}

/** The files of a labelled case as a pull request gives them, with both versions (as the use case reads them). */
function changesOf(labelled: CorpusCase): FileChange[] {
  return labelled.files.map((file) => ({ ...file, ...patchOf(file.before, file.after) }));
}

/** Whether the detector would suggest an ADR for a case: its decisions weigh at least the threshold. */
function suggests(labelled: CorpusCase): boolean {
  const seen = detectInfraChanges(changesOf(labelled), config, { statements: labelled.title ? [labelled.title] : [] });
  return seen.some((found) => found.decision) && seen.reduce((sum, found) => sum + found.weight, 0) >= config.threshold;
}

/** Precision and recall of the ADR suggestion on the labelled corpus, and the cases it gets wrong. */
export function corpusScore() {
  let truePositives = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const wrong: string[] = [];
  for (const labelled of corpus) {
    const fired = suggests(labelled);
    if (fired && labelled.label === "adr") truePositives++;
    else if (fired) {
      falsePositives++;
      wrong.push(`fired without reason: ${labelled.name}`);
    } else if (labelled.label === "adr") {
      falseNegatives++;
      wrong.push(`missed: ${labelled.name}`);
    }
  }
  return {
    cases: corpus.length,
    precision: truePositives / (truePositives + falsePositives),
    recall: truePositives / (truePositives + falseNegatives),
    fired: (truePositives + falsePositives) / corpus.length,
    wrong,
  };
}
