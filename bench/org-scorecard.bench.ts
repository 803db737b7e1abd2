// Run by `npm run bench`: the organisation scorecard of 1,000 emulated repositories with 50
// deployments each: the plan job, then 10 shards at once through the bundled Action (as the
// example workflow's matrix runs them):
// API requests in all, GraphQL points by GitHub's formula, and each shard's wall time; beside
// them, the per-repository scorecard's requests and the naive REST way's on a sample.
import { afterAll, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { GitHubClient } from "../src/github/client.js";
import { githubRepositoryView } from "../src/github/repository-view.js";
import { mergeShards, parseShardResult } from "../src/org/merge-shards.js";
import { silentLogger } from "../src/ports/logger.js";
import { defaultConfig } from "../src/schemas/config.js";
import { computeScorecard } from "../src/use-cases/compute-scorecard.js";
import { runAction } from "../test/support/action-runner.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import type { RepoState } from "../test/support/emulator/state.js";
import { naiveDeploymentRequests } from "../test/support/naive-deployments.js";

const github = await new GitHubEmulator().start();
afterAll(() => github.stop());

const hour = 3_600_000;
const day = 24 * hour;
const end = Date.parse("2025-11-01T00:00:00Z");
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

/** A service: commits every ~1.5 days over 120 days, 50 of them deployed (1 in 8 failed). */
function service(index: number): RepoState {
  const repo = github.addRepo(`bench-org/svc-${String(index).padStart(4, "0")}`, {
    "data/engineering/tech_debt.json": '{"version": "1.0", "items": []}',
  });
  for (let n = 0; n < 80; n++) {
    const at = end - 120 * day + n * 1.5 * day + (index % 24) * hour;
    const sha = repo.commit({ [`src/${n}.txt`]: String(n) }, { message: `feat: change ${n}`, date: iso(at) });
    if (n % 8 < 5 && repo.deployments.length < 50)
      repo.addDeployment(sha, "production", ["in_progress", n % 8 === 3 ? "failure" : "success"], iso(at + 2 * hour));
  }
  return repo;
}

it("scores 1,000 repositories with 50 deployments each in 10 shards", async () => {
  const repos = Array.from({ length: 1000 }, (_, i) => service(i));
  expect(repos.every((repo) => repo.deployments.length === 50)).toBe(true);
  const dir = mkdtempSync(join(tmpdir(), "org-bench-"));
  const before = github.requests.length;
  // The workflow's plan job: the organisation listed once, for every shard.
  const planned = await runAction({
    event: "schedule",
    payload: {},
    repository: "bench-org/.github",
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    inputs: { command: "org-plan", organization: "bench-org", now: iso(end + 6 * hour) },
  });
  expect(planned.exitCode).toBe(0);
  const listing = github.requests.length - before;
  const shards = await Promise.all(
    Array.from({ length: 10 }, async (_, i) => {
      const started = performance.now();
      const output = join(dir, `shard-${i + 1}.json`);
      const result = await runAction({
        event: "schedule",
        payload: {},
        repository: "bench-org/.github",
        apiUrl: github.restUrl,
        graphqlUrl: github.graphqlUrl,
        inputs: { command: "org-scorecard", plan: planned.outputs.plan!, shard: `${i + 1}/10`, output, now: "" },
      });
      expect(result.exitCode).toBe(0);
      const points = Number(/about (\d+) points/.exec(result.stdout)?.[1]);
      return { output, ms: performance.now() - started, requests: Number(result.outputs["graphql-requests"]), points };
    }),
  );
  const requests = github.requests.length - before;
  const merged = mergeShards(shards.map(({ output }) => parseShardResult(output, readFileSync(output, "utf8"))));
  expect(merged.totals.scored).toBe(1000);
  const points = shards.reduce((sum, shard) => sum + shard.points, 0);
  const times = shards.map((shard) => shard.ms / 1000).sort((a, b) => a - b);

  // Beside it: the per-repository scorecard's reads on 20 repositories, and the naive REST way's deployments alone.
  const client = new (Octokit.plugin(paginateRest))({ auth: "ghs_bench", baseUrl: github.restUrl }) as GitHubClient;
  const sampleStart = github.requests.length;
  for (const repo of repos.slice(0, 20)) {
    const view = githubRepositoryView(client, { owner: repo.owner, repo: repo.name });
    await view.readConfigSources("HEAD", ".github/cto-copilot.yml");
    await computeScorecard({ view, log: silentLogger, now: () => new Date(end) }, defaultConfig(), "main");
  }
  const perRepository = (github.requests.length - sampleStart) / 20;
  const naive = await naiveDeploymentRequests(github, repos[0]!);

  process.stdout.write(
    `BENCH ${JSON.stringify({
      name: "organisation scorecard, 1,000 repositories x 50 deployments in 10 shards: API requests",
      value: requests,
      target: 1999,
      unit: "requests",
      note: `${(requests / 1000).toFixed(2)} per repository, the plan's listing ${listing} of them (per-repository scorecard ${perRepository.toFixed(1)}, naive REST deployments alone ${naive}); GraphQL ${shards.reduce((sum, shard) => sum + shard.requests, 0)} requests, about ${points} points of 5,000 an hour; shard wall time ${times[0]!.toFixed(1)}-${times.at(-1)!.toFixed(1)} s (median ${times[5]!.toFixed(1)} s, GraphQL paced at one request a second by Octokit's throttling)`,
    })}\n`,
  );
});
