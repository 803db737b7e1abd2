import { readCommands, resolveClockTime, resolveEntryTime, type IncidentCommand } from "./commands.js";
import type { IssueComment, IssueHistory } from "./issue-history.js";
import { incidentStatuses } from "./parse-incident.js";
import { parseTimestamp } from "./timestamp.js";

type Severity = "SEV1" | "SEV2" | "SEV3";
type Status = (typeof incidentStatuses)[number];

export interface IncidentSettings {
  label: string;
  severityLabels: Record<Severity, string>;
  statusLabels: Record<Status, string>;
}

export interface TimelineEntry {
  at: number;
  text: string;
  /** Where it came from: a `/timeline` command, a status label, the issue opening, closing or reopening. */
  source: "command" | "status" | "opened" | "closed" | "reopened";
}

interface ActionItem {
  text: string;
  done: boolean;
  /** The first `@login` in the item, without the `@`. */
  owner?: string;
}

export interface Incident {
  number: number;
  title: string;
  url: string;
  severity?: { level: Severity; from: "label" | "form" };
  started: { at: number; from: "command" | "form" | "opened" };
  status: Status;
  /** `resolved`: closed as completed; `not-planned`: closed as not an incident (never counted). */
  outcome: "open" | "resolved" | "not-planned";
  resolvedAt?: number;
  durationMinutes?: number;
  timeline: TimelineEntry[];
  actionItems: ActionItem[];
  /** Commands written by people without write access: ignored, and said so. */
  ignored: { author: string; url: string }[];
  /** Command lines that could not be read, with why. */
  unreadable: { url: string; line: string; problem: string }[];
}

const severities: readonly Severity[] = ["SEV1", "SEV2", "SEV3"];
const sameName = (a: string, b: string) => a.localeCompare(b, undefined, { sensitivity: "accent" }) === 0;

/** Whether an issue carrying these labels is an incident. */
export function isIncident(labels: readonly string[], label: string): boolean {
  return labels.some((name) => sameName(name, label));
}

/** An issue form's answer: the text under `### <heading>` up to the next heading (`_No response_` is none). */
function formField(body: string, heading: string): string | undefined {
  const lines = body.split(/\r?\n/);
  const at = lines.findIndex(
    (line) => sameName(line.replace(/^#{1,6}\s+/, "").trim(), heading) && /^#{1,6}\s/.test(line),
  );
  if (at < 0) return undefined;
  const answer: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (/^#{1,6}\s/.test(line)) break;
    answer.push(line);
  }
  const text = answer.join("\n").trim();
  return text === "" || /^_no response_$/i.test(text) ? undefined : text;
}

function severityOf(history: IssueHistory, settings: IncidentSettings): Incident["severity"] {
  const fromLabel = severities.find((level) =>
    history.issue.labels.some((name) => sameName(name, settings.severityLabels[level])),
  );
  if (fromLabel) return { level: fromLabel, from: "label" };
  const field = formField(history.issue.body, "Severity");
  const level = field ? /\bSEV\s*-?\s*([123])\b/i.exec(field)?.[1] : undefined;
  return level ? { level: `SEV${level}` as Severity, from: "form" } : undefined;
}

function actionItemsOf(body: string): ActionItem[] {
  const items: ActionItem[] = [];
  let fenced = false;
  for (const line of body.split(/\r?\n/)) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    if (fenced) continue;
    const match = /^\s*[-*+]\s+\[([ xX])\]\s+(\S.*)$/.exec(line);
    if (!match) continue;
    const text = match[2]!.trim();
    const owner = /(?:^|\s)@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))/.exec(text)?.[1];
    items.push({ text, done: match[1] !== " ", ...(owner ? { owner } : {}) });
  }
  return items;
}

function statusLabelOf(label: string, settings: IncidentSettings): Status | undefined {
  return incidentStatuses.find((status) => sameName(label, settings.statusLabels[status]));
}

/**
 * What an incident issue says, recomputed from its whole history on every event (so an edited or
 * deleted comment, a redelivered webhook or an event that arrives late changes nothing it should
 * not): severity, start, status, the timeline, and on close the outcome and duration.
 *
 * `writers`: the logins (lower case) a permission check found able to write to the repository
 * (write, maintain or admin): only their commands count, the reporter's in the description too.
 */
