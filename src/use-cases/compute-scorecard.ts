import type { DoraResult, IncidentEvent } from "../dora/compute.js";
import { computeDora } from "../dora/compute.js";
import { CommitGraph } from "../dora/commit-graph.js";
import { tagPatternAdvice } from "../dora/tag-pattern-advice.js";
import { tiersWith } from "../dora/tiers.js";
import type { Logger } from "../ports/logger.js";
import { StaleBranchError, type FilePublisher, type FileWriteResult } from "../ports/publisher.js";
import type {
  BranchHead,
  BranchView,
  ConfigView,
  DeliveryView,
  FileView,
  IncidentView,
  RepositoryContents,
  SecurityView,
} from "../ports/repository-view.js";
import {
  cfoForecastPath,
  dataFilePath,
  dataLayoutOf,
  fixedJsonKinds,
  recordFilesIn,
  roadmapPath,
  snapshotPath,
  type DataLayout,
  type FixedJsonKind,
} from "../schemas/data-layout.js";
import type { InfraCosts } from "../schemas/infra-costs.js";
import type { Roadmap } from "../schemas/roadmap.js";
import type { Team } from "../schemas/team.js";
import type { TechDebt } from "../schemas/tech-debt.js";
import type { TechStack } from "../schemas/tech-stack.js";
import type { Config } from "../schemas/config.js";
import type { Scorecard } from "../schemas/scorecard.js";
import { neverComputed } from "../scorecard/never-computed.js";
import { composeScorecard } from "../scorecard/compose.js";
import { keepHandWritten } from "../scorecard/keep-hand-written.js";
import { dependabotConfigPaths, securityPolicyPaths } from "../scorecard/security-files.js";
import type { readPromises } from "./keep-decision-log.js";
import { readSecurityEvidence, securityEvidenceRequest } from "./read-security-evidence.js";
import type { SyncInputs } from "../scorecard/sync-read.js";
import { withServices } from "../scorecard/services.js";
import { historyForAll, readServiceDeployments, serviceFigures, touchingPaths } from "./service-figures.js";

const day = 86_400_000;

export interface ScorecardContext {
  view: FileView & ConfigView & BranchView & DeliveryView & IncidentView & SecurityView;
  log: Logger;
  now: () => Date;
}

export interface ScorecardRun {
  scorecard: Scorecard;
  dora: DoraResult;
  /** What the source held: deployments up to the end of the window and after it, and notes on what it held (skipped tags, advice on the tag pattern). */
  deploymentSource: { upToNow: number; afterNow: number; notes: string[] };
  /** The scorecard this one replaces, for trends. */
  previous?: Scorecard;
  /** The data files the scorecard was composed from, parsed (absent when missing or invalid): for the CTO sync read. */
  data: { techStack?: TechStack; techDebt?: TechDebt; roadmap?: Roadmap };
  /** Files to write: the live scorecard and the dated snapshot (and the decision log, when it is out of date). */
  files: Record<string, string>;
  /** The branch head everything was read at: the files are written on top of it. */
  head: BranchHead;
  /** Incidents that started in the window (from post-mortems or incident issues). */
  incidentsInWindow: number;
}

/**
 * Computes the engineering scorecard of one repository, from GitHub or from a local clone:
 *
 * 1. Read the branch head, then in parallel the deployments of the configured source, the data
 *    files and security files at the head, branch protection and Dependabot alerts.
 * 2. Read the history the change sets need: from the deployments in the window and the last one
 *    before it, down to the one before that.
 * 3. Take incidents from post-mortem files, else from issues with the incident label.
 * 4. Compute DORA and compose the scorecard (valid against our own schema: the tests check it).
 */
