import {
  incidentSeverities,
  incidentStatuses,
  parseIncident,
  type ParsedIncident,
} from "../../incidents/parse-incident.js";
import { incidentFileName } from "../../schemas/data-files.js";
import { findSection } from "../../markdown/document.js";
import { isCalendarDate } from "../../schemas/iso-time.js";
import type { Finding, Severity, Span } from "../../findings/diagnostic.js";

export const incidentSections = ["Timeline", "Root Cause", "Impact", "Action Items", "Lessons Learned"] as const;

const top: Span = { start: 0, end: 0 };
const openValues = /^(|—|-|n\/a|tbd|ongoing|pending)$/i;

/** Adds one finding to the file's list. */
type Add = (severity: Severity, span: Span, code: string, message: string) => void;

/** Checks one post-mortem: its name, header fields, sections, and that Duration matches Started/Resolved. */
export function incidentRules(fileName: string, text: string): Finding[] {
  // The name, then the header fields in the template's order, then the sections. A record too
  // large to read is not judged past its name and the place it was cut.
  const findings: Finding[] = [];
  const add: Add = (severity, span, code, message) => findings.push({ span, severity, code, message });
  const nameDate = checkFileName(fileName, add);
  const incident = parseIncident(text);
  for (const hit of incident.record.limits) add("error", hit.span, hit.code, hit.message);
  if (incident.record.limits.some((hit) => hit.code === "too-large")) return findings;
  const titleSpan = incident.record.title?.span ?? top;
  if (!incident.record.title)
    add(
      "error",
      top,
      "incident-missing-title",
      "post-mortem has no title heading; start it with `## Incident: <title>`",
    );
  checkSeverity(incident, titleSpan, add);
  const isResolved = checkStatus(incident, titleSpan, add);
  checkStarted(incident, titleSpan, nameDate, add);
  checkResolved(incident, isResolved, add);
  checkDuration(incident, add);
  checkSections(incident, titleSpan, isResolved, add);
  return findings;
}

/** The date the file name gives, if it has the form (even when that date does not exist). */
function checkFileName(fileName: string, add: Add): string | undefined {
  const nameMatch = incidentFileName.exec(fileName);
  if (!nameMatch || !isCalendarDate(nameMatch[1]!)) {
    add(
      "error",
      top,
      "incident-file-name",
      `incident file name "${fileName}" must look like incident_YYYY-MM-DD.md (or incident_YYYY-MM-DD-2.md for another that day)`,
    );
  }
  return nameMatch?.[1];
}

function checkSeverity(incident: ParsedIncident, titleSpan: Span, add: Add): void {
  if (!incident.severity)
    add("error", titleSpan, "incident-missing-field", "post-mortem has no `**Severity:**` line (SEV1, SEV2 or SEV3)");
  else if (!incidentSeverities.some((severity) => incident.severity!.value.toUpperCase().startsWith(severity))) {
    add(
      "error",
      incident.severity.span,
      "incident-severity",
      `severity "${incident.severity.value}" must be one of ${incidentSeverities.join(", ")}`,
    );
  }
}

/** Whether the incident says it is resolved: other checks are stricter then. */
function checkStatus(incident: ParsedIncident, titleSpan: Span, add: Add): boolean {
  const status = incident.status?.value.trim().toLowerCase();
  if (!incident.status)
    add(
      "error",
      titleSpan,
      "incident-missing-field",
      `post-mortem has no \`**Status:**\` line (${incidentStatuses.join(", ")})`,
    );
  else if (!(incidentStatuses as readonly string[]).includes(status!)) {
    add(
      "error",
      incident.status.span,
      "incident-status",
      `status "${incident.status.value}" must be one of ${incidentStatuses.join(", ")}`,
    );
  }
  return status === "resolved";
}

function checkStarted(incident: ParsedIncident, titleSpan: Span, nameDate: string | undefined, add: Add): void {
  if (!incident.started)
    add("error", titleSpan, "incident-missing-field", "post-mortem has no `**Started:**` timestamp");
  else if (incident.startedAt === undefined) {
    add(
      "error",
      incident.started.span,
      "incident-timestamp",
      `Started "${incident.started.value}" must be a timestamp such as 2025-03-04T14:05:00Z`,
    );
  } else if (nameDate !== undefined && new Date(incident.startedAt).toISOString().slice(0, 10) !== nameDate) {
    add(
      "warning",
      incident.started.span,
      "incident-date",
      `incident started on ${new Date(incident.startedAt).toISOString().slice(0, 10)} (UTC) but the file name says ${nameDate}`,
    );
  }
}

/** A Resolved value may say the incident is still open ("—", "TBD"); a resolved one needs a time. */
function checkResolved(incident: ParsedIncident, isResolved: boolean, add: Add): void {
  const resolvedText = incident.resolved?.value.trim() ?? "";
  if (incident.resolved && !openValues.test(resolvedText) && incident.resolvedAt === undefined) {
    add(
      "error",
      incident.resolved.span,
      "incident-timestamp",
      `Resolved "${incident.resolved.value}" must be a timestamp such as 2025-03-04T15:20:00Z`,
    );
  } else if (isResolved && incident.resolvedAt === undefined) {
    add(
      "error",
      incident.resolved?.span ?? incident.status!.span,
      "incident-missing-field",
      "a resolved incident needs a `**Resolved:**` timestamp",
    );
  }
}

/** Started and Resolved in order, and Duration their difference (to the minute, give or take one). */
function checkDuration(incident: ParsedIncident, add: Add): void {
  const { startedAt, resolvedAt } = incident;
  if (startedAt === undefined || resolvedAt === undefined) return;
  if (resolvedAt < startedAt) {
    add(
      "error",
      incident.resolved!.span,
      "date-order",
      `Resolved ${incident.resolved!.value} is before Started ${incident.started!.value}`,
    );
    return;
  }
  const expected = Math.round((resolvedAt - startedAt) / 60_000);
  if (!incident.duration)
    add(
      "warning",
      incident.resolved!.span,
      "incident-duration",
      `no \`**Duration:**\` line; Started to Resolved is ${expected} minutes`,
    );
  else if (incident.durationMinutes === undefined) {
    add(
      "error",
      incident.duration.span,
      "incident-duration",
      `Duration "${incident.duration.value}" must be a number of minutes (expected ${expected})`,
    );
  } else if (Math.abs(incident.durationMinutes - expected) > 1) {
    add(
      "error",
      incident.duration.span,
      "incident-duration",
      `Duration is ${incident.durationMinutes} minutes but Started to Resolved is ${expected} minutes; expected ${expected}`,
    );
  }
}

function checkSections(incident: ParsedIncident, titleSpan: Span, isResolved: boolean, add: Add): void {
  // An open incident may not have a root cause yet: missing sections only fail a resolved one.
  for (const section of incidentSections) {
    if (!findSection(incident.record, section)) {
      add(
        isResolved ? "error" : "warning",
        titleSpan,
        "incident-missing-section",
        `post-mortem is missing the "### ${section}" section`,
      );
    }
  }
}
