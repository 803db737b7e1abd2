import { configPath } from "../config/resolve-config.js";
import type { ShardResult } from "../org/merge-shards.js";
import {
  planFingerprint,
  planShards,
  selectRepositories,
  type OrgFilters,
  type OrgPlan,
  type OrgRepository,
} from "../org/plan-shards.js";
import type { Logger } from "../ports/logger.js";
import type { OrgView } from "../ports/org-view.js";
import type { Config } from "../schemas/config.js";
import type { OrgRepositoryResult } from "../schemas/org-scorecard.js";
import { computeScorecard, type ScorecardRun } from "./compute-scorecard.js";
import { loadConfig } from "./load-config.js";

const day = 86_400_000;

export interface ScoreShardOptions {
  organization: string;
  /** This shard of the plan, 1-based (`1/1`: every selected repository). */
  shard: { index: number; count: number };
  filters?: OrgFilters;
  /** One window for every repository, so their figures compare (their own `dora.windowDays` is not used). */
  windowDays: number;
  /** The run's time, which the window ends on the UTC day of (default: the plan's, else the clock). Every shard of a run gets the same one. */
  asOf?: Date;
  /** The run's plan (`planOrganization`): no listing, and the same repositories in every shard and rerun. */
  plan?: OrgPlan;
  /** Repositories scored at once (default 100): their reads of one step go out merged. */
  concurrency?: number;
}

export interface OrgContext {
  org: OrgView;
  log: Logger;
  now: () => Date;
}

/**
 * The window every shard of a run shares: the `windowDays` days up to the start of today (UTC),
 * so shards that start minutes apart, and a shard rerun the same day, score the same window.
 */
export function orgWindow(now: Date, windowDays: number): ShardResult["window"] {
  const end = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
  return { start: iso(end - windowDays * day), end: iso(end), days: windowDays };
}

/** One repository's line of the organisation scorecard, from its scorecard run. */
export function orgResultOf(fullName: string, run: ScorecardRun): OrgRepositoryResult {
  const { dora, scorecard } = run;
  const tier = (value: string | null) => (value ?? "unknown") as "elite" | "high" | "medium" | "low" | "unknown";
  return {
    fullName,
    outcome: "scored",
    dora: {
      deploymentsPerWeek: {
        value: dora.deploymentFrequency.perWeek,
        tier: tier(dora.deploymentFrequency.tier),
        status: scorecard.health.deploymentFrequency.status,
      },
      leadTimeHours: {
        value: dora.leadTimeForChanges.medianHours,
        tier: tier(dora.leadTimeForChanges.tier),
        status: scorecard.health.leadTime.status,
      },
      changeFailureRate: {
        value: dora.changeFailureRate.rate,
        tier: tier(dora.changeFailureRate.tier),
        status: scorecard.health.changeFailureRate.status,
      },
      timeToRestoreHours: {
        value: dora.timeToRestore.medianHours,
        tier: tier(dora.timeToRestore.tier),
        status: scorecard.health.mttr.status,
      },
    },
    ...(run.data.techDebt
      ? { debt: { open: scorecard.techDebt.totalItems, critical: scorecard.techDebt.criticalItems } }
      : {}),
    incidents: run.incidentsInWindow,
  };
}

/** An error that is about the whole run, not one repository: the shard fails, to be rerun. */
export class RunFailure extends Error {}

/**
 * Why a repository could not be scored, in one line a reader understands; or, for a failure of
 * the run itself (token expired, rate limit given up on, GitHub down), a `RunFailure`: reporting
 * every remaining repository "unreadable" would publish a scorecard of nothing, and a failed
 * shard is rerun.
 */
export function unreadableReason(error: unknown): string {
  const failure = error as {
    status?: number;
    message?: string;
    errors?: { type?: string; message?: string }[];
    request?: { method?: string; url?: string };
  };
  const message = String(failure.message ?? error).split("\n")[0]!;
  if (Array.isArray(failure.errors)) {
    const [first] = failure.errors;
    if (failure.errors.some((e) => e.type === "RATE_LIMITED")) throw new RunFailure(first?.message ?? message);
    if (first?.type === "NOT_FOUND") return "not readable: no access, deleted or renamed";
    if (first?.type === "FORBIDDEN") return `no access: ${first.message ?? message}`;
    return `GitHub refused a read: ${first?.message ?? message}`;
  }
  if (typeof failure.status === "number") {
    const path = failure.request?.url?.replace(/^[a-z]+:\/\/[^/]+/i, "").replace(/\?.*$/, "");
    const where = path ? ` on ${failure.request?.method ?? "GET"} ${path}` : "";
    if (failure.status === 404)
      return `not found${where} (a configured workflow or branch that does not exist, or no access)`;
    if (failure.status === 409) return "empty: no commits on its default branch";
    if (failure.status === 403 && !/rate limit/i.test(message)) return `no access${where}: ${message}`;
    if (failure.status === 422) return `GitHub refused a read${where}: ${message}`;
    throw new RunFailure(`${message} (HTTP ${failure.status}${where})`);
  }
  if (/rate limit/i.test(message)) throw new RunFailure(message);
  if (/an empty repository has none/.test(message)) return "empty: no commits on its default branch";
  return message.slice(0, 300);
}

