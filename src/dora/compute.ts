/**
 * The DORA engine, as a recipe; docs/dora.md defines every rule, each step is its own module:
 *
 * 1. As of `now`: the deployments in deployment order (order.ts), one per commit and time, and
 *    the incidents that had started; misplaced tags found (deployment-hygiene.ts).
 * 2. Per environment, the history the change sets need: the window's successful deployments and
 *    those before it (history-window.ts, the same rule the history read follows).
 * 3. Change sets and release lines: what each deployment shipped first, what it descends from
 *    (change-sets.ts); for a service, only the commits touching its paths.
 * 4. Remediations: deployments that revert, hotfix or replace, and what each repairs (repairs.ts).
 * 5. Failures: why each failed deployment failed, one reason each (failures.ts).
 * 6. The window's figures: lead time (lead-time.ts), time to restore (time-to-restore.ts), the
 *    weekly series (weekly.ts), tiers (tiers.ts), and each deployment's evidence.
 */
import { changeSets, type ChangeSet } from "./change-sets.js";
import { CommitGraph, type CommitInfo } from "./commit-graph.js";
import type { DeploymentEvent, DeploymentSource, IncidentEvent } from "./events.js";
import { misplacedTags, oneDeploymentEach, squashNote } from "./deployment-hygiene.js";
import { failures, type Failure } from "./failures.js";
import { historyNeeded } from "./history-window.js";
import { leadTimeHours } from "./lead-time.js";
import { compareDeployments } from "./order.js";
import { remediationMatchers, type RemediationMatchers } from "./remediation.js";
import { remediations, type Remediation } from "./repairs.js";
import { revertTargets } from "./revert-target.js";
import { median, percentile, round } from "./stats.js";
import { belowTier, dora2023Tiers, frequencyTier, rateTier, type Tier, type TierThresholds } from "./tiers.js";
import { restoreTimes, restorer } from "./time-to-restore.js";
import { day, iso, isInWindow, type Window } from "./time.js";
import { weeklySeries, type WeekPoint } from "./weekly.js";

export type { DeploymentEvent, DeploymentSource, IncidentEvent } from "./events.js";
export type { WeekPoint } from "./weekly.js";

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
  /** A service of a monorepo: only the commits touching its paths are its changes. */
  touches?: (commit: CommitInfo) => boolean;
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
  /** What the rules set aside, and why: other refs of the same deployment, release commits, reverts that undo nothing shipped, a misplaced tag. */
  notes?: string[];
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
  /** What a reader of the figures should know: duplicate refs counted once, misplaced tags, squash-merged lead times. */
  notes?: string[];
  /** The last successful deployment as of `now`, in the window or before it (null: none ever). */
  lastDeployment?: { ref: string; time: string } | null;
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
  // An input that is not topological is ranked by generations.
  if (graph.orderBroken) graph.useGenerations();
  return computeOver(graph, input);
}

/** What the recipe found, each part from its own step, for the figures and the evidence. */
interface Findings {
  /** As of `now`, in deployment order. */
  deployments: DeploymentEvent[];
  incidents: IncidentEvent[];
  successesByEnvironment: Map<string, DeploymentEvent[]>;
  changeSets: Map<DeploymentEvent, ChangeSet>;
  remediations: Map<DeploymentEvent, Remediation>;
  failures: Map<DeploymentEvent, Failure>;
  /** Per deployment, what the rules set aside (evidence notes). */
  notes: Map<DeploymentEvent, string[]>;
}

