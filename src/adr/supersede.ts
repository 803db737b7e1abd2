import { posix } from "node:path";
import { findSection, parseMarkdownRecord } from "../markdown/document.js";

const link = (file: string) => {
  const name = posix.basename(file);
  return `[${name.replace(/\.md$/, "")}](${encodeURI(name)})`;
};

/**
 * A new ADR's text with a `**Supersedes:**` line naming the old one, right after its header
 * fields (the validator and the decision log read it there). Pure.
 */
export function addSupersedes(text: string, oldFile: string): string {
  const line = `**Supersedes:** ${link(oldFile)}`;
  const lines = text.split("\n");
  const lastField = lines.reduce(
    (last, value, index) => (/^\*\*(Status|Date|Deciders):\*\*/.test(value) ? index : last),
    -1,
  );
  lines.splice(lastField + 1, 0, line);
  return lines.join("\n");
}

/**
 * The old ADR marked superseded by the new one, in whichever format it is written: the project's
 * `**Status:**` line, a Nygard `## Status` section (adr-tools), or MADR's front matter `status:`
 * (or `* Status:` line). Everything else stays as written. Throws when the record has no status
 * to change (then it is not an ADR we can read).
 */
export function markSuperseded(text: string, newFile: string): string {
  const value = `superseded by ${link(newFile)}`;
  const statusLine = /^(\*\*Status:?\*\*:?[ \t]*)(.*)$/m;
  if (statusLine.test(text)) return text.replace(statusLine, (_, head: string) => `${head}${value}`);
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(text);
  if (front && /^status:.*$/m.test(front[0])) return text.replace(/^status:.*$/m, `status: ${JSON.stringify(value)}`);
  const listStatus = /^(\s*[*-]\s*Status:[ \t]*)(.*)$/im;
  if (listStatus.test(text)) return text.replace(listStatus, (_, head: string) => `${head}${value}`);
  const section = findSection(parseMarkdownRecord(text), "status");
  if (section) {
    const body = text.slice(section.body.start, section.body.end);
    const kept = body.match(/\s*$/)?.[0] ?? "\n";
    return `${text.slice(0, section.body.start)}\n\n${value.charAt(0).toUpperCase()}${value.slice(1)}${kept.includes("\n\n") ? kept : "\n\n"}${text.slice(section.body.end)}`;
  }
  throw new Error("it has no status to mark superseded (no **Status:** line, Status section or front matter status)");
}
