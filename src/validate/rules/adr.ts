import { adrStatuses, parseAdr } from "../../adr/parse-adr.js";
import { adrFileName } from "../../schemas/data-files.js";
import { findSection } from "../../markdown/document.js";
import { isCalendarDate } from "../../schemas/iso-time.js";
import type { Finding, Span } from "../../findings/diagnostic.js";

export const requiredAdrSections = ["Context", "Options Considered", "Decision", "Consequences"] as const;
const recommendedAdrSections = ["Review Date"] as const;

const top: Span = { start: 0, end: 0 };

/** What another ADR of the directory says about superseding: the file names it links each way. */
export interface AdrLinks {
  supersededBy: readonly string[];
}

/**
 * Checks one ADR. `existingAdrs` holds the file names of every ADR in the directory, so
 * a superseded ADR can be checked to name one that exists; `linksOf`, when given, says what
 * each other ADR links, so a supersede link that the other record does not return is reported.
 */
export function adrRules(
  fileName: string,
  text: string,
  existingAdrs: ReadonlySet<string>,
  linksOf?: (file: string) => AdrLinks | undefined,
): Finding[] {
  const findings: Finding[] = [];
  const error = (span: Span, code: string, message: string) =>
    findings.push({ span, severity: "error", code, message });
  const warning = (span: Span, code: string, message: string) =>
    findings.push({ span, severity: "warning", code, message });

  const nameMatch = adrFileName.exec(fileName);
  if (!nameMatch) {
    error(
      top,
      "adr-file-name",
      `ADR file name "${fileName}" must look like adr_YYYY-MM-DD_short-title.md (lower case)`,
    );
  } else if (!isCalendarDate(nameMatch[1]!)) {
    error(top, "adr-file-name", `ADR file name date ${nameMatch[1]} is not a calendar date`);
  }

  const adr = parseAdr(text);
  // Past the parsing limits: the place is reported; a record too large to read is not judged further.
  for (const hit of adr.record.limits)
    findings.push({ span: hit.span, severity: "error", code: hit.code, message: hit.message });
  if (adr.record.limits.some((hit) => hit.code === "too-large")) return findings;
  if (!adr.record.title)
    error(top, "adr-missing-title", "ADR has no title heading; start it with `## ADR: <decision title>`");

  if (!adr.status) {
    error(
      adr.record.title?.span ?? top,
      "adr-missing-status",
      `ADR has no \`**Status:**\` line; use one of ${adrStatuses.join(", ")}`,
    );
  } else if (!adr.status.known) {
    error(adr.status.span, "adr-status", `ADR status "${adr.status.value}" is not one of ${adrStatuses.join(", ")}`);
  } else if (adr.status.known === "superseded" && adr.supersededBy.length === 0) {
    error(
      adr.status.span,
      "adr-superseded-target",
      "a superseded ADR must name the ADR that supersedes it, e.g. `superseded by adr_2025-06-01_new-choice.md`",
    );
  }
  for (const reference of [...adr.supersededBy, ...adr.supersedes]) {
    if (!existingAdrs.has(reference.file))
      error(reference.span, "adr-superseded-target", `ADR ${reference.file} does not exist in the ADR directory`);
  }
  if (linksOf) oneWayLinks(fileName, adr, existingAdrs, linksOf, warning);

  if (!adr.date) {
    error(adr.record.title?.span ?? top, "adr-missing-date", "ADR has no `**Date:**` line (YYYY-MM-DD)");
  } else if (!isCalendarDate(adr.date.value)) {
    error(adr.date.span, "adr-date", `ADR date "${adr.date.value}" must be a calendar date YYYY-MM-DD`);
  } else if (nameMatch && nameMatch[1] !== adr.date.value) {
    warning(
      adr.date.span,
      "adr-date",
      `ADR date ${adr.date.value} differs from the date in its file name (${nameMatch[1]})`,
    );
  }
  if (!adr.deciders || adr.deciders.value.trim() === "") {
    warning(
      adr.deciders?.span ?? adr.record.title?.span ?? top,
      "adr-missing-deciders",
      "ADR does not say who decided (`**Deciders:**`)",
    );
  }

  for (const section of requiredAdrSections) {
    if (!findSection(adr.record, section))
      error(adr.record.title?.span ?? top, "adr-missing-section", `ADR is missing the "### ${section}" section`);
  }
  for (const section of recommendedAdrSections) {
    if (!findSection(adr.record, section))
      warning(
        adr.record.title?.span ?? top,
        "adr-missing-section",
        `ADR has no "### ${section}" section: say when to revisit the decision`,
      );
  }
  return findings;
}

/**
 * A `**Supersedes:**` link the old record does not return: the old ADR must say it was superseded
 * by this one, or it still reads as the decision in force. (The other direction needs no return
 * link: the prompt's format marks only the old record, so a new ADR without a Supersedes line is fine.)
 */
function oneWayLinks(
  fileName: string,
  adr: ReturnType<typeof parseAdr>,
  existingAdrs: ReadonlySet<string>,
  linksOf: (file: string) => AdrLinks | undefined,
  warning: (span: Span, code: string, message: string) => void,
): void {
  for (const reference of adr.supersedes) {
    const other = existingAdrs.has(reference.file) ? linksOf(reference.file) : undefined;
    if (other && !other.supersededBy.includes(fileName))
      warning(
        reference.span,
        "adr-supersede-one-way",
        `${reference.file} is not marked superseded by this ADR, so it still reads as the decision in force: set its status to \`superseded by [${fileName.replace(/\.md$/, "")}](${fileName})\``,
      );
  }
}
