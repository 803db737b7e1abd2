import semver from "semver";
import type { CommitGraph, CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import { versionOf } from "./order.js";

/**
 * One deployment per commit and time: two refs on one commit at the same second (`4.16.0` and
 * `v4.16.0`, a release and its tag) are one deployment, named by the first in deployment order;
 * the others are its aliases. Input and output in deployment order.
 */
export function oneDeploymentEach(sorted: readonly DeploymentEvent[]): {
  deployments: DeploymentEvent[];
  aliases: Map<DeploymentEvent, string[]>;
} {
  const first = new Map<string, DeploymentEvent>();
  const aliases = new Map<DeploymentEvent, string[]>();
  const deployments: DeploymentEvent[] = [];
  for (const deployment of sorted) {
    const key = `${deployment.environment}\0${deployment.sha}\0${deployment.time}\0${deployment.status}`;
    const kept = first.get(key);
    if (!kept) {
      first.set(key, deployment);
      deployments.push(deployment);
    } else if (kept.ref !== deployment.ref) aliases.set(kept, [...(aliases.get(kept) ?? []), deployment.ref]);
  }
  return { deployments, aliases };
}

/**
 * Misplaced tags: of two neighbouring deployments of a line (one's commit a strict ancestor of
 * the other's), the one whose version is higher but whose commit is older, on a commit no
 * deployment had before. Such a tag was put on the wrong commit, or put late on an old one: it
 * ships nothing, its time says nothing, and the change sets are computed without it. A rollback
 * (a new version on a commit deployed before) is no misplaced tag. Refs without a version are
 * never judged.
 */
export function misplacedTags(graph: CommitGraph, successes: readonly DeploymentEvent[]): Map<DeploymentEvent, string> {
  const misplaced = new Map<DeploymentEvent, string>();
  const deployedBefore = new Set<string>();
  for (let i = 1; i < successes.length; i++) {
    const [earlier, later] = [successes[i - 1]!, successes[i]!];
    deployedBefore.add(earlier.sha);
    if (earlier.sha === later.sha || misplaced.has(earlier)) continue;
    const [earlierVersion, laterVersion] = [versionOf(earlier.ref), versionOf(later.ref)];
    if (!earlierVersion || !laterVersion) continue;
    if (semver.gt(laterVersion, earlierVersion)) {
      // Released after, with a higher version, on an older commit never deployed before.
      if (!deployedBefore.has(later.sha) && graph.isAncestor(later.sha, earlier.sha))
        misplaced.set(
          later,
          `misplaced tag: ${later.ref} is on an older commit than ${earlier.ref} (released before it), so it ships nothing; left out of the change sets`,
        );
    } else if (semver.gt(earlierVersion, laterVersion) && graph.isAncestor(earlier.sha, later.sha)) {
      // Dated before a lower version that builds on it: the tag's time (an old commit's date) is not the release's.
      misplaced.set(
        earlier,
        `misplaced tag: ${earlier.ref} is dated before ${later.ref}, which builds on its commit with a lower version; its time is its commit's, not the release's; left out of the change sets`,
      );
    }
  }
  return misplaced;
}

/**
 * Squash-merged history: most changes are single commits ending in their pull request (`… (#12)`)
 * and carry the time of the merge, so lead time runs from merge to deployment, not from the
 * first commit. Said once, when it is so.
 */
export function squashNote(changes: readonly CommitInfo[]): string | undefined {
  const squashed = changes.filter((commit) => /\(#\d+\)$/.test(commit.subject)).length;
  if (changes.length < 3 || squashed * 2 < changes.length) return undefined;
  return `${squashed} of ${changes.length} changes in the window are squash merges (a subject ending in "(#N)"): a squash merge is authored when its pull request is merged, so lead time here runs from merge to deployment, not from the first commit`;
}
