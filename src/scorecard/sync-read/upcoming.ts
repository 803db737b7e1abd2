import type { Roadmap, RoadmapItem } from "../../schemas/roadmap.js";

/** `2027-Q1`: a quarter, due by its last day (the form the roadmap's schema admits beside a date). */
const quarterPattern = /^(\d{4})-Q([1-4])$/;

/**
 * Which roadmap items the next quarter holds: not done or dropped, and due between the run's
 * day and the same day three months later. A quarter target ("2027-Q1") counts when the quarter
 * overlaps that horizon: its work starts then, even if it is due by the quarter's last day. An
 * item past its date is not upcoming: the roadmap owes a new date, not engineering a priority.
 */

export interface UpcomingItem {
  item: RoadmapItem;
  /** The last day it is due by (YYYY-MM-DD): the date itself, or the quarter's last day. */
  dueBy: string;
  /** Days from the run's day to `dueBy`. */
  daysLeft: number;
}

export interface RoadmapOutlook {
  /** The run's day (YYYY-MM-DD). */
  today: string;
  /** The last day of the horizon (YYYY-MM-DD): three calendar months after today. */
  horizonEnd: string;
  /** Items due within the horizon, soonest first. */
  upcoming: UpcomingItem[];
  /** Open items due after the horizon. */
  later: number;
}

const dayMs = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** The first and last day of a target: a date is both; a quarter runs from its first month's 1st to its last month's end. */
function targetSpan(target: string): { start: string; end: string } {
  const quarter = quarterPattern.exec(target);
  if (!quarter) return { start: target, end: target };
  const year = Number(quarter[1]);
  const firstMonth = (Number(quarter[2]) - 1) * 3;
  return {
    start: isoDay(new Date(Date.UTC(year, firstMonth, 1))),
    // Day 0 of the month after the quarter is the quarter's last day.
    end: isoDay(new Date(Date.UTC(year, firstMonth + 3, 0))),
  };
}

/** Three calendar months after a day, clamped to the month's end (2026-11-30 → 2027-02-28). */
function threeMonthsAfter(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const lastOfTarget = new Date(Date.UTC(year, month + 3, 0)).getUTCDate();
  return isoDay(new Date(Date.UTC(year, month + 2, Math.min(date, lastOfTarget))));
}

const open = (item: RoadmapItem) => item.status === "planned" || item.status === "in_progress";

/** The roadmap as seen from the run's day (the scorecard's `generatedAt`, never the clock). */
export function roadmapOutlook(roadmap: Roadmap, now: Date): RoadmapOutlook {
  const today = isoDay(now);
  const horizonEnd = threeMonthsAfter(today);
  const upcoming: UpcomingItem[] = [];
  let later = 0;
  for (const item of roadmap.items.filter(open)) {
    const { start, end } = targetSpan(item.targetDate);
    if (end < today) continue;
    if (start > horizonEnd) {
      later++;
      continue;
    }
    upcoming.push({ item, dueBy: end, daysLeft: Math.round((Date.parse(end) - Date.parse(today)) / dayMs) });
  }
  upcoming.sort((a, b) => a.dueBy.localeCompare(b.dueBy) || a.item.title.localeCompare(b.item.title));
  return { today, horizonEnd, upcoming, later };
}

/** "due 2027-01-31, in 57 days" or "due 2027-Q1 (by 2027-03-31), in 116 days". */
export function dueText(upcoming: UpcomingItem): string {
  const { item, dueBy, daysLeft } = upcoming;
  const when = item.targetDate === dueBy ? `due ${dueBy}` : `due ${item.targetDate} (by ${dueBy})`;
  const left = daysLeft === 0 ? "today" : daysLeft === 1 ? "tomorrow" : `in ${daysLeft} days`;
  return `${when}, ${left}`;
}
