import type { CommitGraph } from "./commit-graph.js";
import type { DeploymentEvent, IncidentEvent } from "./events.js";
import type { Failure } from "./failures.js";
import { compareDeployments, lastAtOrBefore } from "./order.js";
import { hour, isInWindow, type Window } from "./time.js";

export interface RestoreTimes {
  hours: number[];
  basis: "incidents" | "deployments";
}

/**
 * Time to restore: resolved incidents that started in the window when there are any, since an
 * incident times the outage itself; otherwise each failed deployment in the window to what
 * restored it.
 */
export function restoreTimes(
  incidents: readonly IncidentEvent[],
  window: Window,
  failedInWindow: readonly DeploymentEvent[],
  restoredBy: (failed: DeploymentEvent) => DeploymentEvent | undefined,
): RestoreTimes {
  const resolved = incidents.filter((incident) => isInWindow(incident.started, window) && incident.resolved !== null);
  if (resolved.length > 0)
    return {
      basis: "incidents",
      hours: resolved.map((incident) => Math.max(0, incident.resolved! - incident.started) / hour),
    };
  return {
    basis: "deployments",
    hours: failedInWindow.flatMap((deployment) => {
      const restored = restoredBy(deployment);
      return restored ? [(restored.time - deployment.time) / hour] : [];
    }),
  };
}

/**
 * What restored a failed deployment: the remediation that repaired it, else the next good
 * deployment of its environment on its line (the first later one that descends from it).
 */
export function restorer(
  graph: CommitGraph,
  failures: ReadonlyMap<DeploymentEvent, Failure>,
  successesByEnvironment: ReadonlyMap<string, readonly DeploymentEvent[]>,
): (failed: DeploymentEvent) => DeploymentEvent | undefined {
  return (failed) => {
    const repairedBy = failures.get(failed)?.repairedBy;
    if (repairedBy) return repairedBy.deployment;
    const later = successesAfter(successesByEnvironment.get(failed.environment) ?? [], failed);
    // A deployment that shipped nothing of its own (its own status failed) is followed by the next good one.
    if (failed.status !== "success") return later[0];
    return later.find((deployment) => graph.isAncestor(failed.sha, deployment.sha));
  };
}

/** The successes after a deployment in deployment order (those at its very time included, when they order after it). */
function successesAfter(
  successes: readonly DeploymentEvent[],
  deployment: DeploymentEvent,
): readonly DeploymentEvent[] {
  let first = lastAtOrBefore(successes, deployment.time) + 1;
  while (first > 0 && compareDeployments(successes[first - 1]!, deployment) > 0) first--;
  return successes.slice(first);
}
