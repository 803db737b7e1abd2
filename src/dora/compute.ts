import { CommitGraph, type CommitInfo } from "./commit-graph.js";
import { median, percentile, round } from "./stats.js";
import { belowTier, dora2023Tiers, frequencyTier, rateTier, type Tier, type TierThresholds } from "./tiers.js";

export type DeploymentSource = "deployments" | "releases" | "tags" | "workflow-runs" | "merges";

/** A deployment as every source normalises it. */
export interface DeploymentEvent {
  /** Tag, release name, deployment id or run number: what people call it. */
  ref: string;
  sha: string;
  /** Epoch milliseconds (first success status, publish time, tag date, run end, merge time). */
  time: number;
  environment: string;
  /** The source's own verdict: failure/error marks the deployment failed. */
  status: "success" | "failure";
  /** Labels, branch or tag names that can say "hotfix". */
  markers?: string[];
  /** The source says this deployment replaced a failed one (e.g. a rollback). */
  replacesFailed?: boolean;
}

export interface IncidentEvent {
  id: string;
  title: string;
  started: number;
  resolved: number | null;
}

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

const hour = 3_600_000;
const day = 24 * hour;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

function mondayOf(ms: number): number {
  const date = new Date(ms);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  return midnight - ((date.getUTCDay() + 6) % 7) * day;
}

/** Index of the last deployment at or before `time` in a time-sorted list, or -1. */
function lastAtOrBefore(sorted: readonly DeploymentEvent[], time: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.time <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}

/** Orders deployments by time, then ref, so that input order never matters. */
const byTime = (a: DeploymentEvent, b: DeploymentEvent) =>
  a.time - b.time || a.ref.localeCompare(b.ref) || a.sha.localeCompare(b.sha);

/**
 * The five DORA metrics, exactly as docs/dora.md defines them, with the evidence for each
 * deployment in the window. Pure: the same input always gives the same output.
 */
export function computeDora(input: DoraInput): DoraResult {
  const tiers = input.tiers ?? dora2023Tiers;
  const end = input.now;
  const start = end - input.windowDays * day;
  const inWindow = (time: number) => time > start && time <= end;
  const graph = input.commits instanceof CommitGraph ? input.commits : new CommitGraph(input.commits);
  const hotfix = new RegExp((input.hotfixPattern ?? "hotfix").replace(/[.*+?^${}()|[\]\\]/g, "\\$&"), "i");

  // As of `now`: later deployments and incidents have not happened yet (this keeps --now reproducible).
  const all = input.deployments.filter((deployment) => deployment.time <= end).sort(byTime);
  const incidents = input.incidents
    .filter((incident) => incident.started <= end)
    .map((incident) => ({
      ...incident,
      resolved: incident.resolved !== null && incident.resolved <= end ? incident.resolved : null,
    }));
  // Change sets and remediation are defined per environment, between successful deployments.
  const evidence = new Map<
    DeploymentEvent,
    { changes: CommitInfo[]; remediation: string | null; failed: string | null }
  >();
  const byEnvironment = new Map<string, DeploymentEvent[]>();
  for (const deployment of all) {
    const list = byEnvironment.get(deployment.environment);
    if (list) list.push(deployment);
    else byEnvironment.set(deployment.environment, [deployment]);
  }
  const successesByEnvironment = new Map<string, DeploymentEvent[]>();
  for (const deployments of byEnvironment.values()) {
    let previous: DeploymentEvent | undefined;
    const successes: DeploymentEvent[] = [];
    for (const deployment of deployments) {
      if (deployment.status !== "success") {
        evidence.set(deployment, { changes: [], remediation: null, failed: "its own status is failure" });
        continue;
      }
      // Only deployments in the window need their change sets: every reported figure (lead time,
      // remediation, and so failure of the deployment before a remediation) is about the window.
      const changes =
        previous && inWindow(deployment.time)
          ? graph.between(deployment.sha, previous.sha).filter((commit) => commit.parents.length <= 1)
          : [];
      const revert = changes.find((commit) => commit.subject.startsWith('Revert "'));
      const hotfixCommit = changes.find((commit) => hotfix.test(commit.subject));
      const marker = (deployment.markers ?? []).find((text) => hotfix.test(text));
      const remediation = deployment.replacesFailed
        ? "the source says it replaced a failed deployment"
        : revert
          ? `its changes include a revert: ${revert.sha.slice(0, 7)} ${revert.subject}`
          : hotfixCommit
            ? `its changes include a hotfix: ${hotfixCommit.sha.slice(0, 7)} ${hotfixCommit.subject}`
            : marker
              ? `it is marked as a hotfix (${marker})`
              : null;
      evidence.set(deployment, { changes, remediation, failed: null });
      if (remediation && previous) {
        const before = evidence.get(previous)!;
        before.failed ??= `${deployment.ref} remediated it (${remediation})`;
      }
      previous = deployment;
      successes.push(deployment);
    }
    // The last successful deployment before an incident's start failed.
    for (const incident of incidents) {
      const culprit = successes[lastAtOrBefore(successes, incident.started)];
      if (culprit)
        evidence.get(culprit)!.failed ??=
          `last deployment before incident "${incident.title}" (${iso(incident.started)})`;
    }
    successesByEnvironment.set(deployments[0]!.environment, successes);
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
      // The next successful deployment of the same environment (by status, as docs/dora.md defines it).
      const successes = successesByEnvironment.get(deployment.environment) ?? [];
      const next = successes[lastAtOrBefore(successes, deployment.time) + 1];
      return next ? [(next.time - deployment.time) / hour] : [];
    });
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
      };
    }),
    weekly,
  };
}
