import type { Colors } from "picocolors/types.js";
import { classificationLine } from "../adr/ai-classification.js";
import { categoryLabels } from "../adr/categories.js";
import type { AdrAssessment } from "../use-cases/assess-adr.js";

/** How `adr check` (and the ADR part of `review`) reports an assessment. */
export interface AdrReportOptions {
  /** The ref compared with, as the user named it. */
  base: string;
  /** Also list the infrastructure changes seen that are not decisions (`--verbose`, `adr.report: all`). */
  verbose: boolean;
  /** `adr.threshold`: the weight from which an ADR is suggested. */
  threshold: number;
}

/** The JSON object of `adr check --format json`, and the `adr` key of `review --format json`. */
export function adrCheckJson(assessment: AdrAssessment, options: AdrReportOptions): Record<string, unknown> {
  const { suggested, changes, related, score, seen, aiClassification } = assessment;
  return {
    triggered: suggested,
    changes: changes.map(({ file, category, reason }) => ({ file, category, reason })),
    adrs: related.map((adr) => adr.path),
    ...(options.verbose
      ? {
          score,
          threshold: options.threshold,
          seen: seen.map(({ file, category, reason, decision, weight }) => ({
            file,
            category,
            reason,
            decision,
            weight,
          })),
        }
      : {}),
    // With ai.enabled, a near-threshold change as the model judged it (`triggered` follows it), or why it was not used.
    ...(aiClassification ? { aiClassification } : {}),
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The text of `adr check`: the decisions found, the ADRs they touch, what to do; warnings last. */
export function formatAdrCheckText(assessment: AdrAssessment, options: AdrReportOptions, colors: Colors): string {
  const { changes, seen, score, suggested, related, notes, resolution } = assessment;
  const adrAdded = resolution?.kind === "adr-added";
  const lines: string[] = [];
  const listed = (found: { category: keyof typeof categoryLabels; file: string; reason: string }) =>
    `  ${colors.cyan(categoryLabels[found.category].padEnd(24))} ${found.file}  ${colors.gray(found.reason)}`;
  if (changes.length === 0)
    lines.push(
      seen.length > 0
        ? `No infrastructure decision against ${options.base} (${plural(seen.length, "infrastructure file")} changed${options.verbose ? "" : "; --verbose lists them"}).`
        : `No infrastructure change against ${options.base}.`,
    );
  else if (!suggested && !adrAdded)
    lines.push(
      `${plural(changes.length, "infrastructure decision")} against ${options.base}, weighing ${score} (${score < options.threshold ? "below " : ""}adr.threshold ${options.threshold}): no ADR suggested.`,
    );
  if (changes.length > 0 && (suggested || adrAdded)) {
    lines.push(`${plural(changes.length, "infrastructure change")} against ${options.base}:`, ...changes.map(listed));
    if (related.length > 0)
      lines.push(
        "",
        "Decisions in force that this may touch:",
        ...related.map(
          (adr) => `  ${adr.path}  ${colors.gray(`(${adr.title}; mentions ${adr.why.slice(0, 4).join(", ")})`)}`,
        ),
      );
    lines.push(
      "",
      adrAdded
        ? colors.green("An ADR is part of the change.")
        : `Consider recording the decision: cto-copilot adr new "<decision title>"`,
    );
  }
  if (assessment.aiClassification) lines.push("", classificationLine(assessment.aiClassification, "text"));
  const notDecisions = options.verbose ? seen.filter((found) => !found.decision) : [];
  if (notDecisions.length > 0) lines.push("", "Seen, not decisions:", ...notDecisions.map(listed));
  lines.push(...notes.map((problem) => `${colors.yellow("warning")}: ${problem}`));
  return lines.map((line) => `${line}\n`).join("");
}