/** Runs `work` over `items` with at most `limit` at once, keeping the order of the results. */
async function inPool<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Lists the organisation's repositories and selects those to score: the plan every shard deals from. */
export async function planOrganization(
  context: OrgContext,
  options: { organization: string; filters?: OrgFilters },
): Promise<OrgPlan> {
  const listing = await context.org.listRepositories(options.organization);
  const { selected, skipped } = selectRepositories(listing, options.filters);
  return {
    organization: options.organization,
    asOf: context
      .now()
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z"),
    selected: selected.map((repo) => ({
      fullName: repo.fullName,
      ...(repo.defaultBranch ? { defaultBranch: repo.defaultBranch } : {}),
    })),
    skipped,
  };
}

/**
 * Scores one shard of an organisation: takes the run's plan (or makes it: lists the repositories
 * and selects, as every shard would), deals the shards, then runs the repository scorecard of each repository of this shard over the
 * organisation's view, all at once (so each step's reads of many repositories go out together).
 * A repository that cannot be read is reported with why; it never fails the shard.
 */
export async function scoreShard(context: OrgContext, options: ScoreShardOptions): Promise<ShardResult> {
  // When this shard read GitHub (the clock: a rerun's reading is the newer one), and the window it scored.
  const readAt = context.now();
  const plan =
    options.plan ?? (await planOrganization(context, { organization: options.organization, filters: options.filters }));
  if (plan.organization.toLowerCase() !== options.organization.toLowerCase())
    throw new Error(`the plan is of ${plan.organization}, not ${options.organization}`);
  const window = orgWindow(options.asOf ?? (options.plan ? new Date(plan.asOf) : readAt), options.windowDays);
  const selected: OrgRepository[] = plan.selected.map((repo) => ({
    ...repo,
    archived: false,
    fork: false,
    topics: [],
  }));
  const { skipped } = plan;
  const mine = planShards(selected, options.shard.count)[options.shard.index - 1]!;
  context.log.info(
    `${options.organization}: ${selected.length} repositories selected (${skipped.length} left out); shard ${options.shard.index}/${options.shard.count} scores ${mine.length}`,
  );
  const repositories = await inPool(mine, options.concurrency ?? 100, async (repo): Promise<OrgRepositoryResult> => {
    const view = context.org.repository(repo.fullName);
    try {
      const loaded = await loadConfig(view, "HEAD", configPath);
      if (!loaded.resolved.valid)
        return {
          fullName: repo.fullName,
          outcome: "unreadable",
          reason: `its ${configPath} is not valid: run \`cto-copilot validate\` there`,
        };
      const config: Config = {
        ...loaded.resolved.config,
        dora: { ...loaded.resolved.config.dora, windowDays: options.windowDays },
      };
      const log = prefixed(context.log, repo.fullName);
      const run = await computeScorecard(
        { view, log, now: () => new Date(window.end) },
        config,
        repo.defaultBranch ?? "main",
      );
      return orgResultOf(repo.fullName, run);
    } catch (error) {
      // A failure of the run itself is thrown from here, and fails the shard.
      const reason = unreadableReason(error);
      context.log.warn(`${repo.fullName}: ${reason}`);
      return { fullName: repo.fullName, outcome: "unreadable", reason };
    }
  });
  return {
    organization: options.organization,
    window,
    readAt: readAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
    shard: options.shard,
    plan: { repositories: selected.length, fingerprint: planFingerprint(selected) },
    repositories,
    skipped,
  };
}

function prefixed(log: Logger, name: string): Logger {
  return {
    debug: (message) => log.debug(`${name}: ${message}`),
    info: (message) => log.info(`${name}: ${message}`),
    warn: (message) => log.warn(`${name}: ${message}`),
    error: (message) => log.error(`${name}: ${message}`),
  };
}
