import { parseMarkdownRecord, type MarkdownField, type MarkdownRecord } from "../markdown/document.js";
import { parseTimestamp } from "./timestamp.js";

export const incidentSeverities = ["SEV1", "SEV2", "SEV3"] as const;
export const incidentStatuses = ["investigating", "identified", "monitoring", "resolved"] as const;

export interface ParsedIncident {
  record: MarkdownRecord;
  title?: string;
  severity?: MarkdownField;
  status?: MarkdownField;
  started?: MarkdownField;
  resolved?: MarkdownField;
  duration?: MarkdownField;
  startedAt?: number;
  resolvedAt?: number;
  /** Duration in minutes as written, when it is a number. */
  durationMinutes?: number;
}

/** `47`, `47 min`, `47 minutes`, `1h 5m`: minutes, or undefined when unreadable. */
function parseDurationMinutes(text: string): number | undefined {
  const value = text.trim().toLowerCase();
  const plain = /^(\d+(?:\.\d+)?)\s*(?:m|min|mins|minutes?)?$/.exec(value);
  if (plain) return Number(plain[1]);
  const mixed = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?$/.exec(value);
  if (mixed && (mixed[1] || mixed[2])) return Number(mixed[1] ?? 0) * 60 + Number(mixed[2] ?? 0);
  return undefined;
}

/** Reads a post-mortem in the project's format (`## Incident: Title`, `**Started:** ...`). */
export function parseIncident(text: string): ParsedIncident {
  const record = parseMarkdownRecord(text);
  const field = (name: string) => record.fields.get(name);
  const started = field("started");
  const resolved = field("resolved");
  const duration = field("duration");
  return {
    record,
    title: record.title?.text.replace(/^Incident\s*[:\-–]\s*/i, "").trim(),
    severity: field("severity"),
    status: field("status"),
    started,
    resolved,
    duration,
    startedAt: started ? parseTimestamp(started.value) : undefined,
    resolvedAt: resolved ? parseTimestamp(resolved.value) : undefined,
    durationMinutes: duration ? parseDurationMinutes(duration.value) : undefined,
  };
}
