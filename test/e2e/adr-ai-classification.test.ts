import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { runAction } from "../support/action-runner.js";
import { GitHubEmulator } from "../support/emulator/server.js";
import type { Pull, RepoState } from "../support/emulator/state.js";
import { MessagesApi } from "../support/messages-api.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";

const api = new MessagesApi();
let github: GitHubEmulator;
const key = "sk-ant-e2e-classify-secret";

beforeAll(async () => {
  await api.start();
  github = await new GitHubEmulator().start();
}, 60_000);
afterAll(async () => {
  await github?.stop();
  await api.stop();
});

const manifest = (dependencies: Record<string, string>) =>
  JSON.stringify({ name: "api", dependencies }, null, 2) + "\n";

/** A pull request adding a library: infrastructure seen, no decision (score 0, near the threshold 1). */
function libraryPull(name: string, config: string) {
  const repo = github.addRepo(name, {
    "package.json": manifest({ express: "^4.21.0" }),
    ".github/cto-copilot.yml": config,
  });
  const pull = repo.openPullRequest(
    { "package.json": manifest({ express: "^4.21.0", "csv-parse": "^5.6.0" }) },
    { title: "Stream order imports", body: "Orders arrive as CSV files; we parse them as a stream." },
  );
  const payload = pullRequestPayload(repo, pull, "opened");
  payload.pull_request.author_association = "MEMBER";
  return { repo, pull, payload };
}

const viaAction = (repo: RepoState, payload: unknown) =>
  runAction({
    event: "pull_request",
    payload,
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    env: { ANTHROPIC_API_KEY: key, ANTHROPIC_BASE_URL: api.url },
  });

const adrComment = (repo: RepoState, pull: Pull) =>
  repo.comments.find((comment) => comment.issue === pull.number && comment.body.includes("<!-- cto-copilot:adr -->"));
const adrChecks = (repo: RepoState) => repo.checkRuns.filter((run) => run.name === "CTO Co-Pilot / ADR");

describe("the Action with ai.enabled: the model breaks a near-threshold tie", () => {
  it("a change the rules leave below the threshold, judged a decision: one comment and a check that say why; a redelivery asks nothing", async () => {
    const { repo, pull, payload } = libraryPull("classify/yes", "ai:\n  enabled: true\n  timeoutSeconds: 5\n");
    // The classification, then the draft of the suggestion it leads to (declined: the deterministic draft).
    api.answer(
      { kind: "tool", input: { wantAdr: true, reason: "Every order import now depends on a streaming CSV parser." } },
      { kind: "refusal" },
    );
    const before = api.requests.length;
    const run = await viaAction(repo, payload);
    expect(run.exitCode).toBe(0);
    const sent = api.requests.slice(before);
    expect(sent.map((request) => request.body.tools?.[0]?.name)).toEqual(["classify_adr_need", "write_adr_draft"]);
    // The diff went as delimited data, nothing of the runner's token with it.
    expect(sent[0]!.body.messages[0]!.content).toContain('<data name="diff">\nfile: package.json (modified)');
    expect(sent[0]!.body.messages[0]!.content).toContain('+    "csv-parse": "^5.6.0"');
    expect(JSON.stringify(sent[0]!.body)).not.toContain("ghs_runner_token");
    const line =
      "but the model judged it a decision worth an ADR: Every order import now depends on a streaming CSV parser";
    expect(adrComment(repo, pull)!.body).toContain(line);
    expect(adrChecks(repo)).toHaveLength(1);
    expect(adrChecks(repo)[0]!).toMatchObject({ conclusion: "neutral" });
    expect(adrChecks(repo)[0]!.output.summary).toContain(line);

    const asked = api.requests.length;
    expect((await viaAction(repo, { ...payload, action: "edited" })).exitCode).toBe(0);
    expect(api.requests.length).toBe(asked);
    expect(adrChecks(repo)).toHaveLength(1);
  }, 60_000);

  it("a server error: the rules' answer stands, and the check says the model was not used", async () => {
    const { repo, pull, payload } = libraryPull("classify/error", "ai:\n  enabled: true\n  timeoutSeconds: 5\n");
    api.answer({ kind: "status", status: 400, type: "invalid_request_error" });
    const run = await viaAction(repo, payload);
    expect(run.exitCode).toBe(0);
    expect(adrComment(repo, pull)).toBeUndefined();
    expect(adrChecks(repo)).toHaveLength(1);
    expect(adrChecks(repo)[0]!).toMatchObject({ conclusion: "success" });
    expect(adrChecks(repo)[0]!.output.summary).toContain(
      "the model was not used (the model provider answered 400); the answer is the rules' own.",
    );
  }, 60_000);

  it("without ai.enabled: no request, no check of its own, as before", async () => {
    const { repo, pull, payload } = libraryPull("classify/off", "adr:\n  report: all\n");
    const before = api.requests.length;
    expect((await viaAction(repo, payload)).exitCode).toBe(0);
    expect(api.requests.length).toBe(before);
    expect(adrComment(repo, pull)).toBeUndefined();
    expect(adrChecks(repo)).toHaveLength(0);
  }, 60_000);
});
