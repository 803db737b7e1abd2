import { afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import nock from "nock";
import type { GitHubClient } from "../../../src/github/client.js";
import { githubGateway } from "../../../src/github/gateway.js";

const api = "https://api.github.com";
const repo = { owner: "acme", repo: "app" };
const gateway = () =>
  githubGateway(new (Octokit.plugin(paginateRest))({ auth: "token" }) as unknown as GitHubClient, repo);

beforeAll(() => nock.disableNetConnect());
afterEach(() => {
  expect(nock.pendingMocks()).toEqual([]);
  nock.cleanAll();
});

describe("the GitHub gateway", () => {
  it("pages through every changed file, 100 per request", async () => {
    const file = (index: number) => ({
      filename: `f${index}`,
      status: "modified",
      additions: 1,
      deletions: 0,
      changes: 1,
      sha: "x",
      blob_url: "",
      raw_url: "",
      contents_url: "",
    });
    const link = (page: number) => `<${api}/repos/acme/app/pulls/3/files?per_page=100&page=${page}>; rel="next"`;
    nock(api)
      .get("/repos/acme/app/pulls/3/files")
      .query({ per_page: 100 })
      .reply(
        200,
        Array.from({ length: 100 }, (_, i) => file(i)),
        { link: link(2) },
      )
      .get("/repos/acme/app/pulls/3/files")
      .query({ per_page: 100, page: 2 })
      .reply(
        200,
        Array.from({ length: 100 }, (_, i) => file(100 + i)),
        { link: link(3) },
      )
      .get("/repos/acme/app/pulls/3/files")
      .query({ per_page: 100, page: 3 })
      .reply(
        200,
        Array.from({ length: 50 }, (_, i) => file(200 + i)),
      );
    const files = await gateway().view.listChangedFiles({ number: 3, baseSha: "b", headSha: "h" });
    expect(files).toHaveLength(250);
    expect(files[249]).toEqual({ path: "f249", status: "modified", additions: 1, deletions: 0 });
  });

  it("reads 120 files and a directory in 3 GraphQL queries of at most 50 expressions", async () => {
    const queries: Record<string, string>[] = [];
    nock(api)
      .post("/graphql")
      .times(3)
      .reply(200, (_uri, body) => {
        const variables = (body as { variables: Record<string, string> }).variables;
        queries.push(variables);
        const repository: Record<string, unknown> = {};
        for (const [name, expression] of Object.entries(variables)) {
          if (!name.startsWith("e")) continue;
          const alias = `f${name.slice(1)}`;
          if (expression.endsWith(":adrs"))
            repository[alias] = { __typename: "Tree", entries: [{ name: "adr_2025-01-01_x.md" }] };
          else if (expression.endsWith("missing.json")) repository[alias] = null;
          else
            repository[alias] = { __typename: "Blob", byteSize: 2, isBinary: expression.endsWith(".png"), text: "{}" };
        }
        return { data: { repository } };
      });
    const paths = [
      ...Array.from({ length: 117 }, (_, i) => `d/${i}.json`),
      "d/missing.json",
      "d/logo.png",
      "d/last.json",
    ];
    const contents = await gateway().view.readContents("sha1", { files: paths, directories: ["adrs"] });
    expect(queries.map((variables) => Object.keys(variables).filter((key) => key.startsWith("e")).length)).toEqual([
      50, 50, 21,
    ]);
    expect(queries[0]!.e0).toBe("sha1:d/0.json");
    expect(contents.files.size).toBe(119);
    expect(contents.files.get("d/logo.png")).toEqual({ path: "d/logo.png", byteSize: 2, text: null, unread: "binary" });
    expect(contents.directories.get("adrs")).toEqual(["adr_2025-01-01_x.md"]);
  });

  it("creates a check run with 120 annotations in 1 create and 2 updates of at most 50", async () => {
    const sent: number[] = [];
    nock(api)
      .post(
        "/repos/acme/app/check-runs",
        (body) => (
          sent.push(body.output.annotations.length),
          body.status === "completed" && body.conclusion === "failure"
        ),
      )
      .reply(201, { id: 77 })
      .patch("/repos/acme/app/check-runs/77", (body) => (sent.push(body.output.annotations.length), true))
      .times(2)
      .reply(200, { id: 77 });
    const annotations = Array.from({ length: 120 }, (_, i) => ({
      path: "a.json",
      start_line: i + 1,
      end_line: i + 1,
      annotation_level: "failure" as const,
      message: "m",
    }));
    const id = await gateway().publish.createCheckRun({
      name: "CTO Co-Pilot / data",
      headSha: "abc",
      conclusion: "failure",
      title: "t",
      summary: "s",
      annotations,
    });
    expect(id).toBe(77);
    expect(sent).toEqual([50, 50, 20]);
  });

  it("finds the latest check run of a name on a commit", async () => {
    nock(api)
      .get("/repos/acme/app/commits/abc/check-runs")
      .query({ check_name: "CTO Co-Pilot / data", filter: "latest", per_page: 1 })
      .reply(200, {
        total_count: 1,
        check_runs: [{ id: 5, status: "completed", conclusion: "success", output: { title: "t", summary: "s" } }],
      });
    expect(await gateway().publish.findCheckRun("abc", "CTO Co-Pilot / data")).toEqual({
      id: 5,
      status: "completed",
      conclusion: "success",
      title: "t",
      summary: "s",
    });
  });
});

describe("tags read from GitHub", () => {
  it("peel tags of tags to their commit, skip a tag of a tree with a note, and take the outer tagger date", async () => {
    const { fetchTagDeployments } = await import("../../../src/github/fetch-tags.js");
    const commit = (oid: string, date: string) => ({ __typename: "Commit", oid, committedDate: date });
    const nodes = [
      {
        name: "v2.0.0",
        target: {
          __typename: "Tag",
          oid: "t2",
          tagger: { date: "2025-10-02T00:00:00Z" },
          target: {
            __typename: "Tag",
            oid: "t1",
            tagger: { date: "2025-10-01T00:00:00Z" },
            target: commit("c2", "2025-09-30T00:00:00Z"),
          },
        },
      },
      { name: "v1.0.0", target: commit("c1", "2025-09-01T00:00:00Z") },
      { name: "v0.9.0", target: { __typename: "Tree", oid: "tree1" } },
      { name: "v0.9.0-rc.1", target: commit("c0", "2025-08-01T00:00:00Z") },
    ];
    const client = {
      graphql: async () => ({ repository: { refs: { pageInfo: { hasNextPage: false, endCursor: null }, nodes } } }),
    };
    const read = await fetchTagDeployments(
      client as unknown as GitHubClient,
      repo,
      (name) => /^v?\d+\.\d+\.\d+$/.test(name),
      0,
    );
    expect(read.deployments.map((d) => [d.ref, d.sha, new Date(d.time).toISOString()])).toEqual([
      ["v2.0.0", "c2", "2025-10-02T00:00:00.000Z"],
      ["v1.0.0", "c1", "2025-09-01T00:00:00.000Z"],
    ]);
    expect(read.notes).toEqual(["tag v0.9.0 does not lead to a commit: skipped"]);
  });
});