export async function computeScorecard(
  context: ScorecardContext,
  config: Config,
  branch: string,
  options: { explain?: boolean; paths?: readonly string[] } = {},
): Promise<ScorecardRun> {
  const { view } = context;
  if (config.dora.source === "workflow-runs" && !config.dora.workflow) {
    throw new Error(
      'dora.source "workflow-runs" needs dora.workflow: the deploying workflow\'s file name (e.g. deploy.yml) or id',
    );
  }
  const now = context.now();
  const windowStart = now.getTime() - config.dora.windowDays * day;
  const layout = dataLayoutOf(config);
  const dataFiles = Object.fromEntries(fixedJsonKinds.map((kind) => [kind, dataFilePath(layout, kind)])) as Record<
    FixedJsonKind,
    string
  >;
  const head = await view.readHead(branch);
  const { deploymentRead, contents, branchProtection, openDependabotAlerts } = await readAtHead(view, config, {
    branch,
    headSha: head.sha,
    since: windowStart,
    files: Object.values(dataFiles),
  });
  const deployments = deploymentRead.deployments;
  const upToNow = deployments.filter((deployment) => deployment.time <= now.getTime());
  const notes = [
    ...deploymentRead.notes,
    ...(config.dora.source === "tags" ? tagPatternAdvice(upToNow, config.dora.tagPattern) : []),
  ];

  // The source reads one environment: its history (and its services') is the one the engine's change sets need.
  const window = { start: windowStart, end: now.getTime() };
  const services = await readServiceDeployments(view, config, { branch, since: windowStart }, deployments);
  const history = historyForAll([deployments, ...services.map((service) => service.deployments)], window);
  const graph = new CommitGraph(history ? await view.readHistory(history) : []);
  const incidents = await readIncidents(view, head.sha, contents, layout, config.incidents.label, windowStart);
  const common = {
    source: config.dora.source,
    incidents,
    now: now.getTime(),
    windowDays: config.dora.windowDays,
    hotfixPattern: config.dora.hotfixPattern,
    tiers: tiersWith(config.dora.tiers),
  };
  // `--service`: the figures are one service's, its changes only the commits touching its paths.
  const touches = options.paths ? await touchingPaths(view, history, options.paths) : undefined;
  if (touches === null) throw new Error("this source cannot tell which commits touch a service's paths");
  const dora = computeDora({ ...common, deployments, commits: graph, ...(touches ? { touches } : {}) });
  const perService = await serviceFigures(view, graph, services, history, common);
  const data = await parseDataFilesIfAny(contents, dataFiles, context.log);
  const promises = await readPromisesIfAny(view, head.sha, layout, now, contents);
  const evidence = await readSecurityEvidence(view, head.sha, contents);
  const { team, previous, techStack, techDebt, roadmap } = data;
  const composed = composeScorecard({
    now,
    dora,
    explain: options.explain ?? false,
    targets: config.scorecard.targets,
    techStack,
    techDebt,
    infraCosts: data.infraCosts,
    team,
    cfoForecast: data.cfoForecast,
    ...(promises.followUp ? { followUp: promises.followUp } : {}),
    security: securityFacts(data, { branchProtection, openDependabotAlerts, evidence }),
  });
  // Computed figures are refreshed; what a person wrote and the scorecard cannot compute is kept.
  const scorecard = keepHandWritten(withServices(composed, perService), previous, { teamRecorded: team !== undefined });
  // What we write passes our own validation: the tests check it (the schema is not run again here,
  // where its compilation alone cost a tenth of a second of every scorecard).
  const json = JSON.stringify(scorecard, null, 2) + "\n";
  return {
    scorecard,
    dora,
    deploymentSource: {
      upToNow: upToNow.length,
      afterNow: deployments.length - upToNow.length,
      notes: [...notes, ...(dora.notes ?? [])],
    },
    // The template `init` wrote is no scorecard to compare with.
    ...(previous && !neverComputed(previous) ? { previous } : {}),
    data: { ...(techStack ? { techStack } : {}), ...(techDebt ? { techDebt } : {}), ...(roadmap ? { roadmap } : {}) },
    files: {
      [dataFiles.engineering_scorecard]: json,
      [snapshotPath(layout, scorecard.generatedAt.slice(0, 10))]: json,
      ...(promises.decisionLog ? { [promises.decisionLog.path]: promises.decisionLog.text } : {}),
    },
    head,
    incidentsInWindow: incidents.filter(
      (incident) => incident.started > windowStart && incident.started <= now.getTime(),
    ).length,
  };
}

