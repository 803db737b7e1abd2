// Run by `npm run bench` (through Jest, which loads the TypeScript emulator): API requests the
// bundled Action makes for one pull_request event with 100 changed files, 10 of them data files.
import { afterAll, expect, it } from "@jest/globals";
import { runAction } from "../test/support/action-runner.js";
import { templateText } from "../test/support/data-files.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import { pullRequestPayload } from "../test/support/webhook-payloads.js";

const github = await new GitHubEmulator().start();
afterAll(() => github.stop());

it("measures requests per PR event", async () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 90; i++) files[`src/module-${i}.ts`] = `export const value = ${i};\n`;
  for (let i = 0; i < 10; i++) files[`data/engineering/adrs/adr_2025-06-${i + 10}_decision-${i}.md`] = templateText("adrs/adr_2025-06-01_use-postgresql.md").replace("2025-06-01", `2025-06-${i + 10}`);
  const repo = github.addRepo("bench/requests", {});
  const pull = repo.openPullRequest(files);
  const started = performance.now();
  const result = await runAction({ event: "pull_request", payload: pullRequestPayload(repo, pull), repository: repo.fullName, apiUrl: github.restUrl, graphqlUrl: github.graphqlUrl });
  const ms = performance.now() - started;
  expect(result.exitCode).toBe(0);
  const requests = github.requests.length;
  process.stdout.write(`BENCH ${JSON.stringify({ name: "API requests per PR event (100 files, 10 data files)", value: requests, target: 6, unit: "requests", note: `Action run ${ms.toFixed(0)} ms; floor about 4` })}\n`);
});