export function buildIncident(
  history: IssueHistory,
  settings: IncidentSettings,
  writers: ReadonlySet<string> = new Set(),
): Incident {
  // The commands that count set the start, which the close bounds; the timeline then gathers
  // the opening, the commands' entries, the label and close events, and a close they missed.
  const { issue } = history;
  const { accepted, ignored } = commandsOf(history, writers);
  const { started, problem } = startBeforeClose(issue, startOf(issue, accepted));
  const commands = commandTimeline(accepted, started.at);
  const events = eventTimeline(history, settings);
  const outcome = outcomeOf(issue);
  const entries = [
    ...openingEntries(issue, started),
    ...commands.entries,
    ...events.entries,
    ...unrecordedClose(history),
  ];
  const severity = severityOf(history, settings);
  return {
    number: issue.number,
    title: issue.title,
    url: issue.url,
    ...(severity ? { severity } : {}),
    started,
    status: outcome === "resolved" ? "resolved" : events.status,
    outcome,
    ...resolutionOf(issue, outcome, started),
    timeline: orderedTimeline(entries),
    actionItems: actionItemsOf(issue.body),
    ignored,
    unreadable: [...(problem ? [problem] : []), ...commands.unreadable],
  };
}

type Issue = IssueHistory["issue"];
type Unreadable = Incident["unreadable"][number];
/** A comment (or the description) with the commands it holds. */
interface Commanded {
  comment: IssueComment;
  commands: IncidentCommand[];
}

/** The commands that count, the description's first, and the authors of those that do not. */
function commandsOf(
  history: IssueHistory,
  writers: ReadonlySet<string>,
): { accepted: Commanded[]; ignored: Incident["ignored"] } {
  const { issue } = history;
  const canCommand = (comment: IssueComment) => writers.has(comment.author.toLowerCase());
  const commandComments = history.comments
    .filter((comment) => !comment.authorIsBot)
    .map((comment) => ({ comment, commands: readCommands(comment.body) }))
    .filter(({ commands }) => commands.length > 0);
  const ignored = commandComments
    .filter(({ comment }) => !canCommand(comment))
    .map(({ comment }) => ({ author: comment.author, url: comment.url }));
  // The reporter's own commands in the description count when the reporter may write (anyone
  // may open an issue, and a writer's label may make it an incident).
  const reporter: IssueComment = {
    id: 0,
    url: issue.url,
    body: issue.body,
    author: issue.author ?? "",
    authorIsBot: false,
    association: issue.association ?? "NONE",
    createdAt: issue.createdAt,
  };
  const described = { comment: reporter, commands: readCommands(issue.body) };
  const reporterMay = issue.author !== undefined && canCommand(reporter);
  if (!reporterMay && described.commands.length > 0) ignored.unshift({ author: reporter.author, url: issue.url });
  const accepted = [
    ...(reporterMay ? [described] : []),
    ...commandComments.filter(({ comment }) => canCommand(comment)),
  ];
  return { accepted, ignored };
}

/** Started: the last /started, else the form's answer, else when the issue was opened. */
function startOf(issue: Issue, accepted: readonly Commanded[]): Incident["started"] {
  let started: Incident["started"] = { at: issue.createdAt, from: "opened" };
  const formStarted = formField(issue.body, "Started");
  const formAt = formStarted === undefined ? undefined : parseTimestamp(formStarted);
  if (formAt !== undefined) started = { at: formAt, from: "form" };
  for (const { commands } of accepted)
    for (const command of commands)
      if (command.kind === "started")
        started = { at: resolveClockTime(command.time, issue.createdAt, 18 * 60), from: "command" };
  return started;
}

/** A start after the close (a local time written as UTC, a typo) cannot be: the opening stands, and it is said. */
function startBeforeClose(
  issue: Issue,
  started: Incident["started"],
): { started: Incident["started"]; problem?: Unreadable } {
  if (issue.state === "closed" && issue.closedAt !== null && started.at > issue.closedAt)
    return {
      started: { at: issue.createdAt, from: "opened" },
      problem: {
        url: issue.url,
        line: `Started ${new Date(started.at).toISOString().slice(0, 16).replace("T", " ")} UTC`,
        problem: "it is after the issue was closed (times are UTC): the time the issue was opened is used",
      },
    };
  return { started };
}