/**
 * What the post-mortems and ADRs promise (`readPromises`), read only when their directories hold
 * something: without a file there is no promise and no decision log, and the Markdown parser the
 * records need is not loaded.
 */
async function readPromisesIfAny(
  view: ScorecardContext["view"],
  headSha: string,
  layout: DataLayout,
  now: Date,
  contents: RepositoryContents,
): Promise<Awaited<ReturnType<typeof readPromises>>> {
  const listed = [layout.incidents, layout.adrs].some(
    (directory) => (contents.directories.get(directory) ?? []).length > 0,
  );
  if (!listed) return {};
  const { readPromises: read } = await import("./keep-decision-log.js");
  return read(view, headSha, layout, now, contents);
}

/** The security facts the scorecard judges: the files at the head, and what GitHub said (when it could). */
function securityFacts(
  data: { securityPolicy: boolean; dependabotConfig: boolean },
  read: {
    branchProtection: boolean | undefined;
    openDependabotAlerts: number | undefined;
    evidence: Awaited<ReturnType<typeof readSecurityEvidence>>;
  },
) {
  return {
    securityPolicy: data.securityPolicy,
    dependabotConfig: data.dependabotConfig,
    ...(read.branchProtection !== undefined ? { branchProtection: read.branchProtection } : {}),
    ...(read.openDependabotAlerts !== undefined ? { openDependabotAlerts: read.openDependabotAlerts } : {}),
    evidence: read.evidence,
  };
}

/** What the CTO sync read of a run rests on: the scorecard, the one it replaces, DORA, the open debt, the stack and the roadmap. */
export function syncInputsOf(run: ScorecardRun): SyncInputs {
  return {
    scorecard: run.scorecard,
    ...(run.previous ? { previous: run.previous } : {}),
    dora: run.dora,
    ...(run.data.techDebt ? { debtItems: run.data.techDebt.items.filter((item) => item.resolvedAt === null) } : {}),
    ...(run.data.techStack ? { stack: run.data.techStack } : {}),
    ...(run.data.roadmap ? { roadmap: run.data.roadmap } : {}),
  };
}

export type WriteOutcome =
  ({ status: "committed"; attempts: number } & FileWriteResult) | { status: "skipped"; reason: string };

export interface WriteScorecardOptions {
  /** `push` onto `branch`, a `pull-request` from the bot branch, or `none` (the summary only). */
  mode: Config["scorecard"]["commit"];
  branch: string;
  /** The bot branch of `pull-request` mode. */
  botBranch: string;
  /** Computes the scorecard again from the branch's new head, after someone else committed. */
  recompute: () => Promise<ScorecardRun>;
  maxAttempts?: number;
}

const commitMessage = (run: ScorecardRun) =>
  `chore(scorecard): engineering scorecard ${run.scorecard.generatedAt.slice(0, 10)}`;

/**
 * Writes the scorecard and its snapshot together, never forcing a ref: when the branch moved
 * since it was read, the publisher refuses, and the scorecard is computed again from the new
 * head and written again (up to `maxAttempts`).
 */
export async function writeScorecard(
  context: { publish: FilePublisher; log: Logger },
  run: ScorecardRun,
  options: WriteScorecardOptions,
): Promise<WriteOutcome> {
  if (options.mode === "none") return { status: "skipped", reason: "scorecard.commit is none" };
  const maxAttempts = options.maxAttempts ?? 3;
  let current = run;
  for (let attempt = 1; ; attempt++) {
    try {
      const date = current.scorecard.generatedAt.slice(0, 10);
      const result = await context.publish.writeFiles({
        branch: options.branch,
        head: current.head,
        files: current.files,
        message: commitMessage(current),
        via:
          options.mode === "push"
            ? { kind: "push" }
            : {
                kind: "pull-request",
                branch: options.botBranch,
                title: `Engineering scorecard ${date}`,
                body: "CTO Co-Pilot computed the engineering scorecard (DORA metrics, tech debt, infrastructure, security, team). Each status in the file says why. Merge to record it; the next run updates this pull request.",
              },
      });
      return { status: "committed", attempts: attempt, ...result };
    } catch (error) {
      if (!(error instanceof StaleBranchError) || attempt >= maxAttempts) throw error;
      context.log.warn(`${error.message}; reading again (attempt ${attempt + 1} of ${maxAttempts})`);
      current = await options.recompute();
    }
  }
}

