import { posix } from "node:path";
import { escapeInline } from "../markdown/escape.js";
import type { AdrSummary } from "./read-adr.js";

/** The markers around the part of `adrs/README.md` we write; text a person writes outside them stays. */
export const decisionLogStart = "<!-- cto-copilot:decision-log:start -->";
const decisionLogEnd = "<!-- cto-copilot:decision-log:end -->";

/** What the decision log shows of one ADR. */
export type LoggedAdr = Pick<AdrSummary, "path" | "title" | "status" | "date" | "supersededBy"> & {
  reviewDate?: string;
};

const linkTo = (file: string) => {
  const name = posix.basename(file);
  return `[${escapeInline(name.replace(/\.md$/, ""))}](${encodeURI(name)})`;
};

/** The date an ADR was decided: its Date field, else the date its file name carries. */
function dateOf(adr: LoggedAdr): string {
  if (adr.date && /^\d{4}-\d{2}-\d{2}$/.test(adr.date)) return adr.date;
  return /(\d{4}-\d{2}-\d{2})/.exec(posix.basename(adr.path))?.[1] ?? "";
}

/**
 * The table of every ADR, newest first (ties by file name): date, title (a link to the record),
 * status, what superseded it, review date. Pure; the same ADRs always give the same text.
 */
function renderDecisionLogTable(adrs: readonly LoggedAdr[]): string {
  const rows = [...adrs]
    .sort((a, b) => dateOf(b).localeCompare(dateOf(a)) || posix.basename(a.path).localeCompare(posix.basename(b.path)))
    .map((adr) => {
      const superseded = adr.supersededBy.length > 0 ? adr.supersededBy.map(linkTo).join(", ") : "—";
      const title = `[${escapeInline(adr.title)}](${encodeURI(posix.basename(adr.path))})`;
      return `| ${dateOf(adr) || "—"} | ${title} | ${adr.status ?? "unknown"} | ${superseded} | ${adr.reviewDate ?? "—"} |`;
    });
  return [
    decisionLogStart,
    "| Date | Decision | Status | Superseded by | Review date |",
    "|------|----------|--------|---------------|-------------|",
    ...(rows.length > 0 ? rows : ["| — | _No ADR yet_ | — | — | — |"]),
    decisionLogEnd,
  ].join("\n");
}

/**
 * `adrs/README.md` with its generated table brought up to date: the text between the markers is
 * replaced, every character outside them stays; a file without the markers gets the table at its
 * end; no file gets a short heading, the table and a line saying how it is kept. Pure.
 */
export function updateDecisionLog(existing: string | undefined, adrs: readonly LoggedAdr[]): string {
  const table = renderDecisionLogTable(adrs);
  if (existing === undefined)
    return [
      "# Decision log",
      "",
      "Every architecture decision record of this repository, newest first. The table between the markers is written by `cto-copilot adr index` (and by the scheduled scorecard); text outside them is yours.",
      "",
      table,
      "",
    ].join("\n");
  const start = existing.indexOf(decisionLogStart);
  const end = start < 0 ? -1 : existing.indexOf(decisionLogEnd, start);
  if (start < 0 || end < 0) return `${existing.replace(/\s*$/, "")}\n\n${table}\n`;
  return existing.slice(0, start) + table + existing.slice(end + decisionLogEnd.length);
}

/** Whether the log's generated part says what the ADRs say (a log without markers is not ours to judge). */
export function decisionLogIsCurrent(existing: string, adrs: readonly LoggedAdr[]): boolean {
  if (!existing.includes(decisionLogStart)) return true;
  return updateDecisionLog(existing, adrs) === existing;
}
