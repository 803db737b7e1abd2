import { createHash } from "node:crypto";
import picomatch from "picomatch";
import * as z from "zod";
import { globProblem } from "../schemas/glob.js";
import { checkedJson } from "../schemas/parse-data.js";

/**
 * The organisation scorecard's planner (issue 16, first part): which repositories of an
 * organisation are scored, and how they are split over the shards of an Actions matrix. Pure and
 * deterministic: every shard of a run computes the same plan from the same listing, so a rerun
 * of one failed shard scores exactly the repositories it scored the first time.
 */

/** A repository as the organisation listing gives it. */
export interface OrgRepository {
  /** `owner/name`. */
  fullName: string;
  archived: boolean;
  fork: boolean;
  topics: readonly string[];
  /** The branch scored (the repository's default branch). */
  defaultBranch?: string;
  /** What scoring it is expected to cost, in any unit (default 1): e.g. deployments in the window. */
  weight?: number;
}

export interface OrgFilters {
  /** Only repositories with at least one of these topics. */
  topics?: readonly string[];
  /** Globs over the repository name (not the owner), e.g. `service-*`; empty: every name. */
  include?: readonly string[];
  exclude?: readonly string[];
  /** Exactly these names (the other filters still apply to archived and forks unless asked). */
  repositories?: readonly string[];
  includeArchived?: boolean;
  includeForks?: boolean;
}

export interface Selection {
  selected: OrgRepository[];
  /** Every repository left out, with why (shown in the merged result). */
  skipped: { fullName: string; reason: string }[];
}

const nameOf = (fullName: string) => fullName.slice(fullName.indexOf("/") + 1);

/** The repositories to score, sorted by name, and the others with the reason each was left out. */
export function selectRepositories(all: readonly OrgRepository[], filters: OrgFilters = {}): Selection {
  for (const glob of [...(filters.include ?? []), ...(filters.exclude ?? [])]) {
    const problem = globProblem(glob);
    if (problem) throw new Error(`repository glob "${glob}" ${problem}`);
  }
  const included = (filters.include ?? []).length > 0 ? picomatch([...filters.include!], { nocase: true }) : () => true;
  const excluded =
    (filters.exclude ?? []).length > 0 ? picomatch([...filters.exclude!], { nocase: true }) : () => false;
  const named = filters.repositories ? new Set(filters.repositories.map((name) => name.toLowerCase())) : undefined;
  const topics = filters.topics ? new Set(filters.topics.map((topic) => topic.toLowerCase())) : undefined;
  const selected: OrgRepository[] = [];
  const skipped: Selection["skipped"] = [];
  for (const repo of [...all].sort((a, b) => a.fullName.localeCompare(b.fullName))) {
    const name = nameOf(repo.fullName);
    const reason =
      named && !named.has(name.toLowerCase()) && !named.has(repo.fullName.toLowerCase())
        ? "not in the repositories list"
        : name === ".github" && !named
          ? "the organisation's .github repository (its defaults, not a product)"
          : repo.archived && !filters.includeArchived
            ? "archived"
            : repo.fork && !filters.includeForks
              ? "a fork"
              : !included(name)
                ? "not matched by include"
                : excluded(name)
                  ? "matched by exclude"
                  : topics && !repo.topics.some((topic) => topics.has(topic.toLowerCase()))
                    ? `none of the topics ${[...topics].join(", ")}`
                    : undefined;
    if (reason) skipped.push({ fullName: repo.fullName, reason });
    else selected.push(repo);
  }
  return { selected, skipped };
}

/** At most this many shards: a GitHub Actions matrix runs at most 256 jobs. */
export const maxShards = 256;

/** `i/n` as the matrix passes it (1-based), with a clear error otherwise. */
export function parseShard(spec: string): { index: number; count: number } {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = match ? Number(match[1]) : Number.NaN;
  const count = match ? Number(match[2]) : Number.NaN;
  if (!match || count < 1 || index < 1 || index > count)
    throw new Error(`shard must be "i/n" with 1 <= i <= n (e.g. 2/10), not "${spec}"`);
  if (count > maxShards)
    throw new Error(`at most ${maxShards} shards (a matrix runs at most ${maxShards} jobs), not "${spec}"`);
  return { index, count };
}

/**
 * Shards of similar cost: heaviest repositories first, each to the lightest shard so far (ties:
 * the lower shard, then the name), which keeps the heaviest shard within one repository's weight
 * of the average. Repositories keep name order inside a shard.
 */
export function planShards(repositories: readonly OrgRepository[], count: number): OrgRepository[][] {
  if (!Number.isInteger(count) || count < 1)
    throw new Error(`the number of shards must be a whole number of at least 1, not ${count}`);
  const weight = (repo: OrgRepository) => Math.max(0, repo.weight ?? 1);
  const order = [...repositories].sort((a, b) => weight(b) - weight(a) || a.fullName.localeCompare(b.fullName));
  const shards = Array.from({ length: count }, () => ({ total: 0, repositories: [] as OrgRepository[] }));
  for (const repo of order) {
    let lightest = shards[0]!;
    for (const shard of shards) if (shard.total < lightest.total) lightest = shard;
    lightest.repositories.push(repo);
    lightest.total += weight(repo);
  }
  return shards.map((shard) => shard.repositories.sort((a, b) => a.fullName.localeCompare(b.fullName)));
}

/**
 * The plan's identity: the selected repositories' names, hashed. Shards planned from different
 * listings (a repository created or archived between a run and a rerun) have different ones, and
 * the merge refuses them instead of counting a repository twice or not at all.
 */
export function planFingerprint(selected: readonly OrgRepository[]): string {
  const names = selected.map((repo) => repo.fullName.toLowerCase()).sort();
  return createHash("sha256").update(names.join("\n")).digest("hex").slice(0, 16);
}

/**
 * A run's plan, made once (Action `org-plan`) and handed to every shard as a job output: the
 * shards, and any of them rerun later, then score the same repositories over the same window
 * without listing the organisation again.
 */
const orgPlanSchema = z.strictObject({
  organization: z.string().min(1),
  /** The run's time: the window ends at the start of its UTC day. */
  asOf: z.iso.datetime(),
  selected: z.array(z.strictObject({ fullName: z.string().min(3), defaultBranch: z.string().min(1).optional() })),
  skipped: z.array(z.strictObject({ fullName: z.string(), reason: z.string() })),
});

export type OrgPlan = z.infer<typeof orgPlanSchema>;

/** Parses a plan as the `plan` input passes it, saying what is wrong. */
export function parseOrgPlan(text: string): OrgPlan {
  return checkedJson(orgPlanSchema, text, {
    notJson: 'the plan is not JSON (pass the org-plan step\'s "plan" output as it is)',
    notValid: "the plan is not an org-plan output",
  });
}
