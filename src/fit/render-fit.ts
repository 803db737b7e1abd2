import { codeSpan, escapeInline } from "../markdown/escape.js";
import type { CheckRunPlan } from "../report/check-run.js";
import { count } from "../text/plural.js";
import type { FitAssessment } from "./assess-fit.js";
import type { KnownStage } from "./stage.js";

const fitCheckName = "CTO Co-Pilot / Stage fit";

/** The fit section of the pull request's comment: one line per concern, with its question. */
export function renderFitSection(fit: FitAssessment, stage: KnownStage): string {
  const where = stage.stage ? `the ${stage.stage} stage (${stage.from})` : "an unknown stage";
  const lines = ["### Fit for the stage", "", `Judged at ${escapeInline(where)}.`, ""];
  for (const concern of fit.concerns)
    lines.push(
      `- **${concern.kind === "security" ? "Security minimum" : "Stage"}:** ${escapeInline(concern.change)} (${codeSpan(concern.file)}). ${escapeInline(concern.message)}`,
    );
  return lines.join("\n");
}

/** The Stage fit check: neutral with concerns (questions, not blocks), success without. */
export function planFitCheck(headSha: string, fit: FitAssessment, stage: KnownStage): CheckRunPlan {
  const kinds = [
    ...new Set(fit.concerns.map((concern) => (concern.kind === "security" ? "security minimum" : "stage fit"))),
  ];
  return {
    name: fitCheckName,
    headSha,
    conclusion: fit.concerns.length > 0 ? "neutral" : "success",
    title: fit.concerns.length > 0 ? `${count(fit.concerns.length, "concern")}: ${kinds.join(", ")}` : "Fits the stage",
    summary:
      fit.concerns.length > 0
        ? renderFitSection(fit, stage)
        : "No change above the stage, and the security minimum is kept.",
    annotations: [],
  };
}