/** Incidents from post-mortem files, and from issues with the incident label: each once (its post-mortem when there is one). */
async function readIncidents(
  view: ScorecardContext["view"],
  headSha: string,
  contents: RepositoryContents,
  layout: DataLayout,
  label: string,
  windowStart: number,
): Promise<IncidentEvent[]> {
  const postMortems = recordFilesIn(
    (contents.directories.get(layout.incidents) ?? []).map((name) => `${layout.incidents}/${name}`),
    [layout.incidents],
  );
  // Without post-mortems the issues are the incidents; the post-mortem reader (and the Markdown
  // parser under it) loads only when there are some.
  if (postMortems.length === 0) return view.listIncidentIssues(label, windowStart);
  const { incidentFromPostMortem, mergeIncidents } = await import("../incidents/incident-event.js");
  const texts = await view.readContents(headSha, { files: postMortems });
  const written: IncidentEvent[] = [];
  for (const path of postMortems) {
    const text = texts.files.get(path)?.text;
    const incident = text ? incidentFromPostMortem(path, text) : undefined;
    if (incident) written.push(incident);
  }
  return mergeIncidents(written, await view.listIncidentIssues(label, windowStart));
}

/** What the scorecard is composed from: the data files (parsed), and whether the security files are there. */
interface ScorecardData {
  team?: Team;
  previous?: Scorecard;
  techStack?: TechStack;
  techDebt?: TechDebt;
  infraCosts?: InfraCosts;
  cfoForecast?: Record<string, unknown>;
  roadmap?: Roadmap;
  securityPolicy: boolean;
  dependabotConfig: boolean;
}

/**
 * The data files, parsed against their schemas (an invalid one is left out with a warning:
 * validation says why). The schemas, and the library under them, load only when one of the files
 * is there: a repository without data files is scored without them.
 */
async function parseDataFilesIfAny(
  contents: RepositoryContents,
  dataFiles: Record<FixedJsonKind, string>,
  log: Logger,
): Promise<ScorecardData> {
  const text = (path: string) => contents.files.get(path)?.text ?? undefined;
  const security = {
    securityPolicy: securityPolicyPaths.some((path) => Boolean(text(path))),
    dependabotConfig: dependabotConfigPaths.some((path) => Boolean(text(path))),
  };
  if (![...Object.values(dataFiles), cfoForecastPath, roadmapPath].some((path) => Boolean(text(path)))) return security;
  const { parseDataFiles } = await import("./parse-data-files.js");
  return { ...parseDataFiles(contents, dataFiles, log), ...security };
}

/** In parallel: the deployments of the configured source, the data and security files at the head, protection and alerts. */
async function readAtHead(
  view: ScorecardContext["view"],
  config: Config,
  at: { branch: string; headSha: string; since: number; files: readonly string[] },
) {
  const layout = dataLayoutOf(config);
  const [deploymentRead, contents, branchProtection, openDependabotAlerts] = await Promise.all([
    view.readDeployments({
      source: config.dora.source,
      environment: config.dora.environment,
      tagPattern: config.dora.tagPattern,
      workflow: config.dora.workflow,
      branch: at.branch,
      since: at.since,
    }),
    view.readContents(at.headSha, {
      files: [
        ...at.files,
        cfoForecastPath,
        roadmapPath,
        ...securityPolicyPaths,
        ...dependabotConfigPaths,
        ...securityEvidenceRequest.files,
      ],
      directories: [layout.incidents, layout.adrs, ...securityEvidenceRequest.directories],
    }),
    view.readBranchProtection(at.branch),
    view.countOpenDependabotAlerts(),
  ]);
  return { deploymentRead, contents, branchProtection, openDependabotAlerts };
}
