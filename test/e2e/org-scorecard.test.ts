import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitHubClient } from "../../src/github/client.js";
import { githubRepositoryView } from "../../src/github/repository-view.js";
import { mergeShards, parseShardResult, type ShardResult } from "../../src/org/merge-shards.js";
import { silentLogger } from "../../src/ports/logger.js";
import { computeScorecard } from "../../src/use-cases/compute-scorecard.js";
import { loadConfig } from "../../src/use-cases/load-config.js";
import { orgResultOf, scoreShard } from "../../src/use-cases/score-organization.js";
import { githubOrgView } from "../../src/github/org-view.js";
import type { OrgView } from "../../src/ports/org-view.js";
import { orgScorecardSchema } from "../../src/schemas/org-scorecard.js";
import { runAction } from "../support/action-runner.js";
import { runCli } from "../support/cli.js";
import { GitHubEmulator, secondaryRateLimit } from "../support/emulator/server.js";
import { addOrganization, type OrgFixture } from "../support/org-fixture.js";

let github: GitHubEmulator;
let fixture: OrgFixture;
let dir: string;
const now = "2025-11-01T07:30:00Z";
const windowEnd = "2025-11-01T00:00:00Z";

beforeAll(async () => {
  github = await new GitHubEmulator().start();
  fixture = addOrganization(github, "acme", 60, Date.parse(windowEnd));
  dir = mkdtempSync(join(tmpdir(), "org-scorecard-"));
});
afterAll(async () => {
  await github.stop();
  rmSync(dir, { recursive: true, force: true });
});
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

const run = (inputs: Record<string, string>) =>
  runAction({
    event: "schedule",
    payload: { repository: { default_branch: "main", full_name: "acme/.github" } },
    repository: "acme/.github",
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    inputs: { now, ...inputs },
  });

/** One shard through the bundled Action, and its file. */
async function shard(spec: string, folder: string) {
  const output = join(dir, folder, `shard-${spec.replace("/", "-of-")}.json`);
  const result = await run({ command: "org-scorecard", organization: "acme", shard: spec, output });
  return { result, output };
}

/** What two organisation scorecards must agree on (not when they were read, nor in how many shards). */
const figures = (shards: ShardResult[]) => {
  const { readAt: _readAt, shards: _count, ...rest } = mergeShards(shards);
  return rest;
};

