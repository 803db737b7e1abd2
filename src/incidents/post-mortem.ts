import { codeSpan, escapeInline } from "../markdown/escape.js";
import { parseMarkdownRecord } from "../markdown/document.js";
import type { Incident } from "./build-incident.js";
import { renderTimeline } from "./render-timeline.js";

const iso = (at: number) => new Date(at).toISOString().replace(/\.\d{3}Z$/, "Z");
const toWrite = (what: string) => `_To be written: ${what}._`;

/** The header fields the bot keeps up to date; everything else in the file belongs to people once written. */
function fields(incident: Incident): [string, string][] {
  return [
    [
      "Severity",
      incident.severity
        ? incident.severity.level
        : "SEV3 (assumed: the issue had no severity label; correct it if it was worse)",
    ],
    ["Status", incident.status],
    ["Started", iso(incident.started.at)],
    ["Resolved", incident.resolvedAt === undefined ? "ongoing" : iso(incident.resolvedAt)],
    ["Duration", incident.durationMinutes === undefined ? "ongoing" : `${incident.durationMinutes} minutes`],
    ["Issue", incident.url],
  ];
}

function actionItemTable(incident: Incident): string[] {
  const rows = incident.actionItems.map(
    (item) =>
      `| ${escapeInline(item.text.replace(/(^|\s)@[A-Za-z0-9-]+/g, "").trim() || item.text)} | ${item.owner ? codeSpan(item.owner, { inTable: true }) : "—"} | — | ${item.done ? "✅" : "🔲"} |`,
  );
  return [
    "| Action | Owner | Due | Status |",
    "|--------|-------|-----|--------|",
    ...(rows.length > 0
      ? rows
      : ["| _None listed on the issue: add task-list lines (`- [ ] ...`) to its description_ | — | — | 🔲 |"]),
  ];
}

/**
 * A post-mortem in the project's format (the prompt's `## Incident:` template), filled with what
 * the issue knows, and plain placeholders where a person must write (root cause, impact, lessons).
 * It passes `cto-copilot validate`.
 */
export function renderPostMortem(incident: Incident): string {
  return [
    `## Incident: ${escapeInline(incident.title)}`,
    ...fields(incident).map(([name, value]) => `**${name}:** ${value}`),
    "",
    "### Timeline",
    ...renderTimeline(incident.timeline, incident.started.at),
    "",
    "### Root Cause",
    toWrite("what broke and why, blamelessly"),
    "",
    "### Impact",
    `- Customers affected: ${toWrite("a number or a share")}`,
    `- Revenue impact: ${toWrite("if measurable")}`,
    `- SLO impact: ${toWrite("which SLOs were breached")}`,
    "",
    "### Action Items",
    ...actionItemTable(incident),
    "",
    "### Lessons Learned",
    toWrite("what we will do differently"),
    "",
  ].join("\n");
}

/**
 * A post-mortem written before (a reopened incident closed again), brought up to date: the header
 * fields are rewritten; the timeline too while it holds only lines the bot writes; every section a
 * person has written stays as it is.
 */
export function updatePostMortem(existing: string, incident: Incident): string {
  let text = existing;
  for (const [name, value] of fields(incident)) {
    // Severity comes from the issue's labels; without one, whatever a person wrote stands.
    if (name === "Severity" && !incident.severity) continue;
    const line = new RegExp(String.raw`^\*\*${name}:\*\*.*$`, "m");
    text = line.test(text) ? text.replace(line, () => `**${name}:** ${value}`) : text;
  }
  const timeline = renderTimeline(incident.timeline, incident.started.at);
  const section = /^### Timeline[ \t]*\n([\s\S]*?)(?=^### |(?![\s\S]))/m.exec(text);
  if (section) {
    const written = section[1]!.split("\n").filter((line) => line.trim() !== "");
    const ours = new Set(timeline);
    if (written.every((line) => ours.has(line)))
      text = text.replace(section[0], () => `### Timeline\n${timeline.join("\n")}\n\n`);
  }
  return text;
}

/** The issue a post-mortem was written for: the number in its `**Issue:**` link, if any. */
export function postMortemIssue(text: string): number | undefined {
  const field = parseMarkdownRecord(text).fields.get("issue")?.value;
  const number = field ? /\/issues\/(\d+)\b/.exec(field)?.[1] : undefined;
  return number === undefined ? undefined : Number(number);
}

/**
 * Where the post-mortem of an incident goes: `incident_YYYY-MM-DD.md` for the day it started (UTC),
 * `-2`, `-3`... when that day already has one. `taken`: names already used in the directory.
 */
export function postMortemFileName(startedAt: number, taken: ReadonlySet<string>): string {
  const date = iso(startedAt).slice(0, 10);
  for (let n = 1; ; n++) {
    const name = n === 1 ? `incident_${date}.md` : `incident_${date}-${n}.md`;
    if (!taken.has(name)) return name;
  }
}
