import { escapeInline } from "../markdown/escape.js";
import type { Config } from "../schemas/config.js";
import type { SeenChange } from "./detect-infra-changes.js";

/**
 * The model as tie-breaker of the ADR suggestion (`adr.ai`): only a change that scores near
 * `adr.threshold` is sent, so a clear yes or a clear no is never overturned. This module holds the
 * pure part: the band, the answer as data, the lines people read, and the memo kept in the check
 * run so a redelivered webhook reuses the answer instead of asking again.
 */

type AdrSettings = Pick<Config["adr"], "threshold" | "categories" | "ai">;

/** The scores the model may judge: from `from` (inclusive) up to `to` (exclusive). */
export interface ClassificationBand {
  from: number;
  to: number;
}

/** What the rules said, which the classification stands beside. */
interface Weighed {
  /** The rules' own answer: an ADR suggested. */
  deterministic: boolean;
  score: number;
  threshold: number;
  band: ClassificationBand;
}

/** A near-threshold change as the model judged it, or why the model was not used (the rules' answer stands). */
export type AdrAiClassification =
  | (Weighed & {
      status: "classified";
      /** The model's answer: a careful staff engineer would want an ADR. */
      wantAdr: boolean;
      /** Its one-line reason, as plain text (no tags; escaped where it is shown). */
      reason: string;
      model: string;
      /** Taken from this commit's check run (a redelivery, a label): no request this run. */
      reused: boolean;
      usage?: { inputTokens: number; outputTokens: number };
    })
  | (Weighed & {
      status: "not-used";
      why: string;
      /** A request was made and failed (a timeout, an error, an answer that does not fit), rather than none allowed. */
      asked: boolean;
    });

/**
 * The band's default half-width is the lightest positive category weight: one decision's worth on
 * either side of the threshold. With the default weights and threshold (1 and 1) that is a change
 * with infrastructure seen but no decision (score 0) or with exactly one decision (score 1); two
 * decisions or more is a clear yes, nothing seen a clear no.
 */
export function classificationBand(adr: AdrSettings): ClassificationBand {
  const weights = Object.values(adr.categories)
    .map((category) => category.weight)
    .filter((weight) => weight > 0);
  const half = adr.ai.band ?? (weights.length > 0 ? Math.min(...weights) : 0);
  return { from: adr.threshold - half, to: adr.threshold + half };
}

/** The changes a model may weigh: those of a category that counts (weight 0 means "never suggest for it"). */
export function weighableChanges(seen: readonly SeenChange[], adr: AdrSettings): SeenChange[] {
  return seen.filter((found) => adr.categories[found.category].weight > 0);
}

/** Near the threshold: something was seen that could count, and the score is within the band. */
export function isNearThreshold(score: number, seen: readonly SeenChange[], adr: AdrSettings): boolean {
  const band = classificationBand(adr);
  return band.to > band.from && score >= band.from && score < band.to && weighableChanges(seen, adr).length > 0;
}

/** The model's answer differs from the rules': the suggestion follows the model. */
export function overturned(classification: AdrAiClassification | undefined): boolean {
  return classification?.status === "classified" && classification.wantAdr !== classification.deterministic;
}

/** The answer that stands: the model's for a classified change, else the rules'. */
export function finalAnswer(classification: AdrAiClassification): boolean {
  return classification.status === "classified" ? classification.wantAdr : classification.deterministic;
}

/** Worth a check run of its own: the model answered, or was asked and failed (not merely unavailable here). */
export function worthShowing(classification: AdrAiClassification | undefined): boolean {
  return classification !== undefined && (classification.status === "classified" || classification.asked);
}

/** The label every AI classification carries where it is shown. */
export const aiClassifiedLabel = "AI-classified";

/** How a line is written: markdown (the comment, the check run) escapes the model's text; text (the CLI) shows it as is. */
type LineFormat = "markdown" | "text";

function where(c: Weighed, format: LineFormat): string {
  const side = c.score < c.threshold ? "Below" : c.score === c.threshold ? "At" : "Just above";
  const key = format === "markdown" ? "`adr.threshold`" : "adr.threshold";
  return `${side} the threshold (score ${c.score}, ${key} ${c.threshold})`;
}

/**
 * One line saying what the model did with a near-threshold change, for the comment, the check run
 * and the CLI: "Below the threshold (score 0, `adr.threshold` 1), but the model judged it a
 * decision worth an ADR: ...". In markdown the model's reason is escaped (no mention, reference,
 * tag or link).
 */
export function classificationLine(classification: AdrAiClassification, format: LineFormat = "markdown"): string {
  const shown = format === "markdown" ? escapeInline : (text: string) => text;
  if (classification.status === "not-used")
    return `${where(classification, format)}: the model was not used (${shown(classification.why)}); the answer is the rules' own.`;
  const { wantAdr, deterministic } = classification;
  const verdict = wantAdr ? "a decision worth an ADR" : "not a decision worth an ADR";
  const judged =
    wantAdr === deterministic ? `; the model agreed it is ${verdict}` : `, but the model judged it ${verdict}`;
  return `${where(classification, format)}${judged}: ${shown(classification.reason.replace(/[.\s]+$/, ""))} (${aiClassifiedLabel}, ${shown(classification.model)}).`;
}

const memoPrefix = "<!-- cto-copilot:adr-classification ";

/** The answer kept in a check run: which material it was for (a digest), and the answer, base64-encoded. */
export interface ClassificationMemo {
  digest: string;
  wantAdr: boolean;
  reason: string;
  model: string;
}

/** A hidden line for the check run's summary (base64url cannot close the comment). */
export function encodeMemo(memo: ClassificationMemo): string {
  const payload = Buffer.from(JSON.stringify([memo.wantAdr, memo.reason, memo.model])).toString("base64url");
  return `${memoPrefix}${memo.digest} ${payload} -->`;
}

/** The memo in a check run's summary, when there is one of the right shape. */
export function decodeMemo(summary: string | null | undefined): ClassificationMemo | undefined {
  const start = summary?.lastIndexOf(memoPrefix) ?? -1;
  if (!summary || start < 0) return undefined;
  const match = /^([0-9a-f]{16}) ([A-Za-z0-9_-]{1,4000}) -->/.exec(summary.slice(start + memoPrefix.length));
  if (!match) return undefined;
  try {
    const [wantAdr, reason, model] = JSON.parse(Buffer.from(match[2]!, "base64url").toString("utf8")) as unknown[];
    if (typeof wantAdr !== "boolean" || typeof reason !== "string" || typeof model !== "string") return undefined;
    return { digest: match[1]!, wantAdr, reason, model };
  } catch {
    return undefined;
  }
}
