// Run by `npm run bench` (through Jest, which loads the TypeScript emulator): API requests the
// bundled Action makes for one pull_request event with 100 changed files, 10 of them data files.
import { afterAll, expect, it } from "@jest/globals";
import { runAction } from "../test/support/action-runner.js";
import { templateText } from "../test/support/data-files.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import { pullRequestPayload } from "../test/support/webhook-payloads.js";
import { naiveDeploymentRequests } from "../test/support/naive-deployments.js";

const github = await new GitHubEmulator().start();
afterAll(() => github.stop());

it("measures requests per PR event", async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 90; i++) files[`src/module-${i}.ts`] = `export const value = ${i};\n`;
  for (let i = 0; i < 10; i++)
    files[`data/engineering/adrs/adr_2025-06-${i + 10}_decision-${i}.md`] = templateText(
      "adrs/adr_2025-06-01_use-postgresql.md",
    ).replace("2025-06-01", `2025-06-${i + 10}`);
  const repo = github.addRepo("bench/requests", {});
  const pull = repo.openPullRequest(files);
  const started = performance.now();
  const result = await runAction({
    event: "pull_request",
    payload: pullRequestPayload(repo, pull),
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
  });
  const ms = performance.now() - started;
  expect(result.exitCode).toBe(0);
  const requests = github.requests.length;
  process.stdout.write(
    `BENCH ${JSON.stringify({ name: "API requests per PR event (100 files, 10 data files)", value: requests, target: 6, unit: "requests", note: `Action run ${ms.toFixed(0)} ms; floor about 4` })}\n`,
  );
});

it("measures requests per N deployments against the naive REST way", async () => {
  const repo = github.addRepo("bench/deployments", {
    ".github/cto-copilot.yml": "dora:\n  windowDays: 90\nscorecard:\n  commit: none\n",
  });
  for (let index = 0; index < 1000; index++) {
    const at = new Date(Date.parse("2025-08-01T00:00:00Z") + index * 2 * 3_600_000)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z");
    const sha = repo.commit({ [`f${index}.txt`]: String(index) }, { message: `change ${index}`, date: at });
    repo.addDeployment(sha, "production", ["success"], at);
  }
  const start = github.requests.length;
  const result = await runAction({
    event: "workflow_dispatch",
    payload: { repository: { default_branch: "main" } },
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    inputs: { now: "2025-11-01T00:00:00Z" },
  });
  expect(result.exitCode).toBe(0);
  const ours = github.requests.length - start;
  const naive = await naiveDeploymentRequests(github, repo);
  process.stdout.write(
    `BENCH ${JSON.stringify({ name: "API requests for the scorecard, 1,000 deployments", value: ours, target: Math.ceil(1000 / 100) * 2 + 10, unit: "requests", note: `naive REST (one statuses call per deployment): ${naive}; ratio ${(naive / ours).toFixed(0)}x` })}\n`,
  );
}, 120_000);
