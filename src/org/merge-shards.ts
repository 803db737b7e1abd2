import { z } from "zod";

/**
 * The organisation scorecard's merge (issue 16): shard results, as the matrix jobs upload them,
 * into one organisation view. Pure; shard files are read as untrusted input (checked with zod).
 */

const tier = z.enum(["elite", "high", "medium", "low", "unknown"]);
const status = z.enum(["green", "yellow", "red", "unknown"]);
const metric = z.strictObject({ value: z.number().nullable(), tier, status });

export const orgRepositoryResultSchema = z.strictObject({
  fullName: z.string().min(3),
  outcome: z.enum(["scored", "unreadable"]),
  reason: z.string().optional(),
  dora: z
    .strictObject({
      deploymentsPerWeek: metric,
      leadTimeHours: metric,
      changeFailureRate: metric,
      timeToRestoreHours: metric,
    })
    .optional(),
  debt: z.strictObject({ open: z.int().min(0), critical: z.int().min(0) }).optional(),
  incidents: z.int().min(0).optional(),
});

export const shardResultSchema = z.strictObject({
  organization: z.string().min(1),
  window: z.strictObject({ start: z.iso.datetime(), end: z.iso.datetime(), days: z.int().min(1) }),
  readAt: z.iso.datetime(),
  shard: z.strictObject({ index: z.int().min(1), count: z.int().min(1) }),
  repositories: z.array(orgRepositoryResultSchema),
});

export type ShardResult = z.infer<typeof shardResultSchema>;
export type OrgRepositoryResult = z.infer<typeof orgRepositoryResultSchema>;
type MetricName = keyof NonNullable<OrgRepositoryResult["dora"]>;
const metricNames: MetricName[] = ["deploymentsPerWeek", "leadTimeHours", "changeFailureRate", "timeToRestoreHours"];

export interface Distribution {
  /** Repositories with a value. */
  samples: number;
  p25: number | null;
  median: number | null;
  p75: number | null;
  tiers: Record<z.infer<typeof tier>, number>;
}

export interface OrgScorecard {
  organization: string;
  window: ShardResult["window"];
  /** The oldest shard's reading time: the figures are at least this fresh. */
  readAt: string;
  shards: number;
  repositories: OrgRepositoryResult[];
  distributions: Record<MetricName, Distribution>;
  /** Scored repositories with red statuses, most reds first (then most yellows, then name). */
  needsAttention: { fullName: string; red: number; yellow: number }[];
  totals: { scored: number; unreadable: number; openDebt: number; criticalDebt: number; incidents: number };
}

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
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${name} is not JSON: ${(error as Error).message}`);
  }
  const parsed = shardResultSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${name} is not a shard result: ${issue.path.join(".") || "(top)"}: ${issue.message}`);
  }
  return parsed.data;
}

/**
 * Merges shard results. Refuses shards of different organisations, windows or shard counts, and
 * a missing shard; a shard uploaded twice (a rerun) counts once, the newer reading. So a rerun of
 * one failed shard, merged, gives what a clean run gives.
 */
export function mergeShards(results: readonly ShardResult[]): OrgScorecard {
  if (results.length === 0) throw new Error("no shard results to merge");
  const [first] = results;
  for (const result of results) {
    if (result.organization !== first!.organization)
      throw new Error(`shards of different organisations: ${first!.organization} and ${result.organization}`);
    if (result.window.start !== first!.window.start || result.window.end !== first!.window.end)
      throw new Error(
        `shards of different windows: ${first!.window.start}..${first!.window.end} and ${result.window.start}..${result.window.end}: run every shard with the same now`,
      );
    if (result.shard.count !== first!.shard.count)
      throw new Error(`shards of different plans: ${first!.shard.count} and ${result.shard.count} shards`);
  }
  const byShard = new Map<number, ShardResult>();
  for (const result of results) {
    const known = byShard.get(result.shard.index);
    if (!known || known.readAt < result.readAt) byShard.set(result.shard.index, result);
  }
  const missing = Array.from({ length: first!.shard.count }, (_, i) => i + 1).filter((index) => !byShard.has(index));
  if (missing.length > 0)
    throw new Error(`shard ${missing.join(", ")} of ${first!.shard.count} is missing: rerun it, then merge`);

  const repositories = [...byShard.values()]
    .flatMap((result) => result.repositories)
    .sort((a, b) => a.fullName.localeCompare(b.fullName));
  const scored = repositories.filter((repo) => repo.outcome === "scored");
  const distributions = Object.fromEntries(
    metricNames.map((name) => {
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
  ) as Record<MetricName, Distribution>;
  const needsAttention = scored
    .map((repo) => {
      const statuses = metricNames.map((name) => repo.dora?.[name].status ?? "unknown");
      return {
        fullName: repo.fullName,
        red: statuses.filter((value) => value === "red").length,
        yellow: statuses.filter((value) => value === "yellow").length,
      };
    })
    .filter((repo) => repo.red > 0 || repo.yellow > 0)
    .sort((a, b) => b.red - a.red || b.yellow - a.yellow || a.fullName.localeCompare(b.fullName));
  return {
    organization: first!.organization,
    window: first!.window,
    readAt: [...byShard.values()].map((result) => result.readAt).sort()[0]!,
    shards: first!.shard.count,
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
