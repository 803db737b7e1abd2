import { CommitGraph, type CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent, DeploymentSource, IncidentEvent } from "./events.js";
import { historyNeeded } from "./history-window.js";
import { compareDeployments, lastAtOrBefore } from "./order.js";
import { isRevert, remediationMatchers, revertedSubject } from "./remediation.js";
import { median, percentile, round } from "./stats.js";
import { belowTier, dora2023Tiers, frequencyTier, rateTier, type Tier, type TierThresholds } from "./tiers.js";
import { day, hour, iso } from "./time.js";

export type { DeploymentEvent, DeploymentSource, IncidentEvent } from "./events.js";

export interface DoraInput {
  source: DeploymentSource;
  deployments: readonly DeploymentEvent[];
  /** Newest first in topological order (as git log gives them) is fastest; any order is correct. */
  commits: readonly CommitInfo[] | CommitGraph;
  incidents: readonly IncidentEvent[];
  now: number;
  windowDays: number;
  hotfixPattern?: string;
  tiers?: TierThresholds;
}

export interface DeploymentEvidence {
  ref: string;
  sha: string;
  time: string;
  changes: number;
  failed: boolean;
  remediation: boolean;
  reason: string | null;
  /** Its release line: the nearest earlier deployment it descends from (null for the first, or when it is not known). */
  line: string | null;
  /** For a failed deployment, the remediation that repaired it and the commit that did. */
  repairedBy: { ref: string; commit: string | null } | null;
}

export interface WeekPoint {
  /** Monday 00:00 UTC of the week, YYYY-MM-DD. */
  week: string;
  deployments: number;
  failed: number;
  medianLeadTimeHours: number | null;
}

export interface DoraResult {
  source: DeploymentSource;
  window: { start: string; end: string; days: number };
  deploymentFrequency: { deployments: number; perWeek: number; tier: Tier | null };
  leadTimeForChanges: { medianHours: number | null; p90Hours: number | null; samples: number; tier: Tier | null };
  changeFailureRate: { failed: number; total: number; rate: number | null; tier: Tier | null };
  timeToRestore: { medianHours: number | null; samples: number; tier: Tier | null; basis: "incidents" | "deployments" };
  reworkRate: { remediations: number; total: number; rate: number | null };
  deployments: DeploymentEvidence[];
  weekly: WeekPoint[];
}

function mondayOf(ms: number): number {
  const date = new Date(ms);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return midnight - ((date.getUTCDay() + 6) % 7) * day;
}

interface Evidence {
  /** The commits it shipped first (non-merge). */
  changes: CommitInfo[];
  remediation: string | null;
  failed: string | null;
  /** Its release line: the latest earlier successful deployment it descends from. */
  line: DeploymentEvent | null;
  repairedBy: { deployment: DeploymentEvent; commit: CommitInfo | null } | null;
}

/** Who first shipped a commit: a deployment, or one before everything this computation tracks. */
type Shipper = DeploymentEvent | "before";

/**
 * Who shipped each commit first, by commit index: 0 nobody yet, -1 a deployment before the
 * window (or the first the source knows), k > 0 the k-th deployment in `shippers`.
 */
interface ShippedBy {
  codes: Int32Array;
  shippers: DeploymentEvent[];
}

/**
 * The five DORA metrics, exactly as docs/dora.md defines them, with the evidence for each
 * deployment in the window. Pure: the same input always gives the same output.
 *
 * Per environment, in deployment order: what the deployments before the window reach is marked
 * shipped in one walk; then each deployment in the window takes the commits it reaches that no
 * earlier one reached (its change set), and finds its release line on the way down. Reverts
 * repair the deployment that first shipped the reverted commit; hotfixes repair the line.
 */
export function computeDora(input: DoraInput): DoraResult {
  const graph = input.commits instanceof CommitGraph ? input.commits : new CommitGraph(input.commits);
  const result = computeOver(graph, input);
  if (!graph.orderBroken || graph.usesGenerations) return result;
  // The input turned out not to be topological while it was read: rank by generations and compute again.
  graph.useGenerations();
  return computeOver(graph, input);
}

