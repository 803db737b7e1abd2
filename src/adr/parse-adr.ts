import { parseMarkdownRecord, type MarkdownField, type MarkdownRecord } from "../markdown/document.js";
import type { Span } from "../findings/diagnostic.js";

export const adrStatuses = ["proposed", "accepted", "deprecated", "superseded"] as const;
export type AdrStatus = (typeof adrStatuses)[number];

/** A reference to another ADR by its file name (bare or inside a markdown link). */
const adrReference = /adr_\d{4}-\d{2}-\d{2}_[a-z0-9][a-z0-9_-]*?(?=\.md|[)\]\s,;]|$)/gi;

interface AdrReference {
  file: string;
  span: Span;
}

export interface ParsedAdr {
  record: MarkdownRecord;
  title?: string;
  status?: { value: string; known: AdrStatus | undefined; span: Span };
  date?: MarkdownField;
  deciders?: MarkdownField;
  /** ADRs this one is superseded by (from the Status line or a "Superseded by" field). */
  supersededBy: AdrReference[];
  /** ADRs this one supersedes (a "Supersedes" field). */
  supersedes: AdrReference[];
}

function references(field: MarkdownField | undefined): AdrReference[] {
  if (!field) return [];
  const out: AdrReference[] = [];
  for (const match of field.value.matchAll(adrReference)) {
    const file = `${match[0]}.md`;
    // `[adr_x](adr_x.md)` names one ADR twice: keep the first mention.
    if (out.some((reference) => reference.file === file)) continue;
    const start = field.span.start + (match.index ?? 0);
    out.push({ file, span: { start, end: start + match[0].length } });
  }
  return out;
}

/** Reads an ADR in the project's format (`## ADR: Title`, `**Status:** ...`). */
export function parseAdr(text: string): ParsedAdr {
  const record = parseMarkdownRecord(text);
  const statusField = record.fields.get("status");
  const firstWord =
    statusField?.value
      .trim()
      .split(/[\s,;:(]/)[0]
      ?.toLowerCase() ?? "";
  const known = (adrStatuses as readonly string[]).includes(firstWord) ? (firstWord as AdrStatus) : undefined;
  return {
    record,
    title: record.title?.text.replace(/^ADR\s*[:\-–]\s*/i, "").trim(),
    status: statusField ? { value: statusField.value, known, span: statusField.span } : undefined,
    date: record.fields.get("date"),
    deciders: record.fields.get("deciders"),
    supersededBy: [...references(statusField), ...references(record.fields.get("superseded by"))],
    supersedes: references(record.fields.get("supersedes")),
  };
}
