import * as z from "zod";
import { checkedJson } from "../schemas/parse-data.js";
import { maxShards } from "./plan-shards.js";
import {
  orgMetricNames,
  orgRepositoryResultSchema,
  orgWindowSchema,
  type Distribution,
  type OrgMetricName,
  type OrgScorecard,
} from "../schemas/org-scorecard.js";

/**
 * The organisation scorecard's merge (issue 16): shard results, as the matrix jobs upload them,
 * into one organisation view. Pure; shard files are read as untrusted input (checked with zod).
 */

const shardResultSchema = z.strictObject({
  organization: z.string().min(1),
  window: orgWindowSchema,
  readAt: z.iso.datetime(),
  // Bounded before anything is allocated for it: a matrix runs at most 256 jobs.
  shard: z
    .strictObject({ index: z.int().min(1).max(maxShards), count: z.int().min(1).max(maxShards) })
    .refine((shard) => shard.index <= shard.count, { message: "the shard index is above the shard count" }),
  /** The plan the shard was cut from: how many repositories were selected, and their names' fingerprint. */
  plan: z.strictObject({ repositories: z.int().min(0), fingerprint: z.string().min(1) }).optional(),
  repositories: z.array(orgRepositoryResultSchema),
  /** Repositories the filters left out, with why (every shard sees the same). */
  skipped: z.array(z.strictObject({ fullName: z.string(), reason: z.string() })).optional(),
});

export type ShardResult = z.infer<typeof shardResultSchema>;

/** A percentile by linear interpolation between the closest ranks. */
function percentile(sorted: readonly number[], share: number): number | null {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * share;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}

/** Parses one shard file, saying which and where it is wrong. */
export function parseShardResult(name: string, text: string): ShardResult {
  return checkedJson(shardResultSchema, text, {
    notJson: `${name} is not JSON`,
    notValid: `${name} is not a shard result`,
  });
}

/**
 * Merges shard results. Refuses shards of different organisations, windows or shard counts, a
 * missing shard, and a shard listing a repository of another owner (a shard file is an artifact
 * anyone who can run a workflow can upload: it may only speak of the organisation merged); a
 * shard uploaded twice (a rerun) counts once, the newer reading; a repository listed by two
 * shards counts once (the lower shard's) and is reported through `report`. So a rerun of one
 * failed shard, merged, gives what a clean run gives.
 */
export function mergeShards(results: readonly ShardResult[], report: (note: string) => void = () => {}): OrgScorecard {
  if (results.length === 0) throw new Error("no shard results to merge");
  const [first] = results;
  for (const result of results) checkSamePlan(first!, result);
  const byShard = new Map<number, ShardResult>();
  for (const result of results) {
    const known = byShard.get(result.shard.index);
    if (!known || known.readAt < result.readAt) byShard.set(result.shard.index, result);
  }
  const missing = Array.from({ length: first!.shard.count }, (_, i) => i + 1).filter((index) => !byShard.has(index));
  if (missing.length > 0)
    throw new Error(`shard ${missing.join(", ")} of ${first!.shard.count} is missing: rerun it, then merge`);
  return scorecardOf(
    first!,
    [...byShard.values()].sort((a, b) => a.shard.index - b.shard.index),
    report,
  );
}

/** Every shard must come from one plan: one organisation, one window, one shard count, one listing. */
function checkSamePlan(first: ShardResult, result: ShardResult): void {
  if (result.organization !== first.organization)
    throw new Error(`shards of different organisations: ${first.organization} and ${result.organization}`);
  if (result.window.start !== first.window.start || result.window.end !== first.window.end)
    throw new Error(
      `shards of different windows: ${first.window.start}..${first.window.end} and ${result.window.start}..${result.window.end}: run every shard with the same now`,
    );
  if (result.shard.count !== first.shard.count)
    throw new Error(`shards of different plans: ${first.shard.count} and ${result.shard.count} shards`);
  if (result.plan && first.plan && result.plan.fingerprint !== first.plan.fingerprint)
    throw new Error(
      `shards planned from different repository listings (${first.plan.repositories} and ${result.plan.repositories} repositories selected; a repository was created, archived or renamed between the runs): rerun every shard`,
    );
  const owner = `${result.organization.toLowerCase()}/`;
  const outside = [...result.repositories, ...(result.skipped ?? [])].find(
    (repo) => !repo.fullName.toLowerCase().startsWith(owner),
  );
  if (outside)
    throw new Error(
      `shard ${result.shard.index} of ${result.shard.count} lists ${outside.fullName}, which is not a repository of ${result.organization}: a shard may only list the organisation's repositories`,
    );
}

/** Each repository once (the lowest shard listing it); a repository listed again is reported. */
function uniqueRepositories(shards: readonly ShardResult[], report: (note: string) => void) {
  const seen = new Map<string, number>();
  const repositories = [];
  for (const shard of shards)
    for (const repo of shard.repositories) {
      const key = repo.fullName.toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, shard.shard.index);
        repositories.push(repo);
      } else report(`${repo.fullName} is listed by shards ${first} and ${shard.shard.index}: counted once`);
    }
  return repositories;
}

function scorecardOf(first: ShardResult, shards: readonly ShardResult[], report: (note: string) => void): OrgScorecard {
  const repositories = uniqueRepositories(shards, report).sort((a, b) => a.fullName.localeCompare(b.fullName));
  const scored = repositories.filter((repo) => repo.outcome === "scored");
  const distributions = Object.fromEntries(
    orgMetricNames.map((name) => {
      const values = scored
        .map((repo) => repo.dora?.[name].value)
        .filter((value): value is number => typeof value === "number")
        .sort((a, b) => a - b);
      const tiers = { elite: 0, high: 0, medium: 0, low: 0, unknown: 0 };
      for (const repo of scored) tiers[repo.dora?.[name].tier ?? "unknown"]++;
      return [
        name,
        {
          samples: values.length,
          p25: percentile(values, 0.25),
          median: percentile(values, 0.5),
          p75: percentile(values, 0.75),
          tiers,
        },
      ];
    }),
  ) as Record<OrgMetricName, Distribution>;
  const needsAttention = scored
    .map((repo) => {
      const statuses = orgMetricNames.map((name) => repo.dora?.[name].status ?? "unknown");
      return {
        fullName: repo.fullName,
        red: statuses.filter((value) => value === "red").length,
        yellow: statuses.filter((value) => value === "yellow").length,
      };
    })
    .filter((repo) => repo.red > 0 || repo.yellow > 0)
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.fullName.localeCompare(b.fullName));
  return {
    organization: first.organization,
    skipped: shards.find((result) => result.skipped)?.skipped ?? [],
    window: first.window,
    readAt: shards.map((result) => result.readAt).sort()[0]!,
    shards: first.shard.count,
    repositories,
    distributions,
    needsAttention,
    totals: {
      scored: scored.length,
      unreadable: repositories.length - scored.length,
      openDebt: scored.reduce((sum, repo) => sum + (repo.debt?.open ?? 0), 0),
      criticalDebt: scored.reduce((sum, repo) => sum + (repo.debt?.critical ?? 0), 0),
      incidents: scored.reduce((sum, repo) => sum + (repo.incidents ?? 0), 0),
    },
  };
}
