// Run by `npm run bench` (through Jest, which loads the TypeScript loopback Messages API and the
// GitHub emulator): how long an AI draft takes when the model provider is slow or refuses. The
// tests check the behaviour (requests, pauses, reasons) without a clock; the times are here.
import { afterAll, beforeAll, expect, it } from "@jest/globals";
import { anthropicDrafter } from "../src/llm/anthropic-drafter.js";
import { runAction } from "../test/support/action-runner.js";
import { sessionsDraftAnswer, sessionsDraftRequest } from "../test/support/adr-draft-material.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";
import { MessagesApi, serveToSdk, type Behaviour } from "../test/support/messages-api.js";
import { pullRequestPayload } from "../test/support/webhook-payloads.js";
import { report } from "./support/timing.js";

const api = new MessagesApi();
let github: GitHubEmulator;
const key = "sk-ant-bench-0123456789";
serveToSdk(api, key);
beforeAll(async () => {
  github = await new GitHubEmulator().start();
});
afterAll(async () => {
  await github.stop();
});

const settings = { model: "claude-sonnet-5-5", maxInputChars: 4_000, maxOutputTokens: 1_000, timeoutSeconds: 1 };
const request = sessionsDraftRequest();
const answer = sessionsDraftAnswer;

async function timedDraft(behaviours: Behaviour[]) {
  api.answer(...behaviours);
  const began = performance.now();
  const outcome = await anthropicDrafter(settings, { info: () => undefined }).draft(request);
  return { outcome, ms: performance.now() - began };
}

it("times the drafter against a provider that never answers, rate limits, or asks for a pause", async () => {
  const hang = await timedDraft([{ kind: "hang" }, { kind: "hang" }]);
  expect(hang.outcome).toEqual({ ok: false, reason: "no answer in time" });
  report({
    name: "AI draft: a provider that never answers (timeoutSeconds 1), time to the fallback",
    value: hang.ms,
    unit: "ms",
    // One request's timeout, a second's pause, the retry's timeout, and a second of margin.
    target: (settings.timeoutSeconds * 2 + 1) * 1000 + 1_000,
  });

  const hour = await timedDraft([
    { kind: "status", status: 429, headers: { "retry-after": "3600" }, type: "rate_limit_error" },
  ]);
  expect(hour.outcome).toEqual({ ok: false, reason: "rate limited by the model provider (429)" });
  report({
    name: "AI draft: 429 with retry-after 3600, time to the fallback",
    value: hour.ms,
    unit: "ms",
    target: 1_000,
  });

  const second = await timedDraft([
    { kind: "status", status: 429, headers: { "retry-after": "1" }, type: "rate_limit_error" },
    { kind: "tool", input: answer },
  ]);
  expect(second.outcome.ok).toBe(true);
  report({
    name: "AI draft: 429 with retry-after 1, time to the retry's answer (it waits as asked)",
    value: second.ms,
    unit: "ms",
    target: 900,
    minimum: true,
  });
}, 60_000);

it("times the Action's run against a provider that never answers", async () => {
  const repo = github.addRepo("bench/ai-hang", {
    "infra/main.tf": "# empty\n",
    // The draft's timeout is timed here: the tie-break near the threshold (a request of its own) is off.
    ".github/cto-copilot.yml": "ai:\n  enabled: true\n  timeoutSeconds: 5\nadr:\n  ai:\n    classify: false\n",
  });
  const pull = repo.openPullRequest(
    { "infra/main.tf": 'resource "aws_elasticache_cluster" "sessions" {\n  engine = "redis"\n}\n' },
    { title: "Move sessions to Redis", body: "p99 login latency is 2 s; sessions hit Postgres on every request." },
  );
  const payload = pullRequestPayload(repo, pull, "opened");
  // The AI drafts only for authors who may write here.
  payload.pull_request.author_association = "MEMBER";
  api.answer({ kind: "hang" }, { kind: "hang" });
  const before = api.requests.length;
  const began = performance.now();
  const run = await runAction({
    event: "pull_request",
    payload,
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    env: { ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: api.url },
  });
  const ms = performance.now() - began;
  expect(run.exitCode).toBe(0);
  expect(api.requests.length - before).toBe(2);
  report({
    name: "AI draft through the Action: a provider that never answers (timeoutSeconds 5), whole run",
    value: ms,
    unit: "ms",
    // Two timeouts and a pause, the rest of the run and a margin: never the SDK's ten minutes.
    target: 25_000,
  });
}, 90_000);
