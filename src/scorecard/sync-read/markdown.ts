import { escapeInline } from "../../markdown/escape.js";
import type { SyncRead } from "../sync-read.js";

/** The prompt's section titles, in order. */
const syncReadHeadings = [
  "Situation Read",
  "Top Technical Priority",
  "Trade-off Acknowledgment",
  "Next Moves",
] as const;

/** One line of text as inert markdown: escaped, and never the start of a heading, quote or list. */
function inline(text: string): string {
  return escapeInline(text)
    .trim()
    .replace(/^[#>+*=~_-]/, "\\$&")
    .replace(/^(\d+)([.)])/, "$1\\$2");
}

/**
 * Markdown of the four sections, `###` headings (under a summary's `##`); every text is escaped
 * (debt titles, incident titles and model output alike). An AI-drafted read says so right
 * under the first heading.
 */
export function renderSyncRead(read: SyncRead): string {
  const situationLines = read.situation
    .split("\n")
    .map(inline)
    .filter((line) => line !== "");
  const [situationTitle, priorityTitle, tradeOffTitle, movesTitle] = syncReadHeadings;
  const lines = [
    `### ${situationTitle}`,
    "",
    ...(read.drafter === "ai" ? ["AI-drafted", ""] : []),
    ...(situationLines.length > 1 ? situationLines.map((line) => `- ${line}`) : situationLines),
    "",
    `### ${priorityTitle}`,
    "",
    `**${inline(read.priority.title)}**`,
    "",
    inline(read.priority.why),
    "",
    `### ${tradeOffTitle}`,
    "",
    inline(read.tradeOff),
    "",
    `### ${movesTitle}`,
    "",
    ...read.nextMoves.map((move, index) => `${index + 1}. ${inline(move)}`),
  ];
  return lines.join("\n") + "\n";
}
