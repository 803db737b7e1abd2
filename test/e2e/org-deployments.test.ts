import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import type { GitHubClient } from "../../src/github/client.js";
import { fetchDeployments } from "../../src/github/fetch-deployments.js";
import { fetchOrgDeployments } from "../../src/github/fetch-org-deployments.js";
import { GitHubEmulator } from "../support/emulator/server.js";

let github: GitHubEmulator;
let client: GitHubClient;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
  client = new (Octokit.plugin(paginateRest))({ auth: "ghs_test", baseUrl: github.restUrl }) as GitHubClient;
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

const day = 86_400_000;
const now = Date.parse("2025-11-01T00:00:00Z");

describe("the organisation's deployments, many repositories per query", () => {
  it("reads 45 repositories in 3 queries plus the page one busy repository needs, as the one-repository reader would, and reports one it cannot read", async () => {
    const repos = Array.from({ length: 45 }, (_, i) => {
      const repo = github.addRepo(`org/svc-${String(i).padStart(2, "0")}`, {
        "data/engineering/tech_debt.json": `{"items": [${i}]}`,
      });
      const sha = repo.branches.get("main")!;
      // Busy or quiet, failures among them, and one older success before the 90-day window.
      const count = i === 7 ? 130 : i % 6;
      for (let d = 0; d < count; d++)
        repo.addDeployment(
          sha,
          "production",
          d % 9 === 4 ? ["in_progress", "failure"] : ["in_progress", "success"],
          new Date(now - (d * 80 * day) / Math.max(count, 1) - day).toISOString(),
        );
      repo.addDeployment(sha, "production", ["success"], new Date(now - 120 * day).toISOString());
      return repo;
    });
    const refs = [
      ...repos.map((repo) => ({ owner: "org", repo: repo.name })),
      { owner: "org", repo: "deleted-service" },
    ];
    const since = now - 90 * day;
    const before = github.requests.length;
    const read = await fetchOrgDeployments(client, refs, {
      environment: "production",
      since,
      files: ["data/engineering/tech_debt.json", "data/engineering/missing.json"],
    });
    const requests = github.requests.length - before;
    // 46 repositories: 3 batched queries (50 deployments each); the busy one (131) needs one more page of 100.
    expect(requests).toBe(4);
    expect(read.at(-1)).toEqual({
      repo: { owner: "org", repo: "deleted-service" },
      problem: "not readable (no access, deleted or renamed)",
    });
    for (const [index, result] of read.slice(0, 45).entries()) {
      const alone = await fetchDeployments(client, result.repo, "production", since);
      expect(result.deployments).toEqual(alone);
      expect(result.files?.get("data/engineering/tech_debt.json")).toBe(`{"items": [${index}]}`);
      expect(result.files?.has("data/engineering/missing.json")).toBe(false);
    }
  });
});
