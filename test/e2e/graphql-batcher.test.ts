import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { parse, type OperationDefinitionNode } from "graphql";
import type { GitHubClient } from "../../src/github/client.js";
import { fetchDeployments } from "../../src/github/fetch-deployments.js";
import { batchingClient, queryCost } from "../../src/github/graphql-batcher.js";
import { readRepositoryContents } from "../../src/github/read-contents.js";
import { standaloneClient } from "../../src/github/standalone-client.js";
import { GitHubEmulator, secondaryRateLimit } from "../support/emulator/server.js";

let github: GitHubEmulator;
/** Octokit without the throttling plugin's pacing (one GraphQL request a second), for speed. */
let client: GitHubClient;
/** The CLI's Octokit: paced, and waiting out rate limits. */
let throttled: GitHubClient;
const warnings: string[] = [];
beforeAll(async () => {
  github = await new GitHubEmulator().start();
  client = new (Octokit.plugin(paginateRest))({ auth: "ghs_test", baseUrl: github.restUrl }) as GitHubClient;
  throttled = standaloneClient({
    token: "ghs_test",
    apiUrl: github.restUrl,
    warn: (message) => warnings.push(message),
  });
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

const day = 86_400_000;
const now = Date.parse("2025-11-01T00:00:00Z");
const since = now - 90 * day;
const graphqlRequests = () => github.requests.filter((request) => request.path === "/api/graphql").length;

function addServices(prefix: string, count: number) {
  return Array.from({ length: count }, (_, i) => {
    const repo = github.addRepo(`org/${prefix}-${String(i).padStart(2, "0")}`, {
      "data/engineering/tech_debt.json": `{"items": [${i}]}`,
    });
    const sha = repo.branches.get("main")!;
    // Busy or quiet, failures among them, and one older success before the 90-day window.
    const deployments = i === 7 ? 130 : i % 6;
    for (let d = 0; d < deployments; d++)
      repo.addDeployment(
        sha,
        "production",
        d % 9 === 4 ? ["in_progress", "failure"] : ["in_progress", "success"],
        new Date(now - (d * 80 * day) / Math.max(deployments, 1) - day).toISOString(),
      );
    repo.addDeployment(sha, "production", ["success"], new Date(now - 120 * day).toISOString());
    return { owner: "org", repo: repo.name };
  });
}

/** What one repository's readers ask: its deployments and two files. */
const readOne = (reader: GitHubClient, repo: { owner: string; repo: string }) =>
  Promise.all([
    fetchDeployments(reader, repo, "production", since),
    readRepositoryContents(reader, repo, "HEAD", {
      files: ["data/engineering/tech_debt.json", "data/engineering/missing.json"],
    }),
  ]);

describe("queries of many repositories merged into few requests", () => {
  it("reads 45 repositories' deployments and files in 3 requests, each answer equal to its own request's", async () => {
    const repos = addServices("svc", 45);
    const batcher = batchingClient(client);
    const before = graphqlRequests();
    const merged = await Promise.all(repos.map((repo) => readOne(batcher.client, repo)));
    // 90 queries, 50 per request: 2 requests; the busy repository (131 deployments) one more page.
    expect(graphqlRequests() - before).toBe(3);
    expect(batcher.stats).toMatchObject({ requests: 3, queries: 91 });
    // 25 deployment pages of 100 with 20 statuses each: 52,500 nodes, a tenth of GitHub's limit.
    expect(batcher.stats.largestNodes).toBe(52_500);
    const alone = graphqlRequests();
    for (const [index, repo] of repos.entries()) {
      const [deployments, contents] = merged[index]!;
      expect(deployments).toEqual(await fetchDeployments(client, repo, "production", since));
      expect(contents.files.get("data/engineering/tech_debt.json")?.text).toBe(`{"items": [${index}]}`);
      expect(contents.files.has("data/engineering/missing.json")).toBe(false);
    }
    expect(graphqlRequests() - alone).toBeGreaterThanOrEqual(45);
  });

  it("fails only the query of a repository it cannot read, the others in the same request answer", async () => {
    const repos = addServices("app", 3);
    const batcher = batchingClient(client);
    const results = await Promise.allSettled(
      [...repos, { owner: "org", repo: "deleted-service" }].map((repo) => readOne(batcher.client, repo)),
    );
    expect(batcher.stats.requests).toBe(1);
    expect(results.slice(0, 3).map((result) => result.status)).toEqual(["fulfilled", "fulfilled", "fulfilled"]);
    expect(results[3]).toMatchObject({
      status: "rejected",
      reason: {
        message: expect.stringContaining("Could not resolve to a Repository with the name 'org/deleted-service'"),
      },
    });
  });

  it("splits a step whose queries would pass the node bound, and counts points by GitHub's formula", async () => {
    const repos = addServices("lib", 6);
    const batcher = batchingClient(client, { maxNodes: 5_000 });
    await Promise.all(repos.map((repo) => fetchDeployments(batcher.client, repo, "production", since)));
    // 2,100 nodes a query: two per request.
    expect(batcher.stats.requests).toBe(3);
    expect(batcher.stats.largestNodes).toBe(4_200);
    // Each query asks the deployments connection once and the statuses 100 times: 101 calls, about 1 point.
    const operation = parse(
      'query($n: Int) { repository(owner: "o", name: "r") { deployments(first: 100) { nodes { statuses(first: 20) { nodes { state } } } } history: object(expression: "HEAD") { ... on Commit { history(first: $n) { nodes { oid } } } } } }',
    ).definitions[0] as OperationDefinitionNode;
    expect(queryCost(operation.selectionSet, { n: 30 })).toEqual({ nodes: 100 + 2_000 + 30, calls: 102 });
    expect(batcher.stats.points).toBe(3 * 2);
  });

  it("asks again in halves when GitHub gives up on a merged request (a timeout), and answers every query", async () => {
    const repos = addServices("etl", 4);
    const batcher = batchingClient(client);
    github.inject({ method: "POST", path: /graphql$/, status: 502, body: { message: "Server Error" } });
    const before = graphqlRequests();
    const merged = await Promise.all(repos.map((repo) => readOne(batcher.client, repo)));
    // The failed request of 8 queries, then two of 4.
    expect(graphqlRequests() - before).toBe(3);
    for (const [index, repo] of repos.entries())
      expect(merged[index]![0]).toEqual(await fetchDeployments(client, repo, "production", since));
  });

  it("a query GitHub refuses (a field an older server lacks) is found alone, its batch-mates answered", async () => {
    const repos = addServices("ghes", 3);
    const batcher = batchingClient(client);
    const bad = batcher.client.graphql(
      `query Old($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { fieldOfTomorrow } }`,
      { owner: "org", name: repos[0]!.repo },
    );
    const good = repos.map((repo) =>
      // The object form Octokit also takes: query and variables together.
      batcher.client.graphql({
        query: `query Name($owner: String!, $name: String!) { repository(owner: $owner, name: $name) { nameWithOwner } }`,
        owner: repo.owner,
        name: repo.repo,
      }),
    );
    const [refused, ...answered] = await Promise.allSettled([bad, ...good]);
    expect(refused).toMatchObject({
      status: "rejected",
      reason: { message: expect.stringContaining('Cannot query field "fieldOfTomorrow"') },
    });
    expect(String((refused as PromiseRejectedResult).reason.message)).not.toMatch(/\bq\d+_/);
    expect(answered).toEqual(
      repos.map((repo) => ({ status: "fulfilled", value: { repository: { nameWithOwner: `org/${repo.repo}` } } })),
    );
    // 4 queries, then halves of 2, then the culprit and its neighbour alone.
    expect(batcher.stats.requests).toBe(5);
  });

  it("waits out a secondary rate limit and answers every merged query", async () => {
    const repos = addServices("job", 4);
    const batcher = batchingClient(throttled);
    github.inject({ method: "POST", path: /graphql$/, ...secondaryRateLimit(1) });
    const before = graphqlRequests();
    const merged = await Promise.all([
      ...repos.map((repo) => fetchDeployments(batcher.client, repo, "production", since)),
      readRepositoryContents(batcher.client, repos[0]!, "HEAD", { files: ["data/engineering/tech_debt.json"] }),
    ]);
    expect(graphqlRequests() - before).toBe(2);
    expect(warnings.some((warning) => /secondary rate limit.*retrying in 1 s/.test(warning))).toBe(true);
    for (const [index, repo] of repos.entries())
      expect(merged[index]).toEqual(await fetchDeployments(client, repo, "production", since));
  });
});
