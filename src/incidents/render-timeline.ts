import { escapeInline } from "../markdown/escape.js";
import type { TimelineEntry } from "./build-incident.js";

const iso = (at: number) => new Date(at).toISOString();

/** `2025-03-04 14:05 UTC`. */
export const utcMinute = (at: number) => `${iso(at).slice(0, 10)} ${iso(at).slice(11, 16)} UTC`;

/** The timeline as a markdown list: `HH:MM` on the start's day, the date too on any other. Untrusted text made inert. */
export function renderTimeline(entries: readonly TimelineEntry[], startedAt: number): string[] {
  const startDay = iso(startedAt).slice(0, 10);
  return entries.map((entry) => {
    const day = iso(entry.at).slice(0, 10);
    const clock = iso(entry.at).slice(11, 16);
    return `- ${day === startDay ? clock : `${day} ${clock}`} — ${escapeInline(entry.text)}`;
  });
}
