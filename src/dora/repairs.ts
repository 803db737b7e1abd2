import type { ChangeSet, EnvironmentChangeSets } from "./change-sets.js";
import type { CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import type { RemediationMatchers } from "./remediation.js";
import type { RevertTarget } from "./revert-target.js";

/** A deployment that remediates, and the earlier deployments it repairs. */
export interface Remediation {
  deployment: DeploymentEvent;
  /** Why it is a remediation, as the evidence says it. */
  reason: string;
  /**
   * The deployments it repairs, first to last, with the commit that repaired each (none for a
   * marker or the source's own word). Empty when what it repairs was shipped before the window
   * or is not known.
   */
  repairs: { repaired: DeploymentEvent; commit: CommitInfo | null }[];
}

/** Which change sets make their deployment a remediation, in deployment order; and what the rules set aside, per deployment. */
export function remediations(
  changeSets: EnvironmentChangeSets,
  revertTarget: RevertTarget,
  matchers: RemediationMatchers,
): { remediations: Remediation[]; notes: Map<DeploymentEvent, string[]> } {
  const notes = new Map<DeploymentEvent, string[]>();
  const found = changeSets.sets.flatMap((set, position) => {
    const shipperOf = (sha: string) => changeSets.shipperOf(sha, position);
    const reverts = revertsIn(set, revertTarget, shipperOf);
    if (reverts.notes.length > 0) notes.set(set.deployment, reverts.notes);
    const finding = reverts.finding ?? hotfixIn(set, matchers, shipperOf);
    if (!finding) return [];
    const repairs = finding.repairs.filter(
      (repair): repair is Remediation["repairs"][number] =>
        repair.repaired !== undefined && repair.repaired !== set.deployment,
    );
    return [{ deployment: set.deployment, reason: finding.reason, repairs }];
  });
  return { remediations: found, notes };
}

/** What one remediation rule found in a change set; an undefined `repaired` is before the window or not known. */
type Finding = { reason: string; repairs: { repaired: DeploymentEvent | undefined; commit: CommitInfo | null }[] };

const short = (commit: CommitInfo) => `${commit.sha.slice(0, 7)} ${commit.subject}`;

/**
 * Each revert repairs the deployment that first shipped what it undoes (a commit or a merge).
 * A revert of something the same deployment shipped first undoes nothing users had, and one
 * whose target is not in the history undoes nothing that can be told: neither counts, and the
 * notes say so.
 */
function revertsIn(
  set: ChangeSet,
  revertTarget: RevertTarget,
  shipperOf: (sha: string) => DeploymentEvent | undefined,
): { finding: Finding | undefined; notes: string[] } {
  let reason: string | undefined;
  const repairs: Finding["repairs"] = [];
  const notes: string[] = [];
  for (const change of set.changes) {
    const found = revertTarget(change);
    if (!found) continue;
    if (found.target === undefined) {
      notes.push(`${short(change)}: not counted as a revert, ${found.why}`);
      continue;
    }
    const shipper = shipperOf(found.target.sha);
    if (shipper === set.deployment) {
      notes.push(
        `${short(change)}: not counted as a revert, it undoes ${found.target.sha.slice(0, 7)}, which this same deployment shipped`,
      );
      continue;
    }
    reason ??= `its changes include a revert: ${short(change)}`;
    repairs.push({ repaired: shipper, commit: change });
  }
  return { finding: reason === undefined ? undefined : { reason, repairs }, notes };
}

/**
 * A hotfix, however it is told, repairs its own release line. A merge of a hotfix branch counts
 * where it ships the branch first: merging the same branch back into a development line later
 * (git-flow) is no second hotfix.
 */
function hotfixIn(
  set: ChangeSet,
  matchers: RemediationMatchers,
  shipperOf: (sha: string) => DeploymentEvent | undefined,
): Finding | undefined {
  const hotfix =
    set.changes.find((change) => matchers.hotfixCommit(change.subject)) ??
    set.merges.find(
      (merge) =>
        matchers.hotfixCommit(merge.subject) &&
        merge.parents[1] !== undefined &&
        shipperOf(merge.parents[1]) === set.deployment,
    );
  const marker = (set.deployment.markers ?? []).find((text) => matchers.hotfixMarker(text));
  let reason: string | undefined;
  if (set.deployment.replacesFailed) reason = "the source says it replaced a failed deployment";
  else if (hotfix) reason = `its changes include a hotfix: ${short(hotfix)}`;
  else if (marker) reason = `it is marked as a hotfix (${marker})`;
  if (reason === undefined) return undefined;
  return { reason, repairs: [{ repaired: set.line ?? undefined, commit: hotfix ?? null }] };
}
