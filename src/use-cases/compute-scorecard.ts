import { z } from "zod";
import { tiersWith } from "../dora/tiers.js";
import { computeDora, type DoraResult, type IncidentEvent } from "../dora/compute.js";
import { StaleBranchError, type BranchHead } from "../github/commit-files.js";
import { incidentFromPostMortem } from "../incidents/incident-event.js";
import { composeScorecard } from "../scorecard/compose.js";
import { dataDirOf, type Config } from "../schemas/config.js";
import { parseDataJson } from "../schemas/parse-data.js";
import { dependabotConfigPaths, securityPolicyPaths } from "../scorecard/security-files.js";
import { infraCostsSchema } from "../schemas/infra-costs.js";
import { scorecardSchema, type Scorecard } from "../schemas/scorecard.js";
import { teamSchema } from "../schemas/team.js";
import { techDebtSchema } from "../schemas/tech-debt.js";
import { techStackSchema } from "../schemas/tech-stack.js";
import type { UseCaseContext } from "./context.js";

const day = 86_400_000;
/** Commits older than the deployment before the window by more than this are not read. */
const historyMargin = 30 * day;

export interface ScorecardRun {
  scorecard: Scorecard;
  dora: DoraResult;
  /** The scorecard this one replaces, for trends. */
  previous?: Scorecard;
  /** Files to write: the live scorecard and the dated snapshot. */
  files: Record<string, string>;
  /** The branch head everything was read at: the commit is made on top of it. */
  head: BranchHead;
}

/**
 * Computes the scorecard for a repository from GitHub: deployments of the configured
 * environment (GraphQL, 100 per page, statuses included), the commit history the window
 * needs, incidents (post-mortem files, else issues with the incident label) and the data files
 * at the branch head.
 */
export async function computeScorecardFromGitHub(context: UseCaseContext, config: Config, branch: string, options: { explain?: boolean } = {}): Promise<ScorecardRun> {
  const { github } = context;
  if (config.dora.source === "workflow-runs" && !config.dora.workflow) {
    throw new Error('dora.source "workflow-runs" needs dora.workflow: the deploying workflow\'s file name (e.g. deploy.yml) or id');
  }
  const now = context.now();
  const windowStart = now.getTime() - config.dora.windowDays * day;
  const dataDir = dataDirOf(config);
  const head = await github.readBranchHead(branch);
  const [deployments, contents, branchProtection, openDependabotAlerts] = await Promise.all([
    config.dora.source === "releases"
      ? github.fetchReleaseDeployments(windowStart)
      : config.dora.source === "tags"
        ? github.fetchTagDeployments(config.dora.tagPattern, windowStart)
        : config.dora.source === "merges"
          ? github.fetchMergeDeployments(branch, windowStart)
          : config.dora.source === "workflow-runs"
            ? github.fetchWorkflowRunDeployments(config.dora.workflow!, branch, windowStart)
            : github.fetchDeployments(config.dora.environment, windowStart),
    github.readContents(head.sha, {
      files: ["tech_stack.json", "tech_debt.json", "infra_costs.json", "team.json", "engineering_scorecard.json"].map((name) => `${dataDir}/${name}`).concat(["data/cfo/latest_forecast.json", ...securityPolicyPaths, ...dependabotConfigPaths]),
      directories: [`${dataDir}/incidents`],
    }),
    github.readBranchProtection(branch),
    github.countOpenDependabotAlerts(),
  ]);

  // History from the newest deployment back to a margin before the last deployment ahead of the window.
  const successes = deployments.filter((deployment) => deployment.status === "success").sort((a, b) => b.time - a.time);
  const beforeWindow = successes.find((deployment) => deployment.time <= windowStart);
  const newest = successes[0];
  const commits = newest ? await github.fetchHistory(newest.sha, (beforeWindow?.time ?? windowStart) - historyMargin) : [];

  const incidentFiles = (contents.directories.get(`${dataDir}/incidents`) ?? []).filter((name) => /^incident_.*\.md$/.test(name)).map((name) => `${dataDir}/incidents/${name}`);
  let incidents: IncidentEvent[];
  if (incidentFiles.length > 0) {
    const texts = await github.readContents(head.sha, { files: incidentFiles });
    incidents = incidentFiles.flatMap((path) => {
      const text = texts.files.get(path)?.text;
      const incident = text ? incidentFromPostMortem(path, text) : undefined;
      return incident ? [incident] : [];
    });
  } else {
    incidents = await github.listIncidentIssues(config.incidents.label, windowStart);
  }

  const dora = computeDora({ source: config.dora.source, deployments, commits, incidents, now: now.getTime(), windowDays: config.dora.windowDays, hotfixPattern: config.dora.hotfixPattern, tiers: tiersWith(config.dora.tiers) });
  const text = (path: string) => contents.files.get(path)?.text ?? undefined;
  const scorecard = composeScorecard({
    now,
    dora,
    explain: options.explain ?? false,
    targets: config.scorecard.targets,
    techStack: parseDataJson(techStackSchema, text(`${dataDir}/tech_stack.json`)),
    techDebt: parseDataJson(techDebtSchema, text(`${dataDir}/tech_debt.json`)),
    infraCosts: parseDataJson(infraCostsSchema, text(`${dataDir}/infra_costs.json`)),
    team: parseDataJson(teamSchema, text(`${dataDir}/team.json`)),
    cfoForecast: parseDataJson(z.record(z.string(), z.unknown()), text("data/cfo/latest_forecast.json")),
    security: {
      securityPolicy: securityPolicyPaths.some((path) => Boolean(text(path))),
      dependabotConfig: dependabotConfigPaths.some((path) => Boolean(text(path))),
      ...(branchProtection !== undefined ? { branchProtection } : {}),
      ...(openDependabotAlerts !== undefined ? { openDependabotAlerts } : {}),
    },
  });
  scorecardSchema.parse(scorecard);
  const json = JSON.stringify(scorecard, null, 2) + "\n";
  const previous = parseDataJson(scorecardSchema, text(`${dataDir}/engineering_scorecard.json`));
  return {
    scorecard,
    dora,
    ...(previous ? { previous } : {}),
    files: { [`${dataDir}/engineering_scorecard.json`]: json, [`${dataDir}/scorecards/scorecard_${scorecard.generatedAt.slice(0, 10)}.json`]: json },
    head,
  };
}

