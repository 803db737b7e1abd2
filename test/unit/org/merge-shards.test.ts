import { describe, expect, it } from "@jest/globals";
import { mergeShards, parseShardResult, type ShardResult } from "../../../src/org/merge-shards.js";
import type { OrgRepositoryResult } from "../../../src/schemas/org-scorecard.js";
import { planFingerprint, planShards, type OrgRepository } from "../../../src/org/plan-shards.js";

const window = { start: "2025-08-03T00:00:00Z", end: "2025-11-01T00:00:00Z", days: 90 };
const tiers = ["elite", "high", "medium", "low"] as const;

/** A repository's result as a shard would write it: figures varied the way an organisation's are. */
function resultOf(fullName: string, i: number): OrgRepositoryResult {
  if (i % 17 === 5) return { fullName, outcome: "unreadable", reason: "not readable (no access, deleted or renamed)" };
  const metric = (value: number | null, t: number) => ({
    value,
    tier: value === null ? ("unknown" as const) : tiers[t % 4]!,
    status:
      value === null
        ? ("unknown" as const)
        : t % 4 === 3
          ? ("red" as const)
          : t % 4 === 2
            ? ("yellow" as const)
            : ("green" as const),
  });
  return {
    fullName,
    outcome: "scored",
    dora: {
      deploymentsPerWeek: metric(i % 9 === 0 ? null : (i % 7) + 0.5, i),
      leadTimeHours: metric((i * 13) % 200, i + 1),
      changeFailureRate: metric(((i * 7) % 40) / 100, i + 2),
      timeToRestoreHours: metric(i % 5 === 0 ? null : (i % 11) * 2, i + 3),
    },
    debt: { open: i % 6, critical: i % 3 === 0 ? 1 : 0 },
    incidents: i % 4,
  };
}

const repositories: OrgRepository[] = Array.from({ length: 60 }, (_, i) => ({
  fullName: `acme/svc-${String(i).padStart(2, "0")}`,
  archived: false,
  fork: false,
  topics: [],
  weight: ((i * 31) % 40) + 1,
}));
const resultFor = new Map(repositories.map((repo, i) => [repo.fullName, resultOf(repo.fullName, i)]));

function shardFiles(count: number, readAt = "2025-11-01T06:00:00Z"): ShardResult[] {
  return planShards(repositories, count).map((shard, index) => ({
    organization: "acme",
    window,
    readAt,
    shard: { index: index + 1, count },
    repositories: shard.map((repo) => resultFor.get(repo.fullName)!),
  }));
}

describe("merging the organisation's shard results", () => {
  it("three shards merge to what one unsharded run gives", () => {
    const merged = mergeShards(shardFiles(3));
    const single = mergeShards(shardFiles(1));
    expect({ ...merged, shards: 1 }).toEqual(single);
    expect(merged.repositories).toHaveLength(60);
    expect(merged.totals).toEqual({
      scored: 56,
      unreadable: 4,
      openDebt: expect.any(Number),
      criticalDebt: expect.any(Number),
      incidents: expect.any(Number),
    });
  });

  it("a rerun of one failed shard, merged with the others, gives the clean run's result", () => {
    const clean = mergeShards(shardFiles(3));
    const files = shardFiles(3);
    const failed = {
      ...files[1]!,
      readAt: "2025-11-01T06:00:00Z",
      repositories: files[1]!.repositories.map((repo) => ({
        ...repo,
        outcome: "unreadable" as const,
        reason: "secondary rate limit",
        dora: undefined,
      })),
    };
    const rerun = { ...files[1]!, readAt: "2025-11-01T07:00:00Z" };
    const merged = mergeShards([files[0]!, failed, files[2]!, rerun]);
    expect(merged.repositories).toEqual(clean.repositories);
    expect(merged.distributions).toEqual(clean.distributions);
  });

  it("distributions and the repositories needing attention are what the figures say", () => {
    const merged = mergeShards(shardFiles(3));
    const lead = merged.distributions.leadTimeHours;
    expect(lead.samples).toBe(56);
    expect(lead.p25! <= lead.median! && lead.median! <= lead.p75!).toBe(true);
    expect(Object.values(lead.tiers).reduce((a, b) => a + b, 0)).toBe(56);
    const [worst] = merged.needsAttention;
    expect(worst!.red).toBeGreaterThanOrEqual(merged.needsAttention.at(-1)!.red);
  });

  it("refuses shards of another window, a missing shard, and a file that is not a shard result", () => {
    const files = shardFiles(3);
    expect(() =>
      mergeShards([files[0]!, { ...files[1]!, window: { ...window, end: "2025-11-02T00:00:00Z" } }, files[2]!]),
    ).toThrow("shards of different windows");
    expect(() => mergeShards([files[0]!, files[2]!])).toThrow("shard 2 of 3 is missing: rerun it, then merge");
    expect(() => parseShardResult("shard-2.json", '{"organization": "acme"}')).toThrow(
      "shard-2.json is not a shard result: window:",
    );
    expect(() => parseShardResult("shard-3.json", "{")).toThrow("shard-3.json is not JSON");
  });

  it("refuses a shard planned from another repository listing (a repository created between a run and its rerun)", () => {
    const selected = repositories.slice(0, 59);
    const plan = { repositories: 59, fingerprint: planFingerprint(selected) };
    const files = shardFiles(3).map((file) => ({ ...file, plan }));
    const withNewRepository = [...selected, { fullName: "acme/new-service", archived: false, fork: false, topics: [] }];
    const rerun = { ...files[1]!, plan: { repositories: 60, fingerprint: planFingerprint(withNewRepository) } };
    expect(() => mergeShards([files[0]!, rerun, files[2]!])).toThrow(
      "shards planned from different repository listings (59 and 60 repositories selected",
    );
    // The same names in another order, or case: the same plan.
    expect(planFingerprint([...selected].reverse())).toBe(plan.fingerprint);
  });

  it("a shard speaks only of its organisation: another owner's repository is refused, one listed twice counts once and is said", () => {
    const files = shardFiles(3);
    const foreign = { ...files[1]!, repositories: [...files[1]!.repositories, resultOf("victim/secret", 1)] };
    expect(() => mergeShards([files[0]!, foreign, files[2]!])).toThrow(
      "shard 2 of 3 lists victim/secret, which is not a repository of acme",
    );
    const repeated = files[0]!.repositories[0]!;
    const twice = { ...files[2]!, repositories: [...files[2]!.repositories, repeated] };
    const notes: string[] = [];
    const merged = mergeShards([files[0]!, files[1]!, twice], (note) => notes.push(note));
    expect(merged.repositories).toHaveLength(60);
    expect(notes).toEqual([`${repeated.fullName} is listed by shards 1 and 3: counted once`]);
    const text = (shard: object) => JSON.stringify({ ...files[0]!, shard });
    expect(() => parseShardResult("s.json", text({ index: 4, count: 3 }))).toThrow(
      "the shard index is above the shard count",
    );
    expect(() => parseShardResult("s.json", text({ index: 1, count: 200_000_000 }))).toThrow("shard.count");
  });
});