describe("the organisation scorecard: 60 repositories in 3 shards (Action org-scorecard, org-merge)", () => {
  let sharded: ShardResult[];

  it("scores each shard in a few merged requests, every repository once, the empty and the misconfigured ones reported with why", async () => {
    const before = github.requests.length;
    // As a matrix runs them: at once.
    const runs = await Promise.all([shard("1/3", "clean"), shard("2/3", "clean"), shard("3/3", "clean")]);
    for (const { result } of runs) expect(result.exitCode).toBe(0);
    sharded = runs.map(({ output }) => parseShardResult(output, readFileSync(output, "utf8")));
    const names = sharded.flatMap((result) => result.repositories.map((repo) => repo.fullName));
    expect(names).toHaveLength(60);
    expect(new Set(names).size).toBe(60);
    expect(sharded.map((result) => result.repositories.length)).toEqual([20, 20, 20]);
    // The .github repository, the archived one and the fork are left out, each with why.
    expect(sharded[0]!.skipped).toEqual([
      { fullName: "acme/.github", reason: "the organisation's .github repository (its defaults, not a product)" },
      { fullName: "acme/forked-sdk", reason: "a fork" },
      { fullName: "acme/legacy-monolith", reason: "archived" },
    ]);
    const all = sharded.flatMap((result) => result.repositories);
    const kindOf = (name: string) => fixture.kinds.get(name);
    expect(
      all.filter((repo) => repo.outcome === "unreadable").map((repo) => [kindOf(repo.fullName), repo.reason]),
    ).toEqual(
      expect.arrayContaining([
        ["empty", "empty: no commits on its default branch"],
        ["invalid-config", "its .github/cto-copilot.yml is not valid: run `cto-copilot validate` there"],
      ]),
    );
    expect(all.filter((repo) => repo.outcome === "unreadable")).toHaveLength(2);
    // Far under 2 requests per repository: the listing, then each step of 20 repositories' reads merged.
    const total = github.requests.length - before;
    expect(total).toBeLessThan(60);
    for (const { result } of runs) expect(Number(result.outputs["graphql-requests"])).toBeLessThan(25);
    expect(runs[0]!.result.summary).toContain("## Organisation scorecard, shard 1/3");
    expect(runs[0]!.result.outputs).toMatchObject({ scored: expect.any(String), unreadable: expect.any(String) });
  });

  it("gives what one unsharded run gives, and what each repository's own scorecard gives", async () => {
    const whole = await shard("1/1", "whole");
    expect(whole.result.exitCode).toBe(0);
    const unsharded = parseShardResult(whole.output, readFileSync(whole.output, "utf8"));
    expect(figures(sharded)).toEqual(figures([unsharded]));

    // One by one, over the repository view the repository scorecard uses (REST reads included).
    const client = new (Octokit.plugin(paginateRest))({ auth: "ghs_test", baseUrl: github.restUrl }) as GitHubClient;
    const merged = mergeShards(sharded);
    let compared = 0;
    for (const result of merged.repositories.filter((repo) => repo.outcome === "scored")) {
      const [owner, name] = result.fullName.split("/") as [string, string];
      const view = githubRepositoryView(client, { owner, repo: name });
      const { resolved } = await loadConfig(view, "main");
      const config = { ...resolved.config, dora: { ...resolved.config.dora, windowDays: 90 } };
      const alone = await computeScorecard({ view, log: silentLogger, now: () => new Date(windowEnd) }, config, "main");
      expect(orgResultOf(result.fullName, alone)).toEqual(result);
      compared++;
    }
    expect(compared).toBe(58);
    // The figures are real ones: services deploy, most have lead times, some failed and restored.
    expect(merged.distributions.deploymentsPerWeek.samples).toBe(58);
    expect(merged.distributions.leadTimeHours.samples).toBeGreaterThan(40);
    expect(merged.distributions.changeFailureRate.tiers.unknown).toBeLessThan(15);
    expect(merged.totals.incidents).toBeGreaterThan(5);
    expect(merged.needsAttention.length).toBeGreaterThan(0);
  });

  it("a shard that failed, rerun, merges to what the clean run merges to", async () => {
    // The listing fails on every try: the shard's step fails and leaves no file.
    github.inject({
      method: "GET",
      path: /\/orgs\/acme\/repos/,
      status: 502,
      body: { message: "Bad Gateway" },
      times: 10,
    });
    const failed = await shard("2/3", "retried");
    expect(failed.result.exitCode).not.toBe(0);
    expect(() => readFileSync(failed.output)).toThrow();
    github.clearFaults();
    const again = await shard("2/3", "retried");
    expect(again.result.exitCode).toBe(0);
    const rerun = parseShardResult(again.output, readFileSync(again.output, "utf8"));
    expect(figures([sharded[0]!, rerun, sharded[2]!])).toEqual(figures(sharded));
  });

  it("merges, writes org_scorecard.json and its snapshot to .github, and summarises with charts and the trend", async () => {
    const shardsPath = join(dir, "clean");
    const first = await run({ command: "org-merge", "shards-path": shardsPath, commit: "push" });
    expect(first.exitCode).toBe(0);
    const dotGithub = fixture.repos.get("acme/.github")!;
    const tree = dotGithub.commits.get(dotGithub.branches.get("main")!)!.tree;
    const written = JSON.parse(String(tree.get("org-scorecard/org_scorecard.json")));
    expect(String(tree.get("org-scorecard/snapshots/org_scorecard_2025-11-01.json"))).toBe(
      String(tree.get("org-scorecard/org_scorecard.json")),
    );
    expect(written).toMatchObject({ organization: "acme", shards: 3, totals: { scored: 58, unreadable: 2 } });
    expect(first.summary).toContain("## Organisation scorecard: `acme`");
    expect(first.summary).toContain("xychart-beta");
    expect(first.summary).toMatch(/### Needs attention \(\d+\)/);
    expect(first.summary).toContain("### Not scored (2)");
    expect(first.outputs["scorecard-commit"]).toMatch(/^[0-9a-f]{40}$/);
    // A rerun the same day is not compared with itself.
    const again = await run({ command: "org-merge", "shards-path": shardsPath, commit: "push" });
    expect(again.exitCode).toBe(0);
    expect(again.summary).not.toContain("### Trend");
    // Next week's run (here: the same figures a week on) shows the trend against this one.
    const nextWeek = join(dir, "next-week");
    mkdirSync(nextWeek, { recursive: true });
    for (const [index, result] of sharded.entries()) {
      const window = { start: "2025-08-10T00:00:00Z", end: "2025-11-08T00:00:00Z", days: 90 };
      writeFileSync(join(nextWeek, `shard-${index + 1}.json`), JSON.stringify({ ...result, window }));
    }
    const second = await run({ command: "org-merge", "shards-path": nextWeek, commit: "push" });
    expect(second.exitCode).toBe(0);
    expect(second.summary).toContain("### Trend since 2025-11-01");
    expect(second.summary).toContain("| Lead time for changes (hours) | 32 | 32 |");
    const after = dotGithub.commits.get(dotGithub.branches.get("main")!)!.tree;
    expect(after.has("org-scorecard/snapshots/org_scorecard_2025-11-01.json")).toBe(true);
    expect(after.has("org-scorecard/snapshots/org_scorecard_2025-11-08.json")).toBe(true);
  });

  it("the CLI scores the same on one machine (here: the repositories with the payments topic)", async () => {
    const env = { GITHUB_TOKEN: "ghs_cli", GITHUB_API_URL: github.restUrl };
    const cli = await runCli(
      ["org-scorecard", "--org", "acme", "--topics", "payments", "--now", now, "--format", "json"],
      {
        env,
      },
    );
    expect(cli.code).toBe(0);
    const scored = orgScorecardSchema.parse(JSON.parse(cli.stdout));
    const payments = [...fixture.repos].filter(([, repo]) => repo.topics.includes("payments")).map(([name]) => name);
    expect(scored.repositories.map((repo) => repo.fullName)).toEqual(payments.sort());
    const bySharded = new Map(mergeShards(sharded).repositories.map((repo) => [repo.fullName, repo]));
    for (const repo of scored.repositories) expect(repo).toEqual(bySharded.get(repo.fullName));
    expect(cli.stderr).toMatch(/\d+ GraphQL requests for \d+ queries/);
    const noToken = await runCli(["org-scorecard", "--org", "acme"], { env: {} });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain("org-scorecard needs a token in GITHUB_TOKEN");
  });

  it("a repository that disappears between the listing and its reads is reported, the others in its requests still scored", async () => {
    const client = new (Octokit.plugin(paginateRest))({ auth: "ghs_test", baseUrl: github.restUrl }) as GitHubClient;
    const { org, stats } = githubOrgView(client);
    const listed = await org.listRepositories("acme");
    const withGone: OrgView = {
      ...org,
      listRepositories: async () => [...listed, { fullName: "acme/gone", archived: false, fork: false, topics: [] }],
    };
    const picked = mergeShards(sharded)
      .repositories.filter((repo) => repo.outcome === "scored")
      .slice(0, 5);
    const result = await scoreShard(
      { org: withGone, log: silentLogger, now: () => new Date(now) },
      {
        organization: "acme",
        shard: { index: 1, count: 1 },
        filters: { repositories: ["gone", ...picked.map((repo) => repo.fullName.split("/")[1]!)] },
        windowDays: 90,
      },
    );
    expect(result.repositories.find((repo) => repo.fullName === "acme/gone")).toEqual({
      fullName: "acme/gone",
      outcome: "unreadable",
      reason: "not readable: no access, deleted or renamed",
    });
    expect(result.repositories.filter((repo) => repo.outcome === "scored")).toEqual(picked);
    // Six repositories' reads merged: a handful of requests, not six times as many.
    expect(stats.requests).toBeLessThan(15);
  });

  it("a shard hit by a secondary rate limit waits it out and scores the same", async () => {
    github.inject({ method: "POST", path: /graphql$/, ...secondaryRateLimit(1) });
    const limited = await shard("3/3", "limited");
    expect(limited.result.exitCode).toBe(0);
    expect(limited.result.stdout).toMatch(/secondary rate limit.*retrying in 1 s/);
    const rerun = parseShardResult(limited.output, readFileSync(limited.output, "utf8"));
    expect(rerun.repositories).toEqual(sharded[2]!.repositories);
  });

  it("refuses shards of different windows, naming both", async () => {
    // Shard 1 as a run the next day would write it, beside shard 2 of today's.
    mkdirSync(join(dir, "mixed"), { recursive: true });
    const nextDay = { start: "2025-08-04T00:00:00Z", end: "2025-11-02T00:00:00Z", days: 90 };
    writeFileSync(join(dir, "mixed", "a.json"), JSON.stringify({ ...sharded[0]!, window: nextDay }));
    writeFileSync(join(dir, "mixed", "b.json"), readFileSync(join(dir, "clean", "shard-2-of-3.json")));
    const merge = await run({ command: "org-merge", "shards-path": join(dir, "mixed"), commit: "none" });
    expect(merge.exitCode).not.toBe(0);
    expect(merge.stdout).toContain(
      "shards of different windows: 2025-08-04T00:00:00Z..2025-11-02T00:00:00Z and 2025-08-03T00:00:00Z..2025-11-01T00:00:00Z",
    );
  });

  it("a shard may only speak of its organisation: another owner's repository, an index above the count or a huge count is refused; a repository in two shards counts once", async () => {
    const folder = (name: string, files: Record<string, unknown>) => {
      mkdirSync(join(dir, name), { recursive: true });
      for (const [file, content] of Object.entries(files))
        writeFileSync(join(dir, name, file), JSON.stringify(content));
      return join(dir, name);
    };
    const merge = (path: string) => run({ command: "org-merge", "shards-path": path, commit: "none" });
    const [one, two, three] = sharded as [ShardResult, ShardResult, ShardResult];
    const stolen = { ...two.repositories[0]!, fullName: "victim/private-api" };
    const foreign = await merge(
      folder("foreign", {
        "1.json": one,
        "2.json": { ...two, repositories: [...two.repositories, stolen] },
        "3.json": three,
      }),
    );
    expect(foreign.exitCode).not.toBe(0);
    expect(foreign.stdout).toContain(
      "shard 2 of 3 lists victim/private-api, which is not a repository of acme: a shard may only list the organisation's repositories",
    );

    const above = await merge(
      folder("above", {
        "1.json": one,
        "2.json": two,
        "3.json": three,
        "4.json": { ...three, shard: { index: 4, count: 3 } },
      }),
    );
    expect(above.exitCode).not.toBe(0);
    expect(above.stdout).toContain("the shard index is above the shard count");

    const huge = await merge(folder("huge", { "1.json": { ...one, shard: { index: 1, count: 200_000_000 } } }));
    expect(huge.exitCode).not.toBe(0);
    expect(huge.stdout).toMatch(/is not a shard result[\s\S]*256/);

    const repeated = one.repositories[0]!;
    const twice = await merge(
      folder("twice", {
        "1.json": one,
        "2.json": { ...two, repositories: [...two.repositories, repeated] },
        "3.json": three,
      }),
    );
    expect(twice.exitCode).toBe(0);
    expect(twice.stdout).toContain(`${repeated.fullName} is listed by shards 1 and 2: counted once`);
    expect(Number(twice.outputs.scored) + Number(twice.outputs.unreadable)).toBe(60);
  });

  it("with org-plan's output, shards list nothing, and a repository created after the plan changes nothing", async () => {
    const planned = await run({ command: "org-plan", organization: "acme" });
    expect(planned.exitCode).toBe(0);
    expect(planned.outputs["planned-repositories"]).toBe("60");
    expect(planned.summary).toContain("60 repositories of `acme` to score; left out: 1 (the organisation's .github");
    // Created between the plan and the shards (or before a shard is rerun tomorrow).
    github.addRepo("acme/aa-new-service");
    const before = github.requests.length;
    const runs = await Promise.all(
      ["1/3", "2/3", "3/3"].map(async (spec) => {
        const output = join(dir, "planned", `shard-${spec.replace("/", "-of-")}.json`);
        // A day later, as a rerun would be: the plan's time still sets the window.
        const result = await run({
          command: "org-scorecard",
          plan: planned.outputs.plan!,
          shard: spec,
          output,
          now: "",
        });
        expect(result.exitCode).toBe(0);
        return parseShardResult(output, readFileSync(output, "utf8"));
      }),
    );
    expect(github.requests.slice(before).filter((request) => request.path.startsWith("/orgs/"))).toEqual([]);
    expect(figures(runs)).toEqual(figures(sharded));
    const bad = await run({ command: "org-scorecard", plan: "{not json", shard: "1/3" });
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stdout).toContain('the plan is not JSON (pass the org-plan step\'s "plan" output as it is)');
  });
});
