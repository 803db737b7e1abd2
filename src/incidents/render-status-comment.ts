import { codeSpan, escapeInline, truncate } from "../markdown/escape.js";
import { count } from "../text/plural.js";
import type { Incident, IncidentSettings } from "./build-incident.js";
import { renderTimeline, utcMinute } from "./render-timeline.js";

export interface PostMortemLink {
  path: string;
  /** Its pull request; absent once the post-mortem is on the default branch. */
  pullRequest?: { number: number; url: string };
}

const maxTimelineEntries = 150;

const startedFrom = { command: "from `/started`", form: "from the issue form", opened: "when the issue was opened" };

/**
 * The incident's live comment: one per issue, edited in place on every change. What is known,
 * the timeline so far, and the commands people can use. Every word a person wrote is inert.
 */
export function renderStatusComment(
  incident: Incident,
  settings: IncidentSettings,
  postMortem?: PostMortemLink,
): string {
  const severityLabels = Object.values(settings.severityLabels)
    .map((name) => codeSpan(name))
    .join(", ");
  const severity = incident.severity
    ? `${incident.severity.level} (from the ${incident.severity.from === "label" ? "label" : "issue form"})`
    : `not set: add a ${severityLabels} label`;
  const lines = [
    `### Incident: ${escapeInline(incident.title)}`,
    "",
    "| | |",
    "|---|---|",
    `| Severity | ${severity} |`,
    `| Started | ${utcMinute(incident.started.at)} (${startedFrom[incident.started.from]}) |`,
    `| Status | ${incident.outcome === "not-planned" ? "closed as not planned: not an incident, not counted" : incident.status} |`,
  ];
  if (incident.resolvedAt !== undefined)
    lines.push(`| Resolved | ${utcMinute(incident.resolvedAt)} (${count(incident.durationMinutes ?? 0, "minute")}) |`);
  if (postMortem)
    lines.push(
      `| Post-mortem | ${codeSpan(postMortem.path, { inTable: true })} ${postMortem.pullRequest ? `in pull request #${postMortem.pullRequest.number}` : "on the default branch"} |`,
    );
  // A comment holds 65,536 characters: a very long incident shows its latest entries (the post-mortem has them all).
  const shown = incident.timeline.slice(-maxTimelineEntries);
  lines.push("", "**Timeline (UTC)**", "");
  if (shown.length < incident.timeline.length)
    lines.push(
      `- … ${count(incident.timeline.length - shown.length, "earlier entry", "earlier entries")} in the post-mortem`,
    );
  lines.push(...renderTimeline(shown, incident.started.at));

  if (incident.unreadable.length > 0) {
    lines.push("", "**Commands that could not be read**", "");
    for (const entry of incident.unreadable)
      lines.push(`- ${codeSpan(entry.line)}: ${escapeInline(entry.problem)} ([comment](${entry.url}))`);
  }
  if (incident.ignored.length > 0) {
    const links = incident.ignored.map((entry, index) => `[${index + 1}](${entry.url})`).join(", ");
    lines.push(
      "",
      `_${count(incident.ignored.length, "comment")} with commands came from people without write access to the repository and ${incident.ignored.length === 1 ? "was" : "were"} ignored: ${links}._`,
    );
  }

  const statusLabels = (["identified", "monitoring"] as const).map((status) => codeSpan(settings.statusLabels[status]));
  lines.push(
    "",
    "<details><summary>Commands (people with write access)</summary>",
    "",
    "- `/timeline HH:MM what happened`: a timeline entry at the last HH:MM (UTC) before you write it; written more than a day after the start, in the day around the start; `/timeline YYYY-MM-DD HH:MM what happened` for any other day. Edit or delete the comment to change or drop the entry.",
    "- `/started HH:MM` (or `/started YYYY-MM-DD HH:MM`): when it really began, if not when this issue was opened.",
    `- Status: add the label ${statusLabels.join(" or ")} as things move; close this issue as completed when it is resolved: a pull request with the post-mortem follows. Close it as not planned if it was not an incident.`,
    "- Action items: task-list lines in the issue description (`- [ ] Add an alert on queue depth @owner`).",
    "",
    "</details>",
  );
  // GitHub refuses comments over 65,536 characters: a very long one keeps its head and says so.
  return truncate(lines.join("\n"), 60_000);
}
