import { describe, expect, it } from "@jest/globals";
import { parseShard, planShards, selectRepositories, type OrgRepository } from "../../../src/org/plan-shards.js";

const repo = (name: string, fields: Partial<OrgRepository> = {}): OrgRepository => ({
  fullName: `acme/${name}`,
  archived: false,
  fork: false,
  topics: [],
  ...fields,
});

/** An organisation as they look: services, libraries, an archived one, forks, the .github repository. */
const organisation: OrgRepository[] = [
  repo("service-billing", { topics: ["service", "payments"], weight: 50 }),
  repo("service-auth", { topics: ["service"], weight: 30 }),
  repo("service-search", { topics: ["Service"], weight: 5 }),
  repo("web", { topics: ["frontend"], weight: 40 }),
  repo("lib-logging", { topics: ["library"] }),
  repo("legacy-monolith", { archived: true, weight: 80 }),
  repo("forked-terraform-module", { fork: true }),
  repo(".github"),
];

describe("selecting an organisation's repositories", () => {
  it("leaves out archived repositories, forks and .github by default, and says why for each", () => {
    const { selected, skipped } = selectRepositories(organisation);
    expect(selected.map((r) => r.fullName)).toEqual([
      "acme/lib-logging",
      "acme/service-auth",
      "acme/service-billing",
      "acme/service-search",
      "acme/web",
    ]);
    expect(skipped).toEqual([
      { fullName: "acme/.github", reason: "the organisation's .github repository (its defaults, not a product)" },
      { fullName: "acme/forked-terraform-module", reason: "a fork" },
      { fullName: "acme/legacy-monolith", reason: "archived" },
    ]);
  });

  it("filters by topic (any case), name globs and an explicit list", () => {
    expect(selectRepositories(organisation, { topics: ["service"] }).selected.map((r) => r.fullName)).toEqual([
      "acme/service-auth",
      "acme/service-billing",
      "acme/service-search",
    ]);
    expect(
      selectRepositories(organisation, { include: ["service-*", "web"], exclude: ["*-search"] }).selected.map(
        (r) => r.fullName,
      ),
    ).toEqual(["acme/service-auth", "acme/service-billing", "acme/web"]);
    const listed = selectRepositories(organisation, {
      repositories: ["web", "acme/legacy-monolith"],
      includeArchived: true,
    });
    expect(listed.selected.map((r) => r.fullName)).toEqual(["acme/legacy-monolith", "acme/web"]);
  });

  it("refuses a glob that could stall matching, naming it", () => {
    expect(() => selectRepositories(organisation, { include: ["**/**/**/x"] })).toThrow('repository glob "**/**/**/x"');
  });
});

describe("splitting them over an Actions matrix", () => {
  it("gives every repository to exactly one shard, with costs close to even, the same way every time", () => {
    const many = Array.from({ length: 60 }, (_, i) =>
      repo(`svc-${String(i).padStart(2, "0")}`, { weight: ((i * 37) % 50) + 1 }),
    );
    const shards = planShards(many, 3);
    expect(
      shards
        .flat()
        .map((r) => r.fullName)
        .sort(),
    ).toEqual(many.map((r) => r.fullName).sort());
    const totals = shards.map((shard) => shard.reduce((sum, r) => sum + (r.weight ?? 1), 0));
    expect(Math.max(...totals) - Math.min(...totals)).toBeLessThanOrEqual(50);
    // Another listing order, the same plan: a rerun of one shard scores what it scored before.
    expect(planShards([...many].reverse(), 3)).toEqual(shards);
  });

  it("more shards than repositories leaves some empty rather than failing", () => {
    expect(planShards([repo("a"), repo("b")], 4).map((shard) => shard.length)).toEqual([1, 1, 0, 0]);
  });

  it("reads i/n as the matrix passes it, and says what is wrong otherwise", () => {
    expect(parseShard("2/10")).toEqual({ index: 2, count: 10 });
    for (const bad of ["0/3", "4/3", "2", "a/b", "1/0"])
      expect(() => parseShard(bad)).toThrow(`shard must be "i/n" with 1 <= i <= n (e.g. 2/10), not "${bad}"`);
  });
});
