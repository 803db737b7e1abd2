import type { CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent, IncidentEvent } from "./events.js";
import { lastAtOrBefore } from "./order.js";
import type { Remediation } from "./repairs.js";
import { iso } from "./time.js";

/** Why a deployment counts as failed. */
export interface Failure {
  /** As `--explain` says it. */
  reason: string;
  /** The remediation that repaired it and the commit that did, when a remediation is the reason. */
  repairedBy: { deployment: DeploymentEvent; commit: CommitInfo | null } | null;
}

/**
 * The failed deployments and why, one reason each, the first that applies: its own status;
 * else the first remediation (in deployment order) that repaired it; else the first incident
 * (in the order given) it was the last successful deployment of its environment before.
 */
export function failures(
  deployments: readonly DeploymentEvent[],
  remediations: readonly Remediation[],
  incidents: readonly IncidentEvent[],
  successesByEnvironment: ReadonlyMap<string, readonly DeploymentEvent[]>,
): Map<DeploymentEvent, Failure> {
  const failed = new Map<DeploymentEvent, Failure>();
  const record = (deployment: DeploymentEvent, failure: Failure) => {
    if (!failed.has(deployment)) failed.set(deployment, failure);
  };
  for (const deployment of deployments)
    if (deployment.status !== "success") record(deployment, { reason: "its own status is failure", repairedBy: null });
  for (const { deployment, reason, repairs } of remediations)
    for (const { repaired, commit } of repairs)
      record(repaired, { reason: `${deployment.ref} remediated it (${reason})`, repairedBy: { deployment, commit } });
  for (const successes of successesByEnvironment.values())
    for (const incident of incidents) {
      const culprit = successes[lastAtOrBefore(successes, incident.started)];
      if (culprit && !failed.has(culprit))
        record(culprit, {
          reason: `last deployment before incident "${incident.title}" (${iso(incident.started)})`,
          repairedBy: null,
        });
    }
  return failed;
}
