import { afterAll, beforeAll, describe, expect, it } from "@jest/globals";
import { createServer } from "node:net";
import { runAction } from "../support/action-runner.js";
import { templateText } from "../support/data-files.js";
import { GitHubEmulator } from "../support/emulator/server.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";

let github: GitHubEmulator;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
});
afterAll(() => github.stop());

const run = (
  repository: string,
  payload: unknown,
  options: { apiUrl?: string; inputs?: Record<string, string> } = {},
) =>
  runAction({
    event: "pull_request",
    payload,
    repository,
    apiUrl: options.apiUrl ?? github.restUrl,
    graphqlUrl: options.apiUrl ? `${options.apiUrl}/graphql` : github.graphqlUrl,
    inputs: options.inputs ?? {},
  });

function infraPullRequest(name: string) {
  const repo = github.addRepo(name, { "README.md": "a service\n" });
  const pull = repo.openPullRequest({
    "infra/main.tf": 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n',
  });
  return pullRequestPayload(repo, pull);
}

async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe("the Action's job summary says what happened and why", () => {
  it("the ADR command: the outcome, each file that counts with why, and what became of the comment", async () => {
    const result = await run("acme/summary-adr", infraPullRequest("acme/summary-adr"));
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain("## CTO Co-Pilot / ADR: ADR suggested: Infrastructure as code");
    expect(result.summary).toMatch(
      /\| Infrastructure as code \| `infra\/main\.tf` \| adds aws_db_instance\.main[^|]*\|/,
    );
    expect(result.summary).toContain("The suggestion was posted as a comment on the pull request.");
  });

  it("the ADR command when nothing counts: no infrastructure change, said so", async () => {
    const repo = github.addRepo("acme/summary-none", {
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const pull = repo.openPullRequest({ "src/app.py": "print('hello')\n" });
    const result = await run("acme/summary-none", pullRequestPayload(repo, pull), { inputs: { command: "adr" } });
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain("## CTO Co-Pilot / ADR: No infrastructure change");
    expect(result.summary).toContain("No file in this pull request counts as an infrastructure change.");
  });
});

describe("the Action's errors say what to check next", () => {
  it("an unreachable API: says so at the first failure, names GITHUB_API_URL, and fails with the same hint in the summary", async () => {
    const api = `http://127.0.0.1:${await closedPort()}`;
    const result = await run("acme/unreachable", infraPullRequest("acme/unreachable"), { apiUrl: api });
    expect(result.exitCode).toBe(1);
    const firstWarning = result.stdout.indexOf("::warning::");
    expect(firstWarning).toBeGreaterThanOrEqual(0);
    expect(result.stdout.slice(firstWarning)).toMatch(
      new RegExp(
        `^::warning::GitHub's API at ${api.replace(/\./g, "\\.")} cannot be reached \\(ECONNREFUSED\\): check GITHUB_API_URL`,
      ),
    );
    expect(result.summary).toContain("cannot be reached (ECONNREFUSED): check GITHUB_API_URL");
  });

  it("a refused token (401): check the github-token input", async () => {
    const payload = infraPullRequest("acme/refused");
    github.inject({
      status: 401,
      body: { message: "Bad credentials", documentation_url: "https://docs.github.com/rest" },
      times: 20,
    });
    const result = await run("acme/refused", payload);
    github.clearFaults();
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain("::error::GitHub refused the token (401): check the github-token input.");
    expect(result.summary).toContain("check the github-token input");
  });

  it("a missing permission (403): the permissions block the command needs", async () => {
    const payload = infraPullRequest("acme/forbidden");
    github.inject({
      status: 403,
      body: { message: "Resource not accessible by integration", documentation_url: "https://docs.github.com/rest" },
      times: 20,
    });
    const result = await run("acme/forbidden", payload, { inputs: { command: "adr" } });
    github.clearFaults();
    expect(result.exitCode).toBe(1);
    expect(result.stdout).toContain(
      "The token lacks a permission (403 Resource not accessible by integration): give the job a permissions: block with checks: write, contents: read, pull-requests: write",
    );
  });
});
