import { codeSpan, escapeInline } from "../markdown/escape.js";
import type { CheckRunPlan } from "../report/check-run.js";
import { aiClassifiedLabel, classificationLine, overturned, type AdrAiClassification } from "./ai-classification.js";
import { categoryLabels } from "./categories.js";
import type { InfraChange, SeenChange } from "./detect-infra-changes.js";
import { renderResolved, type AdrResolution } from "./render-comment.js";

export const adrCheckName = "CTO Co-Pilot / ADR";
/** Lines of the summary that list what was seen and not counted: enough to check, short enough to read. */
const maxListed = 20;

/** One line a reviewer can check: the file, its category, why (text from the pull request, neutralised). */
const line = (found: SeenChange) =>
  `- ${codeSpan(found.file)} (${categoryLabels[found.category]}): ${escapeInline(found.reason)}`;

/** What the assessment weighed besides the decisions: every change seen, the score and the threshold it met or not. */
export interface AdrCheckWeighing {
  seen: readonly SeenChange[];
  score: number;
  threshold: number;
  /** The decisions weigh at least the threshold (and nothing resolved them), or the model judged a near one a decision: the comment asks for an ADR. */
  suggested: boolean;
  /** With `ai.enabled`, what the model did with a near-threshold change (or why it was not used). */
  ai?: AdrAiClassification;
  /** The hidden line keeping the model's answer for this commit (a redelivery asks nothing again). */
  memo?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Nothing hidden: the decisions below the threshold and the changes seen that are not decisions,
 * one line each with why, so a reviewer can disagree with the verdict.
 */
function notCounted(weighing: AdrCheckWeighing | undefined): string {
  if (!weighing) return "";
  const lines: string[] = [];
  const below = weighing.suggested ? [] : weighing.seen.filter((found) => found.decision);
  if (below.length > 0)
    lines.push(
      "",
      weighing.score >= weighing.threshold
        ? `Decisions weighing ${weighing.score}, \`adr.threshold\` ${weighing.threshold}, judged by the model not worth an ADR:`
        : `Decisions weighing ${weighing.score}, below \`adr.threshold\` ${weighing.threshold}: no ADR asked for.`,
      ...below.slice(0, maxListed).map(line),
    );
  const others = weighing.seen.filter((found) => !found.decision);
  if (others.length > 0)
    lines.push(
      "",
      `Also changed, not counted as decisions (${plural(others.length, "file")}):`,
      ...others.slice(0, maxListed).map(line),
      ...(others.length > maxListed ? [`- …and ${others.length - maxListed} more`] : []),
    );
  return lines.join("\n");
}

/**
 * The `CTO Co-Pilot / ADR` check: neutral while an ADR is suggested (failure under
 * `adr.require`, so branch protection can enforce it), success once resolved or not needed. Its
 * summary lists the lower-scored changes and those not counted, so nothing is hidden.
 */
export function planAdrCheck(
  headSha: string,
  changes: readonly InfraChange[],
  resolution: AdrResolution | undefined,
  required: boolean,
  weighing?: AdrCheckWeighing,
): CheckRunPlan {
  const needed = (weighing?.suggested ?? changes.length > 0) && !resolution;
  const categories = [...new Set(changes.map((change) => categoryLabels[change.category]))];
  const judgedNotNeeded = !needed && !resolution && overturned(weighing?.ai);
  const summary = needed
    ? `This pull request changes infrastructure (${changes.length} file${changes.length === 1 ? "" : "s"}: ${categories.join(", ")}). See the pull request comment for the files, related decisions and a draft ADR.${required ? "\n\nThis repository requires an ADR for such changes (`adr.require: true`)." : ""}`
    : resolution
      ? renderResolved(resolution)
      : judgedNotNeeded
        ? "No ADR asked for: the model judged this near-threshold change not a decision."
        : changes.length > 0
          ? "No infrastructure change in this pull request weighs enough for an ADR."
          : "No file in this pull request counts as an infrastructure change.";
  // What the model did (or why it was not used) comes right after the verdict it shaped.
  const ai = weighing?.ai ? `\n\n${classificationLine(weighing.ai)}` : "";
  const memo = weighing?.memo ? `\n\n${weighing.memo}` : "";
  return {
    name: adrCheckName,
    headSha,
    conclusion: needed ? (required ? "failure" : "neutral") : "success",
    title: needed
      ? `ADR suggested: ${categories.join(", ")}`
      : resolution
        ? "ADR: resolved"
        : judgedNotNeeded
          ? `ADR: not needed (${aiClassifiedLabel})`
          : changes.length > 0
            ? "ADR: below the threshold"
            : "No infrastructure change",
    summary: `${summary}${ai}${notCounted(weighing)}${memo}`,
    annotations: [],
  };
}
