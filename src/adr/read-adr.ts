import { posix } from "node:path";
import { parse as parseYaml } from "yaml";
import { findSection, parseMarkdownRecord } from "../markdown/document.js";
import { adrStatuses, parseAdr, type AdrStatus } from "./parse-adr.js";

/** What any ADR says about itself, whatever its format. */
export interface AdrSummary {
  path: string;
  title: string;
  status?: AdrStatus;
  date?: string;
  /** File names (or numbers, for numbered ADRs) of the ADRs this one is superseded by. */
  supersededBy: string[];
  format: "cto-copilot" | "nygard" | "madr";
  /** Searchable text: title and body, lower-cased. */
  text: string;
}

const knownStatus = (value: string | undefined): AdrStatus | undefined => {
  const word = value
    ?.trim()
    .split(/[\s,;:(]/)[0]
    ?.toLowerCase();
  return (adrStatuses as readonly string[]).includes(word ?? "") ? (word as AdrStatus) : undefined;
};

const linkTargets = (text: string) =>
  [...text.matchAll(/\]\(([^)\s]+\.md)\)/g)].map((match) => posix.basename(match[1]!));

/**
 * Reads an ADR in the project's format (`## ADR: Title` + `**Status:**`), in Michael Nygard's
 * (adr-tools: `# 1. Title`, `Date:`, a `## Status` section) or in MADR (front matter
 * `status:`/`date:`, or `* Status:` lines).
 */
export function readAdr(path: string, text: string): AdrSummary {
  let body = text;
  let frontMatter: Record<string, unknown> = {};
  const front = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/.exec(text);
  if (front) {
    try {
      const parsed = parseYaml(front[1]!) as unknown;
      if (parsed && typeof parsed === "object") frontMatter = parsed as Record<string, unknown>;
    } catch {
      // not front matter after all
    }
    body = text.slice(front[0].length);
  }
  const record = parseMarkdownRecord(body);
  const fallbackTitle = posix
    .basename(path, ".md")
    .replace(/^(adr_\d{4}-\d{2}-\d{2}_|\d+-)/, "")
    .replace(/[-_]+/g, " ");

  if (record.fields.has("status") && /^ADR\s*:/i.test(record.title?.text ?? "")) {
    const adr = parseAdr(body);
    return {
      path,
      title: adr.title || fallbackTitle,
      status: adr.status?.known,
      date: adr.date?.value,
      supersededBy: adr.supersededBy.map((reference) => reference.file),
      format: "cto-copilot",
      text: body.toLowerCase(),
    };
  }

  const statusSection = findSection(record, "status");
  const sectionText = statusSection ? body.slice(statusSection.body.start, statusSection.body.end).trim() : undefined;
  const listStatus = /^\s*[*-]\s*Status:\s*(.+)$/im.exec(body)?.[1];
  const rawStatus =
    typeof frontMatter.status === "string"
      ? frontMatter.status
      : (sectionText ?? listStatus ?? record.fields.get("status")?.value);
  const rawDate =
    frontMatter.date instanceof Date
      ? frontMatter.date.toISOString().slice(0, 10)
      : typeof frontMatter.date === "string"
        ? frontMatter.date
        : (/^(?:[*-]\s*)?Date:\s*(\d{4}-\d{2}-\d{2})/im.exec(body)?.[1] ?? record.fields.get("date")?.value);
  const title = (record.title?.text ?? (typeof frontMatter.title === "string" ? frontMatter.title : fallbackTitle))
    .replace(/^\d+\.\s*/, "")
    .trim();
  return {
    path,
    title,
    status: knownStatus(rawStatus),
    date: rawDate,
    supersededBy: /superseded/i.test(rawStatus ?? "") ? linkTargets(rawStatus ?? "") : [],
    format: Object.keys(frontMatter).length > 0 || listStatus ? "madr" : "nygard",
    text: body.toLowerCase(),
  };
}
