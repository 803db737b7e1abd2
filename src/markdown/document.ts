import type { Heading, Nodes, Root } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import type { Span } from "../findings/diagnostic.js";
import { boundMarkdown, type MarkdownLimitHit } from "./limits.js";

/** A `**Name:** value` line of a record's header. */
export interface MarkdownField {
  name: string;
  value: string;
  /** Span of the value (or of the name when the value is empty). */
  span: Span;
}

export interface MarkdownSection {
  title: string;
  depth: number;
  span: Span;
  /** The section's content: from after its heading to the next heading (or the end). */
  body: Span;
}

/** Read-only: one record is shared by every reader of the same text (see `parseMarkdownRecord`). */
export interface MarkdownRecord {
  /** The first level-1 or level-2 heading. */
  readonly title?: { readonly text: string; readonly span: Span };
  /** Header fields by lower-cased name; the first occurrence wins. */
  readonly fields: ReadonlyMap<string, MarkdownField>;
  readonly sections: readonly MarkdownSection[];
  /** Where the text went past the parsing limits (read as plain text there). */
  readonly limits: readonly MarkdownLimitHit[];
}

// Applied to a line with its trailing blanks already cut: `(.*)` then needs no lazy match against `[ \t]*$`.
const fieldLine = /^\*\*([^*\n]+?):?\*\*:?[ \t]*(.*)$/;

function spanOf(node: Nodes): Span {
  return { start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 };
}

/**
 * The records read last, by text. One ADR is read by the validation, the supersede check, the
 * review date and the decision log, in the same run: the parser (the costly part) reads it once.
 */
const recentRecords = new Map<string, MarkdownRecord>();
const recentRecordsMax = 32;
/** Only records of ordinary size are kept: 32 texts of several megabytes would stay in the App's memory for nothing. */
const recentRecordMaxLength = 256 * 1024;

/**
 * Reads a markdown record (an ADR or a post-mortem) with a real CommonMark + GFM parser:
 * headings give the sections; `**Name:** value` lines inside paragraphs give the fields,
 * so text in code blocks or tables is never mistaken for a field. The same text gives the
 * same (read-only) record without being parsed again.
 */
export function parseMarkdownRecord(text: string): MarkdownRecord {
  const known = recentRecords.get(text);
  if (known) {
    // Most recently used last: the oldest is the one to forget.
    recentRecords.delete(text);
    recentRecords.set(text, known);
    return known;
  }
  const record = readRecord(text);
  if (text.length > recentRecordMaxLength) return record;
  recentRecords.set(text, record);
  if (recentRecords.size > recentRecordsMax) recentRecords.delete(recentRecords.keys().next().value!);
  return record;
}

function readRecord(original: string): MarkdownRecord {
  // Bounded first: the same offsets, pathological nesting and emphasis read as plain text.
  const { text, hits } = boundMarkdown(original);
  const tree: Root = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const fields = new Map<string, MarkdownField>();
  const sections: MarkdownSection[] = [];
  let title: MarkdownRecord["title"];

  const visit = (node: Nodes): void => {
    if (node.type === "heading") {
      const heading = node as Heading;
      const headingText = toString(heading).trim();
      const span = spanOf(heading);
      if (!title && heading.depth <= 2) title = { text: headingText, span };
      const previous = sections[sections.length - 1];
      if (previous) previous.body.end = span.start;
      sections.push({ title: headingText, depth: heading.depth, span, body: { start: span.end, end: text.length } });
      return;
    }
    if (node.type === "paragraph") {
      collectFields(text, spanOf(node), fields);
      return;
    }
    if (node.type === "table" || node.type === "code" || node.type === "html") return;
    if ("children" in node) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return { ...(title ? { title } : {}), fields, sections, limits: hits };
}

function collectFields(text: string, paragraph: Span, into: Map<string, MarkdownField>): void {
  let lineStart = paragraph.start;
  for (const line of text.slice(paragraph.start, paragraph.end).split("\n")) {
    const clean = line.trimEnd();
    const match = fieldLine.exec(clean);
    if (match) {
      const name = match[1]!.trim();
      const value = match[2]!;
      const valueStart = value === "" ? lineStart + clean.indexOf(name) : lineStart + clean.lastIndexOf(value);
      const key = name.toLowerCase();
      if (!into.has(key)) {
        into.set(key, {
          name,
          value,
          span: { start: valueStart, end: valueStart + (value === "" ? name.length : value.length) },
        });
      }
    }
    lineStart += line.length + 1;
  }
}

/** The section whose title matches, ignoring case and surrounding punctuation. */
export function findSection(record: MarkdownRecord, title: string): MarkdownSection | undefined {
  const wanted = title.toLowerCase();
  return record.sections.find((section) => section.title.toLowerCase().replace(/[:.]$/, "") === wanted);
}
