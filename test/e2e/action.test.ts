import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { build } from "esbuild";
import { runAction } from "../support/action-runner.js";
import { templateText } from "../support/data-files.js";
import { GitHubEmulator, secondaryRateLimit } from "../support/emulator/server.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";
// @ts-expect-error: a plain JS build script, shared so the test bundles exactly as `npm run bundle` does.
import { actionBundleOptions } from "../../scripts/bundle-action.js";

let github: GitHubEmulator;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

const brokenDebt = templateText("tech_debt.json").replace('"priority": "medium"', '"priority": "urgent"');

function brokenPullRequest(name: string) {
  const repo = github.addRepo(name, { "data/engineering/tech_debt.json": templateText("tech_debt.json") });
  const pull = repo.openPullRequest({ "data/engineering/tech_debt.json": brokenDebt });
  return { repo, pull, payload: pullRequestPayload(repo, pull) };
}

const run = (repository: string, payload: unknown, inputs: Record<string, string> = {}) =>
  runAction({
    event: "pull_request",
    payload,
    repository,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    inputs,
  });

describe("the bundled Action, run as a runner runs it", () => {
  it("dist/index.js and its chunks are fresh, with no chunk left over (npm run bundle)", async () => {
    const dist = new URL("../../dist/", import.meta.url);
    const result = await build({ ...actionBundleOptions, write: false });
    const built = result.outputFiles!.map((file) => relative(dist.pathname, file.path)).sort();
    const committed = ["index.js", ...readdirSync(new URL("chunks/", dist)).map((name) => `chunks/${name}`)].sort();
    expect(committed).toEqual(built);
    const stale = result.outputFiles!.filter((file) => file.text !== readFileSync(file.path, "utf8"));
    expect(stale.map((file) => relative(dist.pathname, file.path))).toEqual([]);
  });

  it("produces the same failing check as the App, with outputs and a job summary", async () => {
    const { repo, pull, payload } = brokenPullRequest("acme/action");
    const result = await run("acme/action", payload);
    expect(result.exitCode).toBe(1);
    expect(repo.checkRuns).toEqual([
      expect.objectContaining({ name: "CTO Co-Pilot / data", head_sha: pull.headSha, conclusion: "failure" }),
    ]);
    expect(repo.checkRuns[0]!.annotations).toEqual([
      expect.objectContaining({ path: "data/engineering/tech_debt.json", start_line: 23, start_column: 19 }),
    ]);
    expect(result.outputs).toMatchObject({
      conclusion: "failure",
      errors: "1",
      warnings: "0",
      "check-run-id": String(repo.checkRuns[0]!.id),
    });
    expect(result.summary).toContain("`items[1].priority` must be one of critical, high, medium, low");
  });

  it("on a label (which cannot change the files) the data check of the head stands: no new check run, conclusion skipped", async () => {
    const { repo, pull } = brokenPullRequest("acme/labelled");
    const result = await run("acme/labelled", pullRequestPayload(repo, pull, "labeled"));
    expect(result.exitCode).toBe(0);
    expect(repo.checkRuns).toEqual([]);
    expect(result.outputs.conclusion).toBe("skipped");
    expect(result.stdout).toContain("Data check: not run on labeled events; the check of this commit stands.");
    // The ADR suggestion answers labels (the skip label): it ran.
    expect(result.outputs["adr-status"]).toBe("not-needed");
  });

  it("still succeeds through injected 502s and a secondary rate limit", async () => {
    const { repo, payload } = brokenPullRequest("acme/flaky");
    github.inject({
      method: "GET",
      path: /\/pulls\/\d+\/files$/,
      status: 502,
      times: 2,
      body: { message: "Bad Gateway" },
    });
    github.inject({ method: "POST", path: /\/check-runs$/, ...secondaryRateLimit(1) });
    const before = github.requests.length;
    const result = await run("acme/flaky", payload);
    expect(result.stdout).toContain("secondary rate limit");
    expect(result.outputs.conclusion).toBe("failure");
    expect(repo.checkRuns).toHaveLength(1);
    const sent = github.requests.slice(before);
    expect(
      sent.filter((request) => /\/pulls\/\d+\/files$/.test(request.path)).map((request) => request.status),
    ).toEqual([502, 502, 200]);
    expect(
      sent
        .filter((request) => request.method === "POST" && /check-runs$/.test(request.path))
        .map((request) => request.status),
    ).toEqual([403, 201]);
  }, 30_000);

  it("with a read-only token (fork PR) writes workflow annotations and the job summary instead", async () => {
    const { repo, payload } = brokenPullRequest("acme/fork");
    github.readOnlyTokens.add("ghs_fork_token");
    const result = await run("acme/fork", payload, { "github-token": "ghs_fork_token" });
    expect(repo.checkRuns).toHaveLength(0);
    expect(result.stdout).toMatch(
      /::error title=CTO Co-Pilot \/ data%3A invalid-value,file=data\/engineering\/tech_debt.json,line=23,endLine=23,col=19,endColumn=\d+::`items\[1\].priority` must be one of/,
    );
    expect(result.summary).toContain("cannot create check runs");
    expect(result.outputs.conclusion).toBe("failure");
    expect(result.outputs["check-run-id"]).toBeUndefined();
  });

  it("dry-run creates nothing and shows the plan", async () => {
    const { repo, payload } = brokenPullRequest("acme/dry");
    const result = await run("acme/dry", payload, { "dry-run": "true" });
    expect(repo.checkRuns).toHaveLength(0);
    expect(result.summary).toContain("Dry run");
  });

  it("does nothing on events it has no command for, and refuses an unknown command", async () => {
    const push = await runAction({
      event: "push",
      payload: {},
      repository: "acme/x",
      apiUrl: github.restUrl,
      graphqlUrl: github.graphqlUrl,
    });
    expect(push.exitCode).toBe(0);
    const bad = await runAction({
      event: "push",
      payload: {},
      repository: "acme/x",
      apiUrl: github.restUrl,
      graphqlUrl: github.graphqlUrl,
      inputs: { command: "deploy" },
    });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("::error::input command must be one of auto, data-check");
  });

  it("text from the repository never starts a workflow command in the log", async () => {
    const repo = github.addRepo("action/commands", {
      ".github/cto-copilot.yml":
        'dataDir: "data\\n::error file=README.md::Approved by security\\n::stop-commands::x"\n',
    });
    const pull = repo.openPullRequest({ "src/app.ts": "x" });
    const result = await run(repo.fullName, pullRequestPayload(repo, pull));
    expect(result.stdout).toContain("Approved by security");
    expect(result.stdout).not.toMatch(/^::error file=README\.md::Approved/m);
    expect(result.stdout).not.toMatch(/^::stop-commands::/m);
  });
});
