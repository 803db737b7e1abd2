import { codeSpan, escapeInline, truncate, withoutBidiControls } from "../markdown/escape.js";
import { classificationLine, overturned, type AdrAiClassification } from "./ai-classification.js";
import { categoryLabels } from "./categories.js";
import type { InfraChange } from "./detect-infra-changes.js";
import type { AdrDraft } from "./render-draft.js";
import type { RelatedAdr } from "./related-adrs.js";

/** GitHub refuses comments over 65,536 characters; stay clear of it. */
export const maxCommentLength = 60_000;

export type AdrResolution =
  | { kind: "adr-added"; files: string[] }
  | { kind: "label"; label: string }
  | { kind: "waiver"; reason: string }
  | { kind: "no-longer-needed" };

export interface SuggestionInput {
  changes: readonly InfraChange[];
  related: readonly RelatedAdr[];
  draft: AdrDraft;
  adrDirectory: string;
  skipLabel: string;
  /** `https://github.com/owner/repo` (or the GHES equivalent), for links to ADRs. */
  repositoryUrl: string;
  headSha: string;
  required: boolean;
  /** Problems with existing ADRs worth knowing while writing a new one (broken supersede links). */
  notes?: readonly string[];
  /** With `ai.enabled`, what the model did with a near-threshold change: said under the first paragraph. */
  classification?: AdrAiClassification;
}

const maxRows = 50;

/** Shortens a long path in the middle, keeping its start and its file name. */
const shortPath = (path: string) => (path.length <= 120 ? path : `${path.slice(0, 50)}…${path.slice(-65)}`);

/** A code fence longer than any backtick run in the text, so untrusted text cannot close it. */
function fence(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  return "`".repeat(longest + 1);
}

/**
 * The changes that count, one row each (the first 50): category, file and why it counts. When the
 * model judged a change the rules did not count a decision, the column says what the rules saw.
 */
export function renderChangesTable(changes: readonly InfraChange[], reasonHeading = "Why it counts"): string[] {
  const rows = changes
    .slice(0, maxRows)
    .map(
      (change) =>
        `| ${categoryLabels[change.category]} | ${codeSpan(shortPath(change.file), { inTable: true })} | ${escapeInline(change.reason)} |`,
    );
  return [
    `| Category | File | ${reasonHeading} |`,
    "|---|---|---|",
    ...rows,
    ...(changes.length > maxRows ? ["", `…and ${changes.length - maxRows} more files.`] : []),
  ];
}

/** The suggestion: why it triggered (by category), related decisions in force, and the draft. */
export function renderSuggestion(input: SuggestionInput): string {
  const counts = Object.entries(
    input.changes.reduce<Record<string, number>>(
      (acc, change) => ({ ...acc, [categoryLabels[change.category]]: (acc[categoryLabels[change.category]] ?? 0) + 1 }),
      {},
    ),
  ).map(([label, count]) => `${label} (${count})`);
  // Inside the fence nothing renders; bidirectional controls could still make it read backwards.
  const draftText = withoutBidiControls(input.draft.text);
  const codeFence = fence(draftText);
  const lines = [
    "### Architecture decision record suggested",
    "",
    `This pull request changes infrastructure: ${counts.join(", ")}. If it carries a decision worth keeping, an ADR tells future readers why it was made.` +
      ` A draft is below, ready to commit as ${codeSpan(`${input.adrDirectory}/${input.draft.fileName}`)}.`,
    "",
    ...(input.classification ? [classificationLine(input.classification), ""] : []),
    ...renderChangesTable(
      input.changes,
      input.classification && overturned(input.classification) ? "What the rules saw" : undefined,
    ),
  ];
  if (input.related.length > 0) {
    lines.push("", "**Decisions in force that this change may touch**", "");
    for (const adr of input.related) {
      lines.push(
        `- [${escapeInline(adr.title)}](${input.repositoryUrl}/blob/${input.headSha}/${encodeURI(adr.path)})${adr.date ? ` (${adr.date})` : ""}: mentions ${escapeInline(adr.why.slice(0, 5).join(", "))}`,
      );
    }
  }
  if (input.notes && input.notes.length > 0) {
    lines.push(
      "",
      "**Existing ADRs to fix**",
      "",
      ...input.notes.slice(0, 10).map((note) => `- ${escapeInline(note)}`),
    );
  }
  lines.push(
    "",
    "<details><summary>Draft ADR</summary>",
    "",
    `${codeFence}markdown`,
    draftText.trimEnd(),
    codeFence,
    "",
    "</details>",
    "",
    `Not a decision worth recording? Add the ${codeSpan(input.skipLabel)} label, or a line \`ADR-Exempt: <reason>\` to the description.` +
      (input.required ? " This repository requires an ADR for such changes (`adr.require`)." : ""),
  );
  return truncate(lines.join("\n"), maxCommentLength);
}

/** The same comment once the suggestion no longer applies, saying why. */
export function renderResolved(resolution: AdrResolution): string {
  const why =
    resolution.kind === "adr-added"
      ? `This pull request adds ${resolution.files.map((file) => codeSpan(file)).join(", ")}. Thank you for recording the decision.`
      : resolution.kind === "label"
        ? `Skipped: the pull request carries the ${codeSpan(resolution.label)} label.`
        : resolution.kind === "waiver"
          ? `Waived in the description: "${escapeInline(resolution.reason)}"`
          : "This pull request no longer changes infrastructure.";
  return ["### Architecture decision record: resolved", "", why].join("\n");
}

/** The comment once the model judged a change at the threshold not a decision (an earlier suggestion is withdrawn). */
export function renderJudgedNotNeeded(classification: AdrAiClassification): string {
  return ["### Architecture decision record: not needed", "", classificationLine(classification)].join("\n");
}

/** Where the sections of the other checks (the cost, the stage fit) start in the comment. */
const sectionsMarker = "<!-- cto-copilot:sections -->";

/**
 * The comment with the other checks' sections after the ADR part (or alone, under a heading,
 * when there is no ADR part). Sections already in `body` are replaced, not repeated.
 */
export function withSections(body: string | undefined, sections: readonly string[]): string {
  const own = body?.split(sectionsMarker)[0]?.trimEnd();
  if (sections.length === 0) return own ?? "";
  const head = own ?? "### CTO Co-Pilot review";
  return truncate([head, "", sectionsMarker, "", sections.join("\n\n")].join("\n"), maxCommentLength);
}
