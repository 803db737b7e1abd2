// Run by `npm run bench` (through Jest, which loads the TypeScript emulator): the real App
// (`npm start`) receives 20 pull requests across 4 repositories at once, plus one that adds a
// hostile ADR; how long until the first and the last check run, and how fast /ping answers
// meanwhile.
import { afterAll, it } from "@jest/globals";
import { AppProcess } from "../test/support/app-process.js";
import { templateText } from "../test/support/data-files.js";
import { githubSchema } from "../test/support/emulator/graphql.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import { pullRequestPayload } from "../test/support/webhook-payloads.js";

const github = await new GitHubEmulator().start();
const app = await new AppProcess(github.host).start();
afterAll(async () => {
  await app.stop();
  await github.stop();
});

const brokenDebt = templateText("tech_debt.json").replace('"priority": "medium"', '"priority": "urgent"');

it("measures a burst of pull requests", async () => {
  const repos = ["a", "b", "c", "d"].map((name) =>
    github.addRepo(`burst/${name}`, { "data/engineering/tech_debt.json": templateText("tech_debt.json") }),
  );
  const pulls = repos.flatMap((repo) =>
    Array.from({ length: 5 }, (_, i) => ({
      repo,
      pull: repo.openPullRequest({ "data/engineering/tech_debt.json": brokenDebt, [`src/f${i}.ts`]: "export {};\n" }),
    })),
  );
  // The hostile file: 48 KB of headings, the densest Markdown a record may hold.
  const hostileRepo = github.addRepo("burst/hostile", {});
  const hostile = hostileRepo.openPullRequest({
    "data/engineering/adrs/adr_2025-01-01_x.md": "# x\n".repeat(12_000),
  });
  const checks = () =>
    pulls.filter(({ repo, pull }) => repo.checkRuns.some((run) => run.head_sha === pull.headSha)).length;

  // The emulator builds GitHub's GraphQL schema on its first query, blocking this process (not the
  // App) for about a second: built before the clock starts, so the pings time the App alone.
  githubSchema();
  const began = performance.now();
  let first = Number.NaN;
  let last = Number.NaN;
  let slowestPing = 0;
  const deliveries = [
    app.deliver("pull_request", pullRequestPayload(hostileRepo, hostile)),
    ...pulls.map(({ repo, pull }) => app.deliver("pull_request", pullRequestPayload(repo, pull))),
  ];
  while (performance.now() - began < 120_000) {
    const pinged = performance.now();
    await fetch(`${app.url}/ping`);
    slowestPing = Math.max(slowestPing, performance.now() - pinged);
    const done = checks();
    if (done > 0 && Number.isNaN(first)) first = performance.now() - began;
    if (done === pulls.length) {
      last = performance.now() - began;
      break;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await Promise.all(deliveries);
  const line = (name: string, value: number, target: number, unit: string, note?: string) =>
    process.stdout.write(`BENCH ${JSON.stringify({ name, value, target, unit, ...(note ? { note } : {}) })}\n`);
  line("burst of 20 pull requests in 4 repositories: first check run", first, 10_000, "ms");
  line("burst of 20 pull requests in 4 repositories: all check runs", last, 60_000, "ms");
  line("burst: slowest /ping while it is processed (a hostile 48 KB ADR among the 21)", slowestPing, 1000, "ms");
}, 180_000);
