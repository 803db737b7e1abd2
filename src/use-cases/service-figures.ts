import type { CommitGraph, CommitInfo } from "../dora/commit-graph.js";
import { computeDora, type DeploymentEvent, type DoraInput, type DoraResult } from "../dora/compute.js";
import { historyNeeded } from "../dora/history-window.js";
import type { Window } from "../dora/time.js";
import type { DeliveryView, HistoryRequest } from "../ports/repository-view.js";
import type { Config } from "../schemas/config.js";

type Service = Config["dora"]["services"][number];

/** A service of a monorepo and its deployments: its own tags (tags source), or the source's deployments its tag pattern selects. */
export interface ServiceDeployments {
  service: Service;
  deployments: DeploymentEvent[];
}

/** Each configured service's deployments: a read of its tags for the tags source, else a selection of what the source read. */
export async function readServiceDeployments(
  view: DeliveryView,
  config: Config,
  query: { branch: string; since: number },
  sourceDeployments: readonly DeploymentEvent[],
): Promise<ServiceDeployments[]> {
  return Promise.all(
    config.dora.services.map(async (service) => {
      if (config.dora.source === "tags" && service.tagPattern !== undefined) {
        const read = await view.readDeployments({
          source: "tags",
          environment: config.dora.environment,
          tagPattern: service.tagPattern,
          branch: query.branch,
          since: query.since,
        });
        return { service, deployments: read.deployments };
      }
      // The glob library loads only for a service that selects by a pattern.
      const selected =
        service.tagPattern === undefined ? () => true : (await import("picomatch")).default(service.tagPattern);
      return { service, deployments: sourceDeployments.filter((deployment) => selected(deployment.ref)) };
    }),
  );
}

/** The history every set of deployments needs, read once: the union of their tips, back to the earliest `since`. */
export function historyForAll(sets: readonly (readonly DeploymentEvent[])[], window: Window): HistoryRequest | null {
  const needed = sets.flatMap((deployments) => {
    const history = historyNeeded(deployments, window);
    return history ? [history] : [];
  });
  if (needed.length === 0) return null;
  const tips = new Map<string, { sha: string; time: number }>();
  for (const history of needed) for (const tip of history.tips) if (!tips.has(tip.sha)) tips.set(tip.sha, tip);
  return {
    tips: [...tips.values()].sort((a, b) => b.time - a.time),
    since: Math.min(...needed.map((history) => history.since)),
  };
}

/**
 * Which commits are a service's: those touching its paths. Null when the view cannot tell
 * (then the service has no figures rather than the repository's under its name).
 */
export async function touchingPaths(
  view: DeliveryView,
  history: HistoryRequest | null,
  paths: readonly string[],
): Promise<((commit: CommitInfo) => boolean) | null> {
  if (!view.readTouchingCommits) return null;
  if (!history) return () => false;
  const touching = await view.readTouchingCommits({ ...history, paths });
  return (commit) => touching.has(commit.sha);
}

/** Each service's figures, over the one history read for all. */
export async function serviceFigures(
  view: DeliveryView,
  graph: CommitGraph,
  services: readonly ServiceDeployments[],
  history: HistoryRequest | null,
  common: Omit<DoraInput, "deployments" | "commits" | "touches">,
): Promise<{ name: string; dora: DoraResult }[]> {
  const figures = await Promise.all(
    services.map(async ({ service, deployments }) => {
      const touches = await touchingPaths(view, history, service.paths);
      if (!touches) return [];
      return [{ name: service.name, dora: computeDora({ ...common, deployments, commits: graph, touches }) }];
    }),
  );
  return figures.flat();
}
