import { createHash } from "node:crypto";
import {
  classificationBand,
  decodeMemo,
  encodeMemo,
  finalAnswer,
  isNearThreshold,
  weighableChanges,
  type AdrAiClassification,
} from "../adr/ai-classification.js";
import { adrCheckName } from "../adr/check-plan.js";
import type { InfraChange } from "../adr/detect-infra-changes.js";
import {
  classifyAdrNeed,
  plainModelLine,
  type AdrClassificationMaterial,
  type ChangedFileDiff,
} from "../llm/classify-adr-need.js";
import type { PullRequestInfo } from "../ports/pull-request.js";
import { workingTree, type ChangedFile } from "../ports/repository-view.js";
import type { Config } from "../schemas/config.js";
import type { AdrAssessment } from "./assess-adr.js";
import type { ReviewContext } from "./pull-request-check.js";

export interface ClassifiedAssessment {
  /** The assessment whose answer stands: the model's for a classified near-threshold change, else the rules'. */
  assessment: AdrAssessment;
  /** A hidden line for the ADR check run's summary keeping the model's answer for this commit. */
  memo?: string;
}

interface ClassificationInput {
  context: Pick<ReviewContext, "drafterFor" | "publish">;
  pr: PullRequestInfo;
  config: Config;
  changed: readonly ChangedFile[];
  assessment: AdrAssessment;
  /** Decide and write nothing: spends no tokens either, except on the CLI's working tree (its only mode). */
  dryRun: boolean;
}

/**
 * The model as tie-breaker of the ADR suggestion (`adr.ai`, with `ai.enabled`):
 *
 * 1. Only a change the rules scored near `adr.threshold`, that nothing resolves yet; a clear yes
 *    or no is never sent, and without `ai.enabled` nothing here happens at all.
 * 2. Nothing of a fork's pull request, or of an author who may not write, reaches a model (the
 *    CLI's working tree is its user's own); a dry run of a pull request spends no tokens: it says
 *    the model would be asked.
 * 3. The same material on the same commit (a redelivery, a label): the answer kept in its check run.
 * 4. Else ask, with the diffs as data and the rules' findings beside them; any failure keeps the
 *    rules' answer and says why.
 * 5. The assessment follows the answer that stands.
 */
export async function classifyNearThreshold(input: ClassificationInput): Promise<ClassifiedAssessment> {
  const { context, pr, config, assessment } = input;
  if (!config.ai.enabled || !config.adr.ai.classify || assessment.resolution) return { assessment };
  if (!isNearThreshold(assessment.score, assessment.seen, config.adr)) return { assessment };
  const weighed = {
    deterministic: assessment.suggested,
    score: assessment.score,
    threshold: config.adr.threshold,
    band: classificationBand(config.adr),
  };
  const notUsed = (why: string, asked: boolean): ClassifiedAssessment => ({
    assessment: { ...assessment, aiClassification: { ...weighed, status: "not-used", why, asked } },
  });
  const drafter = context.drafterFor?.(config.ai);
  if (!drafter)
    return notUsed("no model for this run: ANTHROPIC_API_KEY is not set, or the App does not use AI here", false);
  const local = pr.headSha === workingTree;
  if (pr.fromFork || (!pr.authorMayWrite && !local))
    return notUsed("the pull request comes from a fork or from an author without write access", false);
  if (input.dryRun && !local) return notUsed("a dry run asks no model; a real run would", false);

  const material = classificationMaterial(pr, assessment, config, input.changed);
  const digest = createHash("sha256")
    .update(JSON.stringify([material, config.ai.model]))
    .digest("hex")
    .slice(0, 16);
  const kept = decodeMemo((await context.publish.findCheckRun(pr.headSha, adrCheckName))?.summary);
  if (kept?.digest === digest) {
    const reason = plainModelLine(kept.reason);
    const model = plainModelLine(kept.model);
    return classified(
      assessment,
      config,
      { ...weighed, status: "classified", wantAdr: kept.wantAdr, reason, model, reused: true },
      digest,
    );
  }
  const outcome = await classifyAdrNeed(drafter, material);
  if (!outcome.ok) return notUsed(outcome.why, true);
  const { wantAdr, reason, model, usage } = outcome;
  return classified(
    assessment,
    config,
    { ...weighed, status: "classified", wantAdr, reason, model, reused: false, usage },
    digest,
  );
}

function classified(
  assessment: AdrAssessment,
  config: Config,
  classification: Extract<AdrAiClassification, { status: "classified" }>,
  digest: string,
): ClassifiedAssessment {
  const suggested = finalAnswer(classification);
  // A change below the threshold may hold no decision at all: the suggestion lists what the rules saw.
  const changes: InfraChange[] =
    suggested && assessment.changes.length === 0
      ? weighableChanges(assessment.seen, config.adr).map(({ file, category, reason, technologies }) => ({
          file,
          category,
          reason,
          technologies,
        }))
      : assessment.changes;
  const { wantAdr, reason, model } = classification;
  return {
    assessment: { ...assessment, suggested, changes, aiClassification: classification },
    memo: encodeMemo({ digest, wantAdr, reason, model }),
  };
}

/** What the model reads: the pull request's words, the rules' findings, and every diff, the files the rules read first. */
function classificationMaterial(
  pr: PullRequestInfo,
  assessment: AdrAssessment,
  config: Config,
  changed: readonly ChangedFile[],
): AdrClassificationMaterial {
  // The files the rules judged come first (decisions before the rest), then every other changed file.
  const seenFirst = new Map<string, number>();
  for (const found of [...assessment.seen].sort((a, b) => Number(b.decision) - Number(a.decision)))
    if (!seenFirst.has(found.file)) seenFirst.set(found.file, seenFirst.size);
  const rank = (file: ChangedFile) => seenFirst.get(file.path) ?? seenFirst.size;
  const diffs: ChangedFileDiff[] = [...changed]
    .sort((a, b) => rank(a) - rank(b))
    .map((file) => ({
      path: file.path,
      status: file.status,
      ...(file.patch !== undefined ? { patch: file.patch } : {}),
    }));
  return {
    title: pr.title,
    body: pr.body,
    score: assessment.score,
    threshold: config.adr.threshold,
    seen: weighableChanges(assessment.seen, config.adr),
    diffs,
  };
}
