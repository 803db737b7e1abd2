// Run by `npm run bench` (through Jest, which loads the TypeScript emulator): how soon the real
// App (`npm start`) answers a delivery when its work is slow. GitHub gives up on a delivery after
// 10 seconds. The tests check that the answer comes before the work ends; the times are here.
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { AppProcess } from "../test/support/app-process.js";
import { templateText } from "../test/support/data-files.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import { installationRepositoriesPayload, pullRequestPayload } from "../test/support/webhook-payloads.js";
import { report } from "./support/timing.js";

let github: GitHubEmulator;
let app: AppProcess;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
  app = await new AppProcess(github.host).start();
}, 60_000);
afterAll(async () => {
  await app?.stop();
  await github?.stop();
});

async function timedDelivery(event: string, payload: unknown) {
  const began = performance.now();
  const delivery = await app.deliver(event, payload);
  return { status: delivery.status, ms: performance.now() - began };
}

it("times the answer to a pull request while GitHub takes 11 s to list its files", async () => {
  const repo = github.addRepo("bench/slow", { "data/engineering/tech_debt.json": templateText("tech_debt.json") });
  const pull = repo.openPullRequest({
    "data/engineering/tech_debt.json": templateText("tech_debt.json").replace(
      '"priority": "medium"',
      '"priority": "urgent"',
    ),
  });
  github.inject({ method: "GET", path: /\/pulls\/\d+\/files$/, status: 0, delayMs: 11_000 });
  const answer = await timedDelivery("pull_request", pullRequestPayload(repo, pull));
  report({
    name: "App: answer to a pull_request delivery while GitHub takes 11 s to list the files",
    value: answer.ms,
    unit: "ms",
    target: 10_000,
    note: `HTTP ${answer.status}`,
  });
  // The work goes on after the answer: wait for it, so that it does not weigh on the next figure.
  for (let waited = 0; repo.checkRuns.length === 0 && waited < 30_000; waited += 200)
    await new Promise((resolve) => setTimeout(resolve, 200));
  expect(repo.checkRuns).toHaveLength(1);
}, 60_000);

it("times the answer to an installation adding 11 repositories, before any onboarding", async () => {
  const first = github.addRepo("bench/first", { "go.mod": "module example.com/first\n\ngo 1.23\n" });
  const installation = github.addInstallation([first]);
  const many = Array.from({ length: 11 }, (_, index) =>
    github.addRepo(`bench/service-${index}`, { "go.mod": `module example.com/service-${index}\n\ngo 1.23\n` }),
  );
  github.addToInstallation(installation, many);
  const answer = await timedDelivery(
    "installation_repositories",
    installationRepositoriesPayload(installation, { added: many }),
  );
  expect(answer.status).toBe(200);
  report({
    name: "App: answer to installation_repositories adding 11 repositories",
    value: answer.ms,
    unit: "ms",
    target: 2_000,
  });
}, 60_000);
