import type { ChangeSet, EnvironmentChangeSets } from "./change-sets.js";
import type { CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent } from "./events.js";
import { isRevert, type RemediationMatchers } from "./remediation.js";
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

/** Which change sets make their deployment a remediation, in deployment order. */
export function remediations(
  changeSets: EnvironmentChangeSets,
  revertTarget: RevertTarget,
  matchers: RemediationMatchers,
): Remediation[] {
  return changeSets.sets.flatMap((set, position) => {
    const shipperOf = (sha: string) => changeSets.shipperOf(sha, position);
    const found = revertsIn(set, revertTarget, shipperOf) ?? hotfixIn(set, matchers);
    if (!found) return [];
    const repairs = found.repairs.filter(
      (repair): repair is Remediation["repairs"][number] =>
        repair.repaired !== undefined && repair.repaired !== set.deployment,
    );
    return [{ deployment: set.deployment, reason: found.reason, repairs }];
  });
}

/** What one remediation rule found in a change set; an undefined `repaired` is before the window or not known. */
type Finding = { reason: string; repairs: { repaired: DeploymentEvent | undefined; commit: CommitInfo | null }[] };

/**
 * Each revert repairs the deployment that first shipped what it undoes. A revert of a change of
 * the same change set undoes nothing shipped, and does not count.
 */
function revertsIn(
  set: ChangeSet,
  revertTarget: RevertTarget,
  shipperOf: (sha: string) => DeploymentEvent | undefined,
): Finding | undefined {
  const own = new Set(set.changes.map((commit) => commit.sha));
  let reason: string | undefined;
  const repairs: Finding["repairs"] = [];
  for (const change of set.changes) {
    if (!isRevert(change)) continue;
    const target = revertTarget(change);
    if (target && own.has(target)) continue;
    reason ??= `its changes include a revert: ${change.sha.slice(0, 7)} ${change.subject}`;
    repairs.push({ repaired: target ? shipperOf(target) : undefined, commit: change });
  }
  return reason === undefined ? undefined : { reason, repairs };
}

/** A hotfix, however it is told, repairs its own release line. */
function hotfixIn(set: ChangeSet, matchers: RemediationMatchers): Finding | undefined {
  const hotfix = set.changes.find((change) => matchers.hotfixCommit(change.subject));
  const marker = (set.deployment.markers ?? []).find((text) => matchers.hotfixMarker(text));
  let reason: string | undefined;
  if (set.deployment.replacesFailed) reason = "the source says it replaced a failed deployment";
  else if (hotfix) reason = `its changes include a hotfix: ${hotfix.sha.slice(0, 7)} ${hotfix.subject}`;
  else if (marker) reason = `it is marked as a hotfix (${marker})`;
  if (reason === undefined) return undefined;
  return { reason, repairs: [{ repaired: set.line ?? undefined, commit: hotfix ?? null }] };
}
