// Run by `npm run bench` (through Jest, which loads the TypeScript emulator): the App onboarding
// a repository of 100,000 files and 20,000 commits (25 people in the last 90 days) after an
// install: API requests from the delivery to the opened pull request, and wall time.
import { afterAll, expect, it } from "@jest/globals";
import { AppProcess } from "../test/support/app-process.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import { installationPayload } from "../test/support/webhook-payloads.js";

const github = await new GitHubEmulator().start();
const app = await new AppProcess(github.host).start();
afterAll(async () => {
  await app.stop();
  await github.stop();
});

it("measures the requests of one onboarding on a large repository", async () => {
  const repo = github.addRepo("bench/monorepo", {});
  const day = 86_400_000;
  const end = Date.now();
  // 20,000 commits over three years on a small tree (the emulator copies a tree per commit),
  // then one commit that brings the 100,000 files: the tree discovery lists.
  for (let index = 0; index < 20_000; index++) {
    const recent = index >= 20_000 - 1_700;
    const person = recent ? index % 25 : index % 60;
    const time = recent
      ? end - (20_000 - index) * ((85 * day) / 1_700)
      : end - 3 * 365 * day + index * ((2.7 * 365 * day) / 18_300);
    repo.commit(
      { [`CHANGELOG-${index % 10}.md`]: `change ${index}\n` },
      {
        message: `change ${index}`,
        date: new Date(time).toISOString(),
        author: { name: `Dev ${person}`, email: `dev${person}@acme.dev` },
      },
    );
  }
  const files: Record<string, string> = {};
  for (let pkg = 0; pkg < 400; pkg++) {
    files[`packages/pkg-${pkg}/package.json`] = JSON.stringify({
      name: `@acme/pkg-${pkg}`,
      dependencies: pkg % 4 === 0 ? { express: "^4.21.0", pg: "^8.13.0" } : { react: "^18.3.1" },
      devDependencies: { typescript: "^5.6.0" },
    });
    for (let file = 0; file < 249; file++) files[`packages/pkg-${pkg}/src/module-${file}.ts`] = "export {};\n";
  }
  files["infra/main.tf"] = 'provider "aws" {}\nresource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n';
  files[".github/workflows/ci.yml"] = "name: CI\non: [push]\njobs: {}\n";
  repo.commit(files, { message: "the monorepo", date: new Date(end - 3_600_000).toISOString() });

  const installation = github.addInstallation([repo]);
  const before = github.requests.length;
  const started = performance.now();
  expect((await app.deliver("installation", installationPayload(installation))).status).toBe(200);
  const opened = () => [...repo.pulls.values()].some((pull) => pull.headRef === "cto-copilot/onboarding");
  for (let waited = 0; !opened() && waited < 120_000; waited += 100)
    await new Promise((resolve) => setTimeout(resolve, 100));
  const ms = performance.now() - started;
  expect(opened()).toBe(true);
  const sent = github.requests.slice(before);
  const kinds = new Map<string, number>();
  for (const request of sent) {
    const query = String((request.body as { query?: string } | undefined)?.query ?? "");
    const kind = request.path.endsWith("/graphql")
      ? `graphql ${/^\s*(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "?"}`
      : `${request.method} ${request.path
          .replace(/^\/api\/v3/, "")
          .replace(/\/repos\/[^/]+\/[^/]+/, "")
          .replace(/\/[0-9a-f]{40}.*|\/\d+.*/, "/…")}`;
    kinds.set(kind, (kinds.get(kind) ?? 0) + 1);
  }
  process.stdout.write(
    `BENCH ${JSON.stringify({
      name: "onboarding of a repository of 100,000 files and 20,000 commits (App): API requests",
      value: sent.length,
      target: 32,
      unit: "requests",
      note: `${(ms / 1000).toFixed(1)} s from the delivery to the pull request; ${[...kinds].map(([kind, n]) => `${n} ${kind}`).join(", ")}`,
    })}\n`,
  );
}, 600_000);
