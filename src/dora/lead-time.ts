import type { CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import { hour } from "./time.js";

/**
 * The lead time in hours of every change the deployments shipped first, deployment by
 * deployment: deploy time minus author time, at least 0 (an author's clock can run ahead).
 */
export function leadTimeHours(
  deployments: readonly DeploymentEvent[],
  changesOf: (deployment: DeploymentEvent) => readonly CommitInfo[],
): number[] {
  return deployments.flatMap((deployment) =>
    changesOf(deployment).map((commit) => Math.max(0, deployment.time - commit.authorTime) / hour),
  );
}
