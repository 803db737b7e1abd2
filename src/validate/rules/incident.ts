import { incidentSeverities, incidentStatuses, parseIncident } from "../../incidents/parse-incident.js";
import { incidentFileName } from "../../schemas/data-files.js";
import { findSection } from "../../markdown/document.js";
import { isCalendarDate } from "../../schemas/common.js";
import type { Finding, Severity, Span } from "../../findings/diagnostic.js";

export const incidentSections = ["Timeline", "Root Cause", "Impact", "Action Items", "Lessons Learned"] as const;

const top: Span = { start: 0, end: 0 };
const openValues = /^(|—|-|n\/a|tbd|ongoing|pending)$/i;

/** Checks one post-mortem: its name, header fields, sections, and that Duration matches Started/Resolved. */
export function incidentRules(fileName: string, text: string): Finding[] {
  const findings: Finding[] = [];
  const add = (severity: Severity, span: Span, code: string, message: string) =>
    findings.push({ span, severity, code, message });

  const nameMatch = incidentFileName.exec(fileName);
  if (!nameMatch || !isCalendarDate(nameMatch[1]!)) {
    add(
      "error",
      top,
      "incident-file-name",
      `incident file name "${fileName}" must look like incident_YYYY-MM-DD.md (or incident_YYYY-MM-DD-2.md for another that day)`,
    );
  }

  const incident = parseIncident(text);
  // Past the parsing limits: the place is reported; a record too large to read is not judged further.
  for (const hit of incident.record.limits)
    findings.push({ span: hit.span, severity: "error", code: hit.code, message: hit.message });
  if (incident.record.limits.some((hit) => hit.code === "too-large")) return findings;
  const titleSpan = incident.record.title?.span ?? top;
  if (!incident.record.title)
    add(
      "error",
      top,
      "incident-missing-title",
      "post-mortem has no title heading; start it with `## Incident: <title>`",
    );

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
  const isResolved = status === "resolved";

  if (!incident.started)
    add("error", titleSpan, "incident-missing-field", "post-mortem has no `**Started:**` timestamp");
  else if (incident.startedAt === undefined) {
    add(
      "error",
      incident.started.span,
      "incident-timestamp",
      `Started "${incident.started.value}" must be a timestamp such as 2025-03-04T14:05:00Z`,
    );
  } else if (nameMatch && new Date(incident.startedAt).toISOString().slice(0, 10) !== nameMatch[1]) {
    add(
      "warning",
      incident.started.span,
      "incident-date",
      `incident started on ${new Date(incident.startedAt).toISOString().slice(0, 10)} (UTC) but the file name says ${nameMatch[1]}`,
    );
  }

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

  const { startedAt, resolvedAt } = incident;
  if (startedAt !== undefined && resolvedAt !== undefined) {
    if (resolvedAt < startedAt) {
      add(
        "error",
        incident.resolved!.span,
        "date-order",
        `Resolved ${incident.resolved!.value} is before Started ${incident.started!.value}`,
      );
    } else {
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
  }

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
  return findings;
}
