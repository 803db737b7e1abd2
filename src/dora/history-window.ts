import type { DeploymentEvent } from "./events.js";
import { compareDeployments } from "./order.js";
import { day, type Window } from "./time.js";

/**
 * A change merged after the deployment before the window can be authored long before it (a
 * branch that lived for weeks); a read that walks history by time goes this much further back so
 * those changes, and their lead times, are not lost.
 */
const historyMargin = 30 * day;

/** The history the window's change sets rest on, and how far back a read of it must reach. */
export interface HistoryNeeded {
  /**
   * Successful deployments whose history counts as shipped before the window. The first the
   * source knows is always one, even in the window: what it shipped was deployed before the
   * source began recording.
   */
  earlier: DeploymentEvent[];
  /** The other successful deployments in the window, in deployment order: each takes a change set. */
  inWindow: DeploymentEvent[];
  /** Each deployed commit once, with its deployment time, newest deployment first. */
  tips: { sha: string; time: number }[];
  /** How far back (epoch ms) a read that walks history by time must go: before the last earlier deployment. */
  since: number;
}

/**
 * The one rule for which history the change sets need, for the history read and the engine
 * alike: null when no successful deployment falls in the window (no change set, no history).
 * Deployments may come in any order; failed ones and those after the window's end are ignored.
 */
export function historyNeeded(deployments: readonly DeploymentEvent[], window: Window): HistoryNeeded | null {
  const successes = deployments
    .filter((deployment) => deployment.status === "success" && deployment.time <= window.end)
    .sort(compareDeployments);
  const firstInWindow = successes.findIndex((deployment) => deployment.time > window.start);
  if (firstInWindow < 0) return null;
  const earlier = successes.slice(0, Math.max(1, firstInWindow));
  const lastEarlier = earlier.at(-1)!;
  return {
    earlier,
    inWindow: successes.slice(earlier.length),
    tips: [
      ...new Map(
        successes.map((deployment) => [deployment.sha, { sha: deployment.sha, time: deployment.time }]),
      ).values(),
    ].reverse(),
    since: Math.min(lastEarlier.time, window.start) - historyMargin,
  };
}
