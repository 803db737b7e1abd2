import type { CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import { leadTimeHours } from "./lead-time.js";
import { median, round } from "./stats.js";
import { day, iso, type Window } from "./time.js";

export interface WeekPoint {
  /** Monday 00:00 UTC of the week, YYYY-MM-DD. */
  week: string;
  deployments: number;
  failed: number;
  medianLeadTimeHours: number | null;
}

const week = 7 * day;

function mondayOf(ms: number): number {
  const date = new Date(ms);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return midnight - ((date.getUTCDay() + 6) % 7) * day;
}

/** Per calendar week (Monday to Sunday, UTC) touching the window: successful and failed deployments, median lead time. */
export function weeklySeries(
  window: Window,
  windowed: readonly DeploymentEvent[],
  changesOf: (deployment: DeploymentEvent) => readonly CommitInfo[],
  failed: (deployment: DeploymentEvent) => boolean,
): WeekPoint[] {
  const points: WeekPoint[] = [];
  for (let monday = mondayOf(window.start + 1); monday <= window.end; monday += week) {
    const inWeek = windowed.filter((deployment) => deployment.time >= monday && deployment.time < monday + week);
    const successful = inWeek.filter((deployment) => deployment.status === "success");
    points.push({
      week: iso(monday).slice(0, 10),
      deployments: successful.length,
      failed: inWeek.filter(failed).length,
      medianLeadTimeHours: round(median(leadTimeHours(successful, changesOf))),
    });
  }
  return points;
}
