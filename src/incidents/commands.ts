/**
 * Commands people write in an incident's comments, one per line:
 *
 *   /timeline 14:05 Rolled back the deploy         (UTC, on the day around the start)
 *   /timeline 2025-03-05 00:10 Error rate normal    (UTC, any day)
 *   /started 13:58                                  (when it really began, if not when the issue was opened)
 *
 * Lines inside fenced code blocks and quotes (`> /timeline ...`) are text, not commands.
 */

export interface ClockTime {
  /** `YYYY-MM-DD` when written. */
  date?: string;
  hour: number;
  minute: number;
}

export type IncidentCommand =
  | { kind: "timeline"; time: ClockTime; text: string }
  | { kind: "started"; time: ClockTime }
  /** A line that starts like a command but cannot be read: said back, never guessed at. */
  | { kind: "unreadable"; line: string; problem: string };

const timePart = String.raw`(?:(\d{4}-\d{2}-\d{2})[ T])?(\d{1,2}):(\d{2})(?:\s*(?:UTC|Z))?`;
const timelineLine = new RegExp(String.raw`^/timeline\s+${timePart}\s+(\S.*)$`, "i");
const startedLine = new RegExp(String.raw`^/started\s+${timePart}\s*$`, "i");

function clockTime(date: string | undefined, hour: string, minute: string): ClockTime | string {
  const h = Number(hour);
  const m = Number(minute);
  if (h > 23 || m > 59) return `${hour}:${minute} is not a time of day`;
  if (date !== undefined) {
    const [year, month, day] = date.split("-").map(Number) as [number, number, number];
    const check = new Date(Date.UTC(year, month - 1, day));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return `${date} is not a calendar date`;
    return { date, hour: h, minute: m };
  }
  return { hour: h, minute: m };
}

/** The commands in one comment, in the order written. */
export function readCommands(body: string): IncidentCommand[] {
  const commands: IncidentCommand[] = [];
  let fence: string | undefined;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.trim();
    const fenceMark = /^(`{3,}|~{3,})/.exec(line)?.[1];
    if (fenceMark && (fence === undefined || fenceMark.startsWith(fence))) {
      fence = fence === undefined ? fenceMark : undefined;
      continue;
    }
    if (fence !== undefined || !/^\/(timeline|started)\b/i.test(line)) continue;
    const timeline = timelineLine.exec(line);
    const started = timeline ? null : startedLine.exec(line);
    const match = timeline ?? started;
    if (!match) {
      commands.push({
        kind: "unreadable",
        line,
        problem: /^\/timeline/i.test(line)
          ? "expected `/timeline HH:MM what happened` or `/timeline YYYY-MM-DD HH:MM what happened`"
          : "expected `/started HH:MM` or `/started YYYY-MM-DD HH:MM`",
      });
      continue;
    }
    const time = clockTime(match[1], match[2]!, match[3]!);
    if (typeof time === "string") commands.push({ kind: "unreadable", line, problem: time });
    else if (timeline) commands.push({ kind: "timeline", time, text: timeline[4]!.trim() });
    else commands.push({ kind: "started", time });
  }
  return commands;
}

const minute = 60_000;
const day = 24 * 60 * minute;

/**
 * The instant a clock time names. With a date, that day (UTC). Without one, the occurrence of
 * HH:MM inside the 24 hours that begin `before` minutes before `anchor`: for a timeline entry
 * the day around the start (six hours before it to eighteen after), so `00:10` in an incident
 * that began at 23:30 is the next day; for `/started`, the day before the issue was opened.
 */
export function resolveClockTime(time: ClockTime, anchor: number, before: number): number {
  if (time.date !== undefined) return Date.parse(`${time.date}T00:00:00Z`) + (time.hour * 60 + time.minute) * minute;
  const windowStart = anchor - before * minute;
  const startOfDay = windowStart - (((windowStart % day) + day) % day);
  const candidate = startOfDay + (time.hour * 60 + time.minute) * minute;
  return candidate < windowStart ? candidate + day : candidate;
}

/**
 * The instant a timeline entry's clock time names. People write entries as things happen: a bare
 * HH:MM is the last such time before the comment was written (`20:30` written at 20:35 is that
 * evening, whenever the incident began; `00:10` written at 00:20 after a 23:30 start is the next
 * day). An entry written more than a day after the start, or naming a time long before it, is read
 * in the day around the start instead (see `resolveClockTime`). A date, when given, decides.
 */
export function resolveEntryTime(time: ClockTime, writtenAt: number, startedAt: number): number {
  if (time.date !== undefined) return resolveClockTime(time, startedAt, 6 * 60);
  const grace = 5 * minute; // clocks differ a little
  const latest = resolveClockTime(time, writtenAt + grace, 24 * 60 - 1 / minute);
  const live = writtenAt - startedAt <= day && latest >= startedAt - 6 * 60 * minute;
  return live ? latest : resolveClockTime(time, startedAt, 6 * 60);
}