function computeOver(graph: CommitGraph, input: DoraInput): DoraResult {
  const window: Window = { start: input.now - input.windowDays * day, end: input.now };
  // 1.
  const { deployments, aliases } = oneDeploymentEach(
    input.deployments.filter((deployment) => deployment.time <= window.end).sort(compareDeployments),
  );
  const incidents = incidentsAsOf(input.incidents, window.end);
  const successes = successesByEnvironment(deployments);
  const misplaced = new Map([...successes.values()].flatMap((environment) => [...misplacedTags(graph, environment)]));
  // 2 to 4, environment by environment: one environment's deployments never ship or repair another's.
  const matchers = remediationMatchers(input.hotfixPattern);
  const shipped = [...successes.values()].map((environment) =>
    shippedIn(
      graph,
      environment.filter((deployment) => !misplaced.has(deployment)),
      window,
      { matchers, touches: input.touches },
    ),
  );
  const remediated = shipped.flatMap((environment) => environment.remediations);
  // 5.
  const failed = failures(deployments, remediated, incidents, successes);
  // 6.
  const notes = new Map<DeploymentEvent, string[]>();
  const note = (deployment: DeploymentEvent, text: string) =>
    notes.set(deployment, [...(notes.get(deployment) ?? []), text]);
  for (const [deployment, refs] of aliases)
    note(deployment, `also ${refs.join(", ")}: the same commit at the same time, counted once`);
  for (const [deployment, text] of misplaced) note(deployment, text);
  for (const environment of shipped)
    for (const [deployment, texts] of environment.notes) texts.forEach((text) => note(deployment, text));
  return doraResult(graph, input, window, {
    deployments,
    incidents,
    successesByEnvironment: successes,
    changeSets: new Map(shipped.flatMap((environment) => environment.sets).map((set) => [set.deployment, set])),
    remediations: new Map(remediated.map((remediation) => [remediation.deployment, remediation])),
    failures: failed,
    notes,
  });
}

/** Later incidents had not happened as of `now`, nor had later resolutions (this keeps --now reproducible). */
function incidentsAsOf(incidents: readonly IncidentEvent[], now: number): IncidentEvent[] {
  return incidents
    .filter((incident) => incident.started <= now)
    .map((incident) => ({
      ...incident,
      resolved: incident.resolved !== null && incident.resolved <= now ? incident.resolved : null,
    }));
}

/** Each environment's successful deployments, in the order of the input (deployment order). */
function successesByEnvironment(deployments: readonly DeploymentEvent[]): Map<string, DeploymentEvent[]> {
  const byEnvironment = new Map<string, DeploymentEvent[]>();
  for (const deployment of deployments) {
    if (!byEnvironment.has(deployment.environment)) byEnvironment.set(deployment.environment, []);
    if (deployment.status === "success") byEnvironment.get(deployment.environment)!.push(deployment);
  }
  return byEnvironment;
}

/** Steps 2 to 4 for one environment's successful deployments. */
function shippedIn(
  graph: CommitGraph,
  successes: readonly DeploymentEvent[],
  window: Window,
  rules: { matchers: RemediationMatchers; touches: DoraInput["touches"] },
): { sets: ChangeSet[]; remediations: Remediation[]; notes: Map<DeploymentEvent, string[]> } {
  const history = historyNeeded(successes, window);
  if (!history) return { sets: [], remediations: [], notes: new Map() };
  const environment = changeSets(graph, history, rules.touches);
  // What the reverts of these change sets undo, with indexes of the history built for them only.
  const revertTarget = revertTargets(
    graph,
    environment.sets.flatMap((set) => set.changes),
  );
  return { sets: environment.sets, ...remediations(environment, revertTarget, rules.matchers) };
}

/** Step 6: the figures of the deployments in the window, and their evidence. */
function doraResult(graph: CommitGraph, input: DoraInput, window: Window, findings: Findings): DoraResult {
  const tiers = input.tiers ?? dora2023Tiers;
  const windowed = findings.deployments.filter((deployment) => isInWindow(deployment.time, window));
  const successful = windowed.filter((deployment) => deployment.status === "success");
  const failed = windowed.filter((deployment) => findings.failures.has(deployment));
  const remediationCount = windowed.filter((deployment) => findings.remediations.has(deployment)).length;
  const changesOf = (deployment: DeploymentEvent) => findings.changeSets.get(deployment)?.changes ?? [];
  const restoredBy = restorer(graph, findings.failures, findings.successesByEnvironment);
  const restore = restoreTimes(findings.incidents, window, failed, restoredBy);
  const perWeek = successful.length / (input.windowDays / 7);
  return {
    source: input.source,
    window: { start: iso(window.start), end: iso(window.end), days: input.windowDays },
    deploymentFrequency: {
      deployments: successful.length,
      perWeek: round(perWeek)!,
      // No deployment in the window is no data, not "low": a library may rightly release twice a year.
      tier: successful.length === 0 ? null : frequencyTier(perWeek, tiers),
    },
    leadTimeForChanges: leadTimeFigures(leadTimeHours(successful, changesOf), tiers),
    changeFailureRate: changeFailureFigures(failed.length, windowed.length, tiers),
    timeToRestore: { ...restoreFigures(restore.hours, tiers), basis: restore.basis },
    reworkRate: {
      remediations: remediationCount,
      total: windowed.length,
      rate: round(windowed.length > 0 ? remediationCount / windowed.length : null, 4),
    },
    deployments: windowed.map((deployment) => evidenceOf(deployment, findings)),
    weekly: weeklySeries(window, windowed, changesOf, (deployment) => findings.failures.has(deployment)),
    notes: figureNotes(windowed, findings, changesOf),
    lastDeployment: lastSuccess(findings.deployments),
  };
}

