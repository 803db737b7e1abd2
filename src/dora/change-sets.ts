import type { CommitGraph, CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import type { HistoryNeeded } from "./history-window.js";
import { isReleaseCommit } from "./remediation.js";

/** What one successful deployment in the window shipped, and what it was built on. */
export interface ChangeSet {
  deployment: DeploymentEvent;
  /**
   * The changes it shipped first (no earlier deployment of its environment reached them): the
   * non-merge commits, without release commits (a version bump), and for a service only those
   * touching its paths. What lead time measures.
   */
  changes: CommitInfo[];
  /** The merge commits it shipped first (a hotfix branch's merge is one). */
  merges: CommitInfo[];
  /** The release commits it shipped first, left out of its changes. */
  releaseCommits: CommitInfo[];
  /** Its release line: the latest earlier successful deployment its commit descends from (the one it redeploys, for a rollback). */
  line: DeploymentEvent | null;
}

/** The change sets of one environment's deployments in the window. */
export interface EnvironmentChangeSets {
  /** In deployment order. */
  sets: ChangeSet[];
  /**
   * The deployment in the window that first shipped a commit, among those up to `sets[asOf]`;
   * undefined when a deployment before the window shipped it, none had yet, or the commit is
   * not in the history read.
   */
  shipperOf(sha: string, asOf: number): DeploymentEvent | undefined;
}

/**
 * Per environment, in deployment order: one walk marks what the deployments before the window
 * reach, then each deployment in the window takes what it reaches that is not yet marked
 * (`git rev-list D --not <every earlier deployment>`).
 */
export function changeSets(
  graph: CommitGraph,
  history: Pick<HistoryNeeded, "earlier" | "inWindow">,
  touches: ((commit: CommitInfo) => boolean) | undefined,
): EnvironmentChangeSets {
  const shipper = shippedBeforeWindow(graph, history);
  const successes = [...history.earlier, ...history.inWindow];
  const sets = history.inWindow.map((deployment, position) => ({
    deployment,
    ...shipFirst(graph, shipper, deployment.sha, position + 1, touches),
    line: lineOf(graph, successes, history.earlier.length + position),
  }));
  return {
    sets,
    shipperOf(sha, asOf) {
      const index = graph.indexOf(sha);
      const code = index === undefined ? -1 : shipper[index]!;
      return code > 0 && code <= asOf + 1 ? sets[code - 1]!.deployment : undefined;
    },
  };
}

/**
 * Who shipped each commit first, by commit index: 0 nobody yet, -1 a deployment before the
 * window, k > 0 the k-th deployment in the window. Filled here with what the deployments before
 * the window reach, and only as deep as the window's deployments reach too: the lowest rank
 * those reach (stopping at earlier deployments' commits) bounds the second walk.
 */
function shippedBeforeWindow(graph: CommitGraph, history: Pick<HistoryNeeded, "earlier" | "inWindow">): Int32Array {
  const shipper = new Int32Array(graph.size);
  const earlierShas = new Set(history.earlier.map((deployment) => deployment.sha));
  let floor = Infinity;
  graph.walk(
    history.inWindow.map((deployment) => deployment.sha),
    (commit, index) => {
      floor = Math.min(floor, graph.rank(index));
      return earlierShas.has(commit.sha) ? "stop" : "take";
    },
  );
  graph.walk(
    earlierShas,
    (_commit, index) => {
      shipper[index] = -1;
      return "take";
    },
    floor,
  );
  return shipper;
}

/** Marks what a deployment reaches that nobody shipped yet as its own, and sorts it into changes, merges and release commits. */
function shipFirst(
  graph: CommitGraph,
  shipper: Int32Array,
  sha: string,
  code: number,
  touches: ((commit: CommitInfo) => boolean) | undefined,
): Pick<ChangeSet, "changes" | "merges" | "releaseCommits"> {
  const changes: CommitInfo[] = [];
  const merges: CommitInfo[] = [];
  const releaseCommits: CommitInfo[] = [];
  graph.walk([sha], (commit, index) => {
    if (shipper[index] !== 0) return "stop";
    shipper[index] = code;
    if (commit.parents.length > 1) merges.push(commit);
    else if (touches && !touches(commit)) return "take";
    else if (isReleaseCommit(commit)) releaseCommits.push(commit);
    else changes.push(commit);
    return "take";
  });
  return { changes, merges, releaseCommits };
}

/** The latest deployment before `position` whose commit the one at `position` descends from. */
function lineOf(graph: CommitGraph, successes: readonly DeploymentEvent[], position: number): DeploymentEvent | null {
  const deployment = successes[position]!;
  const tried = new Set<string>();
  for (let i = position - 1; i >= 0; i--) {
    const candidate = successes[i]!;
    if (tried.has(candidate.sha)) continue;
    tried.add(candidate.sha);
    if (graph.isAncestor(candidate.sha, deployment.sha)) return candidate;
  }
  return null;
}