export type WriteOutcome =
  | { status: "committed"; sha: string; attempts: number; branch: string; pullRequest?: { number: number; url: string; created: boolean } }
  | { status: "skipped"; reason: string };

const commitMessage = (run: ScorecardRun) => `chore(scorecard): engineering scorecard ${run.scorecard.generatedAt.slice(0, 10)}`;

/**
 * Writes the scorecard and its snapshot in one commit (git data API), never forcing a ref:
 * `push` commits on the default branch on top of the head everything was read at; when the
 * branch moved meanwhile GitHub refuses the update, and the scorecard is computed again from
 * the new head and written again. `pull-request` commits on the bot branch (created from the
 * default branch when missing, kept when someone pushed to it) and opens one pull request.
 */
export async function writeScorecard(context: UseCaseContext, config: Config, branch: string, run: ScorecardRun, recompute: () => Promise<ScorecardRun>, maxAttempts = 3): Promise<WriteOutcome> {
  const mode = config.scorecard.commit;
  if (mode === "none") return { status: "skipped", reason: "scorecard.commit is none" };
  const { github } = context;
  let current = run;
  for (let attempt = 1; ; attempt++) {
    try {
      if (mode === "push") {
        const sha = await github.commitFiles(branch, current.head, current.files, commitMessage(current));
        return { status: "committed", sha, attempts: attempt, branch };
      }
      const target = config.scorecard.branch;
      const state = await github.readBranchAndPullRequest(target);
      if (!state.branchSha) await github.createBranch(target, current.head.sha);
      const head = await github.readBranchHead(target);
      const sha = await github.commitFiles(target, head, current.files, commitMessage(current));
      const pullRequest = state.pullRequest
        ? { ...state.pullRequest, created: false }
        : {
            ...(await github.createPullRequest(state.repositoryId, {
              base: branch,
              head: target,
              title: `Engineering scorecard ${current.scorecard.generatedAt.slice(0, 10)}`,
              body: "CTO Co-Pilot computed the engineering scorecard (DORA metrics, tech debt, infrastructure, security, team). Each status in the file says why. Merge to record it; the next run updates this pull request.",
            })),
            created: true,
          };
      return { status: "committed", sha, attempts: attempt, branch: target, pullRequest };
    } catch (error) {
      if (!(error instanceof StaleBranchError) || attempt >= maxAttempts) throw error;
      context.log.warn(`${error.message}; reading again (attempt ${attempt + 1} of ${maxAttempts})`);
      current = await recompute();
    }
  }
}