function computeOver(graph: CommitGraph, input: DoraInput): DoraResult {
  const tiers = input.tiers ?? dora2023Tiers;
  const end = input.now;
  const start = end - input.windowDays * day;
  const inWindow = (time: number) => time > start && time <= end;
  const matchers = remediationMatchers(input.hotfixPattern);
  /** Built when the first revert that names no commit needs it (see commitsByQuotedSubject). */
  let quotedSubjects: Map<string, CommitInfo[]> | undefined;

  // As of `now`: later deployments and incidents have not happened yet (this keeps --now reproducible).
  const all = input.deployments.filter((deployment) => deployment.time <= end).sort(compareDeployments);
  const incidents = input.incidents
    .filter((incident) => incident.started <= end)
    .map((incident) => ({
      ...incident,
      resolved: incident.resolved !== null && incident.resolved <= end ? incident.resolved : null,
    }));
  const evidence = new Map<DeploymentEvent, Evidence>();
  const blank = (): Evidence => ({
    changes: [],
    remediation: null,
    failed: null,
    line: null,
    repairedBy: null,
  });
  const byEnvironment = new Map<string, DeploymentEvent[]>();
  for (const deployment of all) {
    const list = byEnvironment.get(deployment.environment);
    if (list) list.push(deployment);
    else byEnvironment.set(deployment.environment, [deployment]);
  }
  const successesByEnvironment = new Map<string, DeploymentEvent[]>();
  for (const [environment, deployments] of byEnvironment) {
    const successes = deployments.filter((deployment) => deployment.status === "success");
    successesByEnvironment.set(environment, successes);
    for (const deployment of deployments) {
      evidence.set(
        deployment,
        deployment.status === "success" ? blank() : { ...blank(), failed: "its own status is failure" },
      );
    }
    shipChanges(successes);
  }

  /** Change sets, lines and remediations of one environment's successful deployments, in order. */
  function shipChanges(successes: readonly DeploymentEvent[]): void {
    const history = historyNeeded(successes, { start, end });
    if (!history) return;
    const shippedBy: ShippedBy = { codes: new Int32Array(graph.size), shippers: [] };
    const { codes } = shippedBy;
    const { earlier, inWindow: inWindowSuccesses } = history;
    // What the deployments before the window reach matters only where the window's deployments
    // reach too: find the lowest rank those reach (stopping at earlier deployments' commits), and
    // mark what earlier deployments reach down to that rank, no further.
    const earlierShas = new Set(earlier.map((deployment) => deployment.sha));
    let floor = Infinity;
    graph.walk(
      inWindowSuccesses.map((deployment) => deployment.sha),
      (commit, index) => {
        floor = Math.min(floor, graph.rank(index));
        return earlierShas.has(commit.sha) ? "stop" : "take";
      },
    );
    graph.walk(
      earlierShas,
      (_commit, index) => {
        codes[index] = -1;
        return "take";
      },
      floor,
    );
    for (const [offset, deployment] of inWindowSuccesses.entries()) {
      const found = evidence.get(deployment)!;
      const code = shippedBy.shippers.push(deployment);
      graph.walk([deployment.sha], (commit, index) => {
        if (codes[index] !== 0) return "stop";
        codes[index] = code;
        if (commit.parents.length <= 1) found.changes.push(commit);
        return "take";
      });
      found.line = lineOf(deployment, successes, earlier.length + offset);
      remediate(deployment, found, shippedBy);
    }
  }

  /** The latest earlier deployment whose commit this one's descends from (the one it redeploys, for a rollback). */
  function lineOf(
    deployment: DeploymentEvent,
    successes: readonly DeploymentEvent[],
    position: number,
  ): DeploymentEvent | null {
    const tried = new Set<string>();
    for (let i = position - 1; i >= 0; i--) {
      const candidate = successes[i]!;
      if (tried.has(candidate.sha)) continue;
      tried.add(candidate.sha);
      if (graph.isAncestor(candidate.sha, deployment.sha)) return candidate;
    }
    return null;
  }

  /** Whether a deployment remediates an earlier one, and which one it repairs. */
  function remediate(deployment: DeploymentEvent, found: Evidence, shippedBy: ShippedBy): void {
    const shipperOf = (sha: string): Shipper => {
      const index = graph.indexOf(sha);
      const code = index === undefined ? -1 : shippedBy.codes[index]!;
      return code > 0 ? shippedBy.shippers[code - 1]! : "before";
    };
    const own = new Set(found.changes.map((commit) => commit.sha));
    // Each revert repairs the deployment that first shipped what it undoes (a revert of a change of its own undoes nothing shipped).
    const repairs: { repaired: Shipper; commit: CommitInfo | null }[] = [];
    for (const change of found.changes) {
      if (!isRevert(change)) continue;
      const target = revertTarget(change);
      if (target && own.has(target)) continue;
      found.remediation ??= `its changes include a revert: ${change.sha.slice(0, 7)} ${change.subject}`;
      repairs.push({ repaired: target ? shipperOf(target) : "before", commit: change });
    }
    if (!found.remediation) {
      // A hotfix repairs its own release line: the latest earlier deployment it descends from.
      const hotfix = found.changes.find((change) => matchers.hotfixCommit(change.subject));
      const marker = (deployment.markers ?? []).find((text) => matchers.hotfixMarker(text));
      if (deployment.replacesFailed) found.remediation = "the source says it replaced a failed deployment";
      else if (hotfix) found.remediation = `its changes include a hotfix: ${hotfix.sha.slice(0, 7)} ${hotfix.subject}`;
      else if (marker) found.remediation = `it is marked as a hotfix (${marker})`;
      if (found.remediation) repairs.push({ repaired: found.line ?? "before", commit: hotfix ?? null });
    }
    for (const { repaired, commit } of repairs) {
      if (repaired === "before" || repaired === deployment) continue;
      const before = evidence.get(repaired)!;
      if (before.failed !== null) continue;
      before.failed = `${deployment.ref} remediated it (${found.remediation})`;
      before.repairedBy = { deployment, commit };
    }
  }

  /**
   * The commit a revert undoes: the one its message names (`git revert`), else (GitHub's revert
   * button names a pull request) the latest-authored earlier commit with the quoted subject.
   */
  function revertTarget(revert: CommitInfo): string | undefined {
    if (revert.revertOf) return graph.get(revert.revertOf)?.sha ?? revert.revertOf;
    const subject = revertedSubject(revert);
    if (subject === undefined) return undefined;
    const candidates = (quotedSubjects ??= commitsByQuotedSubject()).get(subject) ?? [];
    return candidates.find((candidate) => candidate !== revert && graph.isAncestor(candidate.sha, revert.sha))?.sha;
  }

  /**
   * The commits whose subject some revert in the history quotes, latest-authored first, by
   * subject: two passes over the history, once, instead of a walk per revert.
   */
  function commitsByQuotedSubject(): Map<string, CommitInfo[]> {
    const bySubject = new Map<string, CommitInfo[]>();
    for (let i = 0; i < graph.size; i++) {
      const quoted = revertedSubject(graph.at(i));
      if (quoted !== undefined) bySubject.set(quoted, []);
    }
    for (let i = 0; i < graph.size; i++) bySubject.get(graph.at(i).subject)?.push(graph.at(i));
    for (const list of bySubject.values()) list.sort((a, b) => b.authorTime - a.authorTime || (a.sha < b.sha ? -1 : 1));
    return bySubject;
  }
  // The last successful deployment before an incident's start failed.
  for (const successes of successesByEnvironment.values()) {
    for (const incident of incidents) {
      const culprit = successes[lastAtOrBefore(successes, incident.started)];
      if (culprit)
        evidence.get(culprit)!.failed ??=
          `last deployment before incident "${incident.title}" (${iso(incident.started)})`;
    }
  }

  const windowed = all.filter((deployment) => inWindow(deployment.time));
  const successful = windowed.filter((deployment) => deployment.status === "success");
  const failed = windowed.filter((deployment) => evidence.get(deployment)!.failed !== null);
  const remediations = windowed.filter((deployment) => evidence.get(deployment)!.remediation !== null);
  const leadTimes = successful.flatMap((deployment) =>
    evidence.get(deployment)!.changes.map((commit) => Math.max(0, deployment.time - commit.authorTime) / hour),
  );

  // Time to restore: incidents when there are any; otherwise failed deployment -> next success.
  const incidentsInWindow = incidents.filter((incident) => inWindow(incident.started) && incident.resolved !== null);
  let restoreHours: number[];
  let basis: "incidents" | "deployments";
  if (incidentsInWindow.length > 0) {
    basis = "incidents";
    restoreHours = incidentsInWindow.map((incident) => Math.max(0, incident.resolved! - incident.started) / hour);
  } else {
    basis = "deployments";
    restoreHours = failed.flatMap((deployment) => {
      const restored = restoredBy(deployment);
      return restored ? [(restored.time - deployment.time) / hour] : [];
    });
  }

  /** What restored a failed deployment: the remediation that repaired it, else the next good deployment on its line. */
  function restoredBy(failedDeployment: DeploymentEvent): DeploymentEvent | undefined {
    const found = evidence.get(failedDeployment)!;
    if (found.repairedBy) return found.repairedBy.deployment;
    const successes = successesByEnvironment.get(failedDeployment.environment) ?? [];
    let first = lastAtOrBefore(successes, failedDeployment.time) + 1;
    while (first > 0 && compareDeployments(successes[first - 1]!, failedDeployment) > 0) first--;
    const later = successes.slice(first);
    // A deployment that shipped nothing of its own (its own status failed) is followed by the next good one.
    if (failedDeployment.status !== "success") return later[0];
    return later.find((deployment) => graph.isAncestor(failedDeployment.sha, deployment.sha));
  }

  const perWeek = successful.length / (input.windowDays / 7);
  const cfrRate = windowed.length > 0 ? failed.length / windowed.length : null;
  const medianLead = median(leadTimes);
  const medianRestore = median(restoreHours);

  const weekly: WeekPoint[] = [];
  for (let week = mondayOf(start + 1); week <= end; week += 7 * day) {
    const inWeek = windowed.filter((deployment) => deployment.time >= week && deployment.time < week + 7 * day);
    const weekLeads = inWeek
      .filter((deployment) => deployment.status === "success")
      .flatMap((deployment) =>
        evidence.get(deployment)!.changes.map((commit) => Math.max(0, deployment.time - commit.authorTime) / hour),
      );
    weekly.push({
      week: iso(week).slice(0, 10),
      deployments: inWeek.filter((deployment) => deployment.status === "success").length,
      failed: inWeek.filter((deployment) => evidence.get(deployment)!.failed !== null).length,
      medianLeadTimeHours: round(median(weekLeads)),
    });
  }

  return {
    source: input.source,
    window: { start: iso(start), end: iso(end), days: input.windowDays },
    deploymentFrequency: {
      deployments: successful.length,
      perWeek: round(perWeek)!,
      tier: all.length === 0 ? null : frequencyTier(perWeek, tiers),
    },
    leadTimeForChanges: {
      medianHours: round(medianLead),
      p90Hours: round(percentile(leadTimes, 90)),
      samples: leadTimes.length,
      tier: belowTier(medianLead, tiers.leadTimeHours),
    },
    changeFailureRate: {
      failed: failed.length,
      total: windowed.length,
      rate: round(cfrRate, 4),
      tier: rateTier(cfrRate, tiers.changeFailureRate),
    },
    timeToRestore: {
      medianHours: round(medianRestore),
      samples: restoreHours.length,
      tier: belowTier(medianRestore, tiers.timeToRestoreHours),
      basis,
    },
    reworkRate: {
      remediations: remediations.length,
      total: windowed.length,
      rate: round(windowed.length > 0 ? remediations.length / windowed.length : null, 4),
    },
    deployments: windowed.map((deployment) => {
      const found = evidence.get(deployment)!;
      return {
        ref: deployment.ref,
        sha: deployment.sha,
        time: iso(deployment.time),
        changes: found.changes.length,
        failed: found.failed !== null,
        remediation: found.remediation !== null,
        reason: [found.failed, found.remediation].filter((text) => text !== null).join("; ") || null,
        line: found.line?.ref ?? null,
        repairedBy: found.repairedBy
          ? { ref: found.repairedBy.deployment.ref, commit: found.repairedBy.commit?.sha ?? null }
          : null,
      };
    }),
    weekly,
  };
}