/** The declaration, and the start when something other than the opening set it. */
function openingEntries(issue: Issue, started: Incident["started"]): TimelineEntry[] {
  const entries: TimelineEntry[] = [
    { at: issue.createdAt, text: "Incident declared (issue opened)", source: "opened" },
  ];
  if (started.from !== "opened")
    entries.push({
      at: started.at,
      text: `Started (${started.from === "command" ? "/started" : "issue form"})`,
      source: "opened",
    });
  return entries;
}

/** The `/timeline` entries, and the command lines that could not be read. */
function commandTimeline(
  accepted: readonly Commanded[],
  startedAt: number,
): { entries: TimelineEntry[]; unreadable: Unreadable[] } {
  const entries: TimelineEntry[] = [];
  const unreadable: Unreadable[] = [];
  for (const { comment, commands } of accepted) {
    for (const command of commands) {
      if (command.kind === "timeline")
        entries.push({
          at: resolveEntryTime(command.time, comment.createdAt, startedAt),
          text: command.text,
          source: "command",
        });
      else if (command.kind === "unreadable")
        unreadable.push({ url: comment.url, line: command.line, problem: command.problem });
    }
  }
  return { entries, unreadable };
}

/**
 * Status changes, closes and reopens as they happened; the current status is the last one still
 * on the issue (before a close settles it).
 */
function eventTimeline(
  history: IssueHistory,
  settings: IncidentSettings,
): { entries: TimelineEntry[]; status: Status } {
  const { issue } = history;
  const entries: TimelineEntry[] = [];
  let status: Status = "investigating";
  let statusAt = -Infinity;
  for (const event of history.events) {
    if (event.kind === "labeled") {
      const labelStatus = statusLabelOf(event.label, settings);
      if (!labelStatus) continue;
      entries.push({ at: event.at, text: `Status: ${labelStatus}`, source: "status" });
      if (issue.labels.some((name) => sameName(name, event.label)) && event.at >= statusAt) {
        status = labelStatus;
        statusAt = event.at;
      }
    } else if (event.kind === "closed") {
      entries.push({
        at: event.at,
        text: closeText(event.reason),
        source: "closed",
      });
    } else if (event.kind === "reopened") entries.push({ at: event.at, text: "Reopened", source: "reopened" });
  }
  // A status label present without its event (events cut short): the furthest along counts.
  if (statusAt === -Infinity)
    for (const candidate of incidentStatuses)
      if (issue.labels.some((name) => sameName(name, settings.statusLabels[candidate]))) status = candidate;
  return { entries, status };
}

/** Closed as not planned or as a duplicate: not an incident, never counted. */
function outcomeOf(issue: Issue): Incident["outcome"] {
  const closedAsCompleted =
    issue.state === "closed" && issue.stateReason !== "not_planned" && issue.stateReason !== "duplicate";
  return issue.state === "open" ? "open" : closedAsCompleted ? "resolved" : "not-planned";
}

/** When a resolved incident ended and how long it lasted. */
function resolutionOf(
  issue: Issue,
  outcome: Incident["outcome"],
  started: Incident["started"],
): Pick<Incident, "resolvedAt" | "durationMinutes"> {
  return outcome === "resolved" && issue.closedAt !== null
    ? {
        resolvedAt: issue.closedAt,
        durationMinutes: Math.max(0, Math.round((issue.closedAt - started.at) / 60_000)),
      }
    : {};
}

/** The close of a closed issue whose events do not show it (events cut short). */
function unrecordedClose(history: IssueHistory): TimelineEntry[] {
  const { issue } = history;
  if (
    issue.state === "closed" &&
    issue.closedAt !== null &&
    !history.events.some((event) => event.kind === "closed" && event.at === issue.closedAt)
  )
    return [
      {
        at: issue.closedAt,
        text: closeText(issue.stateReason === "reopened" ? null : issue.stateReason),
        source: "closed",
      },
    ];
  return [];
}

const closeText = (reason: "completed" | "not_planned" | "duplicate" | null) =>
  reason === "not_planned"
    ? "Closed as not planned"
    : reason === "duplicate"
      ? "Closed as a duplicate"
      : "Resolved (issue closed)";

/** Ordered by time (stable for equal times), each time-and-text once. */
function orderedTimeline(entries: readonly TimelineEntry[]): TimelineEntry[] {
  const seen = new Set<string>();
  return [...entries]
    .sort((a, b) => a.at - b.at)
    .filter((entry) => {
      const key = `${entry.at}\u0000${entry.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
