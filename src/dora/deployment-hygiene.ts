import type { CommitGraph, CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import { versionOf } from "./order.js";
import { compareVersions, parseVersion } from "./version.js";

/**
 * One deployment per commit and time: two refs on one commit at the same second (`4.16.0` and
 * `v4.16.0`, a release and its tag) are one deployment, named by the first in deployment order;
 * the others are its aliases. Input and output in deployment order.
 */
export function oneDeploymentEach(sorted: readonly DeploymentEvent[]): {
  deployments: DeploymentEvent[];
  aliases: Map<DeploymentEvent, string[]>;
} {
  // By commit: a second deployment of a commit is rare, so only those are compared further.
  const byCommit = new Map<string, DeploymentEvent | DeploymentEvent[]>();
  const aliases = new Map<DeploymentEvent, string[]>();
  const deployments: DeploymentEvent[] = [];
  const same = (a: DeploymentEvent, b: DeploymentEvent) =>
    a.time === b.time && a.environment === b.environment && a.status === b.status;
  for (const deployment of sorted) {
    const known = byCommit.get(deployment.sha);
    const kept =
      known === undefined
        ? undefined
        : Array.isArray(known)
          ? known.find((k) => same(k, deployment))
          : same(known, deployment)
            ? known
            : undefined;
    if (kept) {
      if (kept.ref !== deployment.ref) aliases.set(kept, [...(aliases.get(kept) ?? []), deployment.ref]);
      continue;
    }
    byCommit.set(
      deployment.sha,
      known === undefined ? deployment : [...(Array.isArray(known) ? known : [known]), deployment],
    );
    deployments.push(deployment);
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
  const versions = successes.map((deployment) => {
    const text = versionOf(deployment.ref);
    return text === null ? undefined : parseVersion(text);
  });
  const deployedBefore = (i: number) =>
    successes.slice(0, i).some((deployment) => deployment.sha === successes[i]!.sha);
  for (let i = 1; i < successes.length; i++) {
    const [earlier, later] = [successes[i - 1]!, successes[i]!];
    const [earlierVersion, laterVersion] = [versions[i - 1], versions[i]];
    if (!earlierVersion || !laterVersion || earlier.sha === later.sha || misplaced.has(earlier)) continue;
    if (compareVersions(laterVersion, earlierVersion) > 0) {
      // Released after, with a higher version, on an older commit never deployed before.
      if (graph.isAncestor(later.sha, earlier.sha) && !deployedBefore(i))
        misplaced.set(
          later,
          `misplaced tag: ${later.ref} is on an older commit than ${earlier.ref} (released before it), so it ships nothing; left out of the change sets`,
        );
    } else if (compareVersions(earlierVersion, laterVersion) > 0 && graph.isAncestor(earlier.sha, later.sha)) {
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
