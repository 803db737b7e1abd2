import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import type { GitHubClient } from "../../src/github/client.js";
import { githubGateway } from "../../src/github/gateway.js";
import { GitHubEmulator, staleWrite } from "../support/emulator/server.js";

let github: GitHubEmulator;
let octokit: GitHubClient;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
  octokit = new (Octokit.plugin(paginateRest))({ auth: "ghs_test", baseUrl: github.restUrl }) as GitHubClient;
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

describe("the GitHub emulator (every response checked against GitHub's OpenAPI description)", () => {
  it("serves issues, labels and comments, paginated", async () => {
    const repo = github.addRepo("emu/issues");
    for (let i = 0; i < 35; i++) repo.createIssue({ title: `Issue ${i}`, labels: i % 2 ? ["incident"] : [] });
    const incidents = await octokit.paginate("GET /repos/{owner}/{repo}/issues", {
      owner: "emu",
      repo: "issues",
      labels: "incident",
      state: "all",
      per_page: 10,
    });
    expect(incidents).toHaveLength(17);
    const { data: created } = await octokit.request("POST /repos/{owner}/{repo}/issues", {
      owner: "emu",
      repo: "issues",
      title: "Debt: flaky tests",
      labels: ["tech-debt"],
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
      owner: "emu",
      repo: "issues",
      issue_number: created.number,
      state: "closed",
      state_reason: "completed",
    });
    expect(repo.issues.get(created.number)).toMatchObject({
      state: "closed",
      stateReason: "completed",
      labels: ["tech-debt"],
    });
    await octokit.request("POST /repos/{owner}/{repo}/labels", {
      owner: "emu",
      repo: "issues",
      name: "no-adr",
      color: "ededed",
    });
    expect(
      (await octokit.request("GET /repos/{owner}/{repo}/labels", { owner: "emu", repo: "issues" })).data.map(
        (label) => label.name,
      ),
    ).toContain("no-adr");
  });

  it("upserts one marked comment through the gateway: created, unchanged, updated", async () => {
    const repo = github.addRepo("emu/comments");
    const pull = repo.openPullRequest({ "infra/main.tf": "resource {}\n" });
    const gateway = githubGateway(octokit, { owner: "emu", repo: "comments" }).publish;
    expect((await gateway.upsertComment(pull.number, "adr", "Please add an ADR")).action).toBe("created");
    expect((await gateway.upsertComment(pull.number, "adr", "Please add an ADR")).action).toBe("unchanged");
    expect((await gateway.upsertComment(pull.number, "adr", "Thanks for the ADR")).action).toBe("updated");
    expect(repo.comments).toEqual([
      expect.objectContaining({ issue: pull.number, body: "<!-- cto-copilot:adr -->\nThanks for the ADR" }),
    ]);
  });

  it("serves deployments with statuses, releases and refs; refuses a ref update that is not a fast forward", async () => {
    const repo = github.addRepo("emu/deploys");
    const first = repo.branches.get("main")!;
    const second = repo.commit({ "a.txt": "1" });
    repo.addDeployment(first, "production", ["in_progress", "success"], "2025-10-01T10:00:00Z");
    repo.addDeployment(second, "staging", ["failure"], "2025-10-02T10:00:00Z");
    repo.addRelease("v1.0.0", { publishedAt: "2025-10-03T10:00:00Z" });
    const deployments = await octokit.paginate("GET /repos/{owner}/{repo}/deployments", {
      owner: "emu",
      repo: "deploys",
      environment: "production",
    });
    expect(deployments.map((deployment) => deployment.sha)).toEqual([first]);
    const statuses = await octokit.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      owner: "emu",
      repo: "deploys",
      deployment_id: deployments[0]!.id,
    });
    expect(statuses.data.map((status) => status.state)).toEqual(["success", "in_progress"]);
    expect(
      (await octokit.request("GET /repos/{owner}/{repo}/releases", { owner: "emu", repo: "deploys" })).data[0]!
        .tag_name,
    ).toBe("v1.0.0");
    expect(
      (
        await octokit.request("GET /repos/{owner}/{repo}/git/ref/{ref}", {
          owner: "emu",
          repo: "deploys",
          ref: "heads/main",
        })
      ).data.object.sha,
    ).toBe(second);
    await expect(
      octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner: "emu",
        repo: "deploys",
        ref: "heads/main",
        sha: first,
      }),
    ).rejects.toMatchObject({ status: 422 });
    github.inject({ method: "PATCH", path: /git\/refs/, ...staleWrite(409) });
    await expect(
      octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
        owner: "emu",
        repo: "deploys",
        ref: "heads/main",
        sha: second,
      }),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("runs GraphQL on GitHub's published schema and refuses a query that schema refuses", async () => {
    github.addRepo("emu/graphql", { "data/engineering/team.json": "{}" });
    const ok = await octokit.graphql<{ repository: { object: { text: string } } }>(
      `query($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { object(expression: "HEAD:data/engineering/team.json") { ... on Blob { text } } } }`,
      { owner: "emu", name: "graphql", baseUrl: github.restUrl },
    );
    expect(ok.repository.object.text).toBe("{}");
    await expect(
      octokit.graphql(`query { repository(owner: "emu", name: "graphql") { notAField } }`, { baseUrl: github.restUrl }),
    ).rejects.toThrow(/Cannot query field "notAField" on type "Repository"/);
  });

  it("records every request and rejects unauthenticated ones", async () => {
    const before = github.requests.length;
    const response = await fetch(`${github.restUrl}/repos/emu/issues/issues`);
    expect(response.status).toBe(401);
    expect(github.requests.length).toBe(before + 1);
  });
});