function lastSuccess(deployments: readonly DeploymentEvent[]): DoraResult["lastDeployment"] {
  const last = deployments.findLast((deployment) => deployment.status === "success");
  return last ? { ref: last.ref, time: iso(last.time) } : null;
}

/** What the window's figures rest on that a reader should know, once each. */
function figureNotes(
  windowed: readonly DeploymentEvent[],
  findings: Findings,
  changesOf: (deployment: DeploymentEvent) => readonly CommitInfo[],
): string[] {
  const notes: string[] = [];
  const squash = squashNote(windowed.flatMap((deployment) => changesOf(deployment)));
  if (findings.notes.size === 0) return squash ? [squash] : [];
  const aliased = windowed.filter((deployment) =>
    findings.notes.get(deployment)?.some((text) => text.startsWith("also ")),
  );
  if (aliased.length > 0)
    notes.push(
      `${aliased.length} deployment${aliased.length === 1 ? " has" : "s have"} two refs on one commit at the same time (e.g. ${aliased[0]!.ref}): each counted once`,
    );
  for (const deployment of windowed) {
    const misplaced = findings.notes.get(deployment)?.find((text) => text.startsWith("misplaced tag"));
    if (misplaced) notes.push(misplaced);
  }
  if (squash) notes.push(squash);
  return notes;
}

function leadTimeFigures(hours: readonly number[], tiers: TierThresholds): DoraResult["leadTimeForChanges"] {
  const medianHours = median(hours);
  return {
    medianHours: round(medianHours),
    p90Hours: round(percentile(hours, 90)),
    samples: hours.length,
    tier: belowTier(medianHours, tiers.leadTimeHours),
  };
}

function changeFailureFigures(failed: number, total: number, tiers: TierThresholds): DoraResult["changeFailureRate"] {
  const rate = total > 0 ? failed / total : null;
  return { failed, total, rate: round(rate, 4), tier: rateTier(rate, tiers.changeFailureRate) };
}

function restoreFigures(hours: readonly number[], tiers: TierThresholds): Omit<DoraResult["timeToRestore"], "basis"> {
  const medianHours = median(hours);
  return {
    medianHours: round(medianHours),
    samples: hours.length,
    tier: belowTier(medianHours, tiers.timeToRestoreHours),
  };
}

/** What `--explain` shows of one deployment: what it shipped, its line, and why it failed or remediated. */
function evidenceOf(deployment: DeploymentEvent, findings: Findings): DeploymentEvidence {
  const changeSet = findings.changeSets.get(deployment);
  const failure = findings.failures.get(deployment);
  const remediation = findings.remediations.get(deployment);
  const repairedBy = failure?.repairedBy;
  return {
    ref: deployment.ref,
    sha: deployment.sha,
    time: iso(deployment.time),
    changes: changeSet?.changes.length ?? 0,
    failed: failure !== undefined,
    remediation: remediation !== undefined,
    reason: [failure?.reason, remediation?.reason].filter((text) => text !== undefined).join("; ") || null,
    line: changeSet?.line?.ref ?? null,
    repairedBy: repairedBy ? { ref: repairedBy.deployment.ref, commit: repairedBy.commit?.sha ?? null } : null,
    ...evidenceNotes(changeSet, findings.notes.get(deployment)),
  };
}

function evidenceNotes(changeSet: ChangeSet | undefined, notes: readonly string[] = []): { notes?: string[] } {
  const released = changeSet?.releaseCommits ?? [];
  const all = [
    ...notes,
    ...(released.length > 0
      ? [
          `${released.length === 1 ? "a release commit" : `${released.length} release commits`} not counted as changes (${released[0]!.sha.slice(0, 7)} ${released[0]!.subject})`,
        ]
      : []),
  ];
  return all.length > 0 ? { notes: all } : {};
}
