import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { GitHubClient } from "../../src/github/client.js";
import { githubGateway } from "../../src/github/gateway.js";
import { OpenApiValidator } from "../support/emulator/openapi.js";
import { GitHubEmulator, staleWrite } from "../support/emulator/server.js";
import { installationPayload, installationRepositoriesPayload } from "../support/webhook-payloads.js";
import { ownedBody } from "../../src/markdown/ownership.js";

/** The root tree id git itself computes for these files (`git write-tree`). */
function gitTreeOf(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "emulator-tree-"));
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" }).trim();
    git("init", "-q");
    for (const [path, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), content);
    }
    git("add", "-A");
    return git("write-tree");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const pullsByBranch = `query($owner: String!, $name: String!, $branch: String!, $states: [PullRequestState!]) {
  repository(owner: $owner, name: $name) {
    pullRequests(headRefName: $branch, states: $states, first: 10, orderBy: { field: CREATED_AT, direction: DESC }) {
      nodes { number url state merged closed createdAt headRefName }
    }
  }
}`;
type PullNodes = {
  repository: {
    pullRequests: {
      nodes: { number: number; url: string; state: string; merged: boolean; closed: boolean; headRefName: string }[];
    };
  };
};

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
      expect.objectContaining({ issue: pull.number, body: ownedBody("adr", "Thanks for the ADR") }),
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

  it("lists a git tree recursively (directories included, git's ids and order) or one level, by ref, commit or tree", async () => {
    const files = {
      "src/index.ts": "export {};\n",
      "src/app/main.ts": "main();\n",
      ".github/workflows/ci.yml": "on: push\n",
      "package.json": "{}\n",
      "src-old.txt": "x",
    };
    const repo = github.addRepo("emu/trees", files);
    const head = repo.branches.get("main")!;
    const before = github.count("GET", /\/git\/trees\//);
    const { data: recursive } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: "emu",
      repo: "trees",
      tree_sha: "main",
      recursive: "1",
    });
    expect(github.count("GET", /\/git\/trees\//)).toBe(before + 1);
    expect(recursive.truncated).toBe(false);
    expect(recursive.sha).toBe(gitTreeOf({ README: "# test\n", ...files }));
    expect(recursive.tree.map((entry) => [entry.path, entry.type])).toEqual([
      [".github", "tree"],
      [".github/workflows", "tree"],
      [".github/workflows/ci.yml", "blob"],
      ["README", "blob"],
      ["package.json", "blob"],
      ["src-old.txt", "blob"],
      ["src", "tree"],
      ["src/app", "tree"],
      ["src/app/main.ts", "blob"],
      ["src/index.ts", "blob"],
    ]);
    expect(recursive.tree.find((entry) => entry.path === "package.json")).toMatchObject({
      mode: "100644",
      size: 3,
      sha: execFileSync("git", ["hash-object", "--stdin"], { input: "{}\n", encoding: "utf8" }).trim(),
    });
    expect(recursive.tree.find((entry) => entry.path === "src")).toMatchObject({ mode: "040000" });
    // GraphQL's object(expression:) gives the same ids.
    const objects = await octokit.graphql<{ repository: { blob: { oid: string }; dir: { oid: string } } }>(
      `query { repository(owner: "emu", name: "trees") {
        blob: object(expression: "HEAD:package.json") { ... on Blob { oid } }
        dir: object(expression: "HEAD:src") { ... on Tree { oid } } } }`,
      { baseUrl: github.restUrl },
    );
    expect(objects.repository.blob.oid).toBe(recursive.tree.find((entry) => entry.path === "package.json")!.sha);
    expect(objects.repository.dir.oid).toBe(recursive.tree.find((entry) => entry.path === "src")!.sha);
    expect(recursive.tree.find((entry) => entry.path === "src")).not.toHaveProperty("size");

    // The commit's tree id (what GET /git/commits says), the commit sha and the branch agree.
    const { data: commit } = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      owner: "emu",
      repo: "trees",
      commit_sha: head,
    });
    expect(commit.tree.sha).toBe(recursive.sha);
    for (const treeSha of [head, commit.tree.sha]) {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
        owner: "emu",
        repo: "trees",
        tree_sha: treeSha,
      });
      expect(data.sha).toBe(recursive.sha);
      expect(data.tree.map((entry) => entry.path)).toEqual([".github", "README", "package.json", "src-old.txt", "src"]);
    }
    // A subtree by the id the listing gave, one level.
    const src = recursive.tree.find((entry) => entry.path === "src")!.sha!;
    const { data: subtree } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: "emu",
      repo: "trees",
      tree_sha: src,
    });
    expect(subtree.tree.map((entry) => [entry.path, entry.type])).toEqual([
      ["app", "tree"],
      ["index.ts", "blob"],
    ]);
    // A branch name with a slash.
    repo.commit({ "docs/setup.md": "# Setup\n" }, { branch: "cto-copilot/onboarding", parent: head });
    const { data: onboarding } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
      owner: "emu",
      repo: "trees",
      tree_sha: "cto-copilot/onboarding",
      recursive: "true",
    });
    expect(onboarding.tree.map((entry) => entry.path)).toContain("docs/setup.md");
    await expect(
      octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
        owner: "emu",
        repo: "trees",
        tree_sha: "nope",
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it("truncates a tree past treeEntryLimit entries, as GitHub does past 100,000", async () => {
    github.addRepo("emu/big-tree", Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`pkg/f${i}.ts`, `${i}`])));
    github.treeEntryLimit = 10;
    try {
      const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/trees/{tree_sha}", {
        owner: "emu",
        repo: "big-tree",
        tree_sha: "HEAD",
        recursive: "1",
      });
      expect(data.truncated).toBe(true);
      expect(data.tree).toHaveLength(10);
      expect(data.tree[0]).toMatchObject({ path: "README", type: "blob" });
    } finally {
      github.treeEntryLimit = 100_000;
    }
  });

  it("records commit authors: GraphQL history with since and cursors, user null without a login, REST commits", async () => {
    const repo = github.addRepo("emu/authors");
    repo.commit(
      { "old.txt": "1" },
      { author: { name: "Old Timer", email: "old@example.com" }, date: "2025-06-01T00:00:00Z" },
    );
    repo.commit(
      { "a.txt": "1" },
      { author: { name: "Ada Lovelace", email: "ada@example.com", login: "ada" }, date: "2025-11-02T00:00:00Z" },
    );
    repo.commit({ "b.txt": "1" }, { author: { name: "Contractor", email: "c@agency.example" } });
    const last = repo.commit({ "c.txt": "1" });
    const query = `query($owner: String!, $name: String!, $since: GitTimestamp, $cursor: String) {
      repository(owner: $owner, name: $name) {
        defaultBranchRef { target { ... on Commit { history(first: 2, since: $since, after: $cursor) {
          pageInfo { hasNextPage endCursor }
          nodes { oid author { name email date user { login } } }
        } } } }
      }
    }`;
    type Page = {
      repository: {
        defaultBranchRef: {
          target: {
            history: {
              pageInfo: { hasNextPage: boolean; endCursor: string | null };
              nodes: { oid: string; author: { name: string; email: string; user: { login: string } | null } }[];
            };
          };
        };
      };
    };
    const authors: { name: string; email: string; login: string | null }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: Page = await octokit.graphql<Page>(query, {
        owner: "emu",
        name: "authors",
        since: "2025-11-01T12:00:00Z",
        cursor,
        baseUrl: github.restUrl,
      });
      const { history } = page.repository.defaultBranchRef.target;
      authors.push(...history.nodes.map(({ author }) => ({ ...author, login: author.user?.login ?? null })));
      if (pages++ === 0) expect(history.nodes[0]!.oid).toBe(last);
      cursor = history.pageInfo.hasNextPage ? history.pageInfo.endCursor : null;
    } while (cursor);
    expect(pages).toBe(2);
    expect(authors.map(({ name, email, login }) => ({ name, email, login }))).toEqual([
      { name: "Octo Cat", email: "octocat@example.com", login: "octocat" },
      { name: "Contractor", email: "c@agency.example", login: null },
      { name: "Ada Lovelace", email: "ada@example.com", login: "ada" },
    ]);
    // The same through ref(qualifiedName:), and a commit's author on its own.
    const viaRef = await octokit.graphql<{
      repository: { ref: { target: { history: { nodes: { author: { user: { login: string } | null } }[] } } } };
    }>(
      `query { repository(owner: "emu", name: "authors") { ref(qualifiedName: "refs/heads/main") { target { ... on Commit {
        history(first: 100, since: "2025-11-01T12:00:00Z") { nodes { author { user { login } } } } } } } } }`,
      { baseUrl: github.restUrl },
    );
    expect(viaRef.repository.ref.target.history.nodes.map((node) => node.author.user?.login ?? null)).toEqual([
      "octocat",
      null,
      "ada",
    ]);
    const { data } = await octokit.request("GET /repos/{owner}/{repo}/git/commits/{commit_sha}", {
      owner: "emu",
      repo: "authors",
      commit_sha: repo.branches.get("main")!,
    });
    expect(data.author).toMatchObject({ name: "Octo Cat", email: "octocat@example.com" });
  });

  it("finds pull requests by head branch in every state; refuses a second open one; closes through REST", async () => {
    const repo = github.addRepo("emu/onboarding");
    const branch = "cto-copilot/onboarding";
    const ask = (states?: string[]) =>
      octokit
        .graphql<PullNodes>(pullsByBranch, {
          owner: "emu",
          name: "onboarding",
          branch,
          states,
          baseUrl: github.restUrl,
        })
        .then((data) => data.repository.pullRequests.nodes);
    repo.commit({ "data/engineering/tech_stack.json": "{}" }, { branch, parent: repo.branches.get("main")! });
    const open = `mutation($input: CreatePullRequestInput!) { createPullRequest(input: $input) { pullRequest { number url } } }`;
    const input = {
      repositoryId: `R_${repo.id}`,
      baseRefName: "main",
      headRefName: branch,
      title: "Set up CTO Co-Pilot",
    };
    const created = await octokit.graphql<{ createPullRequest: { pullRequest: { number: number } } }>(open, {
      input,
      baseUrl: github.restUrl,
    });
    const number = created.createPullRequest.pullRequest.number;
    expect(await ask(["OPEN"])).toEqual([
      expect.objectContaining({ number, state: "OPEN", merged: false, closed: false, headRefName: branch }),
    ]);
    await expect(octokit.graphql(open, { input, baseUrl: github.restUrl })).rejects.toThrow(
      /A pull request already exists for emu:cto-copilot\/onboarding/,
    );

    const { data: closed } = await octokit.request("PATCH /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: "emu",
      repo: "onboarding",
      pull_number: number,
      state: "closed",
    });
    expect(closed).toMatchObject({ number, state: "closed", merged: false, head: { ref: branch } });
    expect(await ask(["OPEN"])).toEqual([]);
    expect(await ask(["OPEN", "CLOSED", "MERGED"])).toEqual([
      expect.objectContaining({ number, state: "CLOSED", merged: false, closed: true }),
    ]);

    // A later pull request from the branch comes first (CREATED_AT DESC); merged ones say MERGED.
    const later = repo.openPullRequest({ "x.txt": "1" }, { branch: "cto-copilot/onboarding" });
    repo.mergePullRequest(later.number);
    expect((await ask(["OPEN", "CLOSED", "MERGED"])).map((node) => [node.number, node.state])).toEqual([
      [later.number, "MERGED"],
      [number, "CLOSED"],
    ]);
    const third = repo.openPullRequest({ "y.txt": "1" }, { branch: "other" });
    repo.closePull(third.number);
    expect(repo.pulls.get(third.number)!.closedAt).toBeDefined();
    const { data: fetched } = await octokit.request("GET /repos/{owner}/{repo}/pulls/{pull_number}", {
      owner: "emu",
      repo: "onboarding",
      pull_number: later.number,
    });
    expect(fetched).toMatchObject({ state: "closed", merged: true });
  });

  it("an open pull request follows its branch: a push moves its head, its files and its commits", async () => {
    const repo = github.addRepo("emu/follow", { "src/app.ts": "export const a = 1;\n" });
    const pull = repo.openPullRequest({ "src/app.ts": "export const a = 2;\n" }, { branch: "feature/follow" });
    const first = pull.headSha;
    const get = (path = "") =>
      octokit.request(`GET /repos/{owner}/{repo}/pulls/{pull_number}${path}`, {
        owner: "emu",
        repo: "follow",
        pull_number: pull.number,
      });
    const files = async () =>
      ((await get("/files")).data as { filename: string; patch?: string }[]).map((file) => [file.filename, file.patch]);

    // A push from git.
    const pushed = repo.commit({ "infra/main.tf": 'resource "aws_s3_bucket" "b" {}\n' }, { branch: "feature/follow" });
    let { data } = await get();
    expect(data).toMatchObject({ head: { ref: "feature/follow", sha: pushed }, commits: 2, changed_files: 2 });
    expect(await files()).toEqual([
      ["infra/main.tf", expect.stringContaining('+resource "aws_s3_bucket" "b" {}')],
      ["src/app.ts", expect.stringContaining("+export const a = 2;")],
    ]);

    // A push through the REST git data API, as the App commits: the same.
    const { data: tree } = await octokit.request("POST /repos/{owner}/{repo}/git/trees", {
      owner: "emu",
      repo: "follow",
      base_tree: repo.treeShaOf(pushed),
      tree: [{ path: "src/app.ts", mode: "100644", type: "blob", content: "export const a = 3;\n" }],
    });
    const { data: commit } = await octokit.request("POST /repos/{owner}/{repo}/git/commits", {
      owner: "emu",
      repo: "follow",
      message: "a = 3",
      tree: tree.sha,
      parents: [pushed],
    });
    await octokit.request("PATCH /repos/{owner}/{repo}/git/refs/{ref}", {
      owner: "emu",
      repo: "follow",
      ref: "heads/feature/follow",
      sha: commit.sha,
    });
    ({ data } = await get());
    expect(data).toMatchObject({ head: { sha: commit.sha }, base: { sha: pull.baseSha }, commits: 3 });
    expect(await files()).toContainEqual(["src/app.ts", expect.stringContaining("+export const a = 3;")]);
    expect(data.head.sha).not.toBe(first);

    // Closed, it keeps its head while the branch moves; reopened, it takes the branch up again.
    repo.closePull(pull.number);
    const whileClosed = repo.commit({ "README.md": "# follow\n" }, { branch: "feature/follow" });
    expect((await get()).data.head.sha).toBe(commit.sha);
    repo.reopenPull(pull.number);
    expect((await get()).data).toMatchObject({ head: { sha: whileClosed }, commits: 4 });
  });

  it("installs the App: installation payloads match GitHub's description, tokens reach only the selected repositories", async () => {
    const openapi = OpenApiValidator.shared();
    const [a, b, c] = ["emu/install-a", "emu/install-b", "emu/install-c"].map((name) => github.addRepo(name));
    b!.isPrivate = true;
    const installation = github.addInstallation([a!, b!]);
    const created = installationPayload(installation);
    expect(openapi.checkWebhook("installation-created", created)).toEqual([]);
    expect(created).toMatchObject({
      action: "created",
      installation: { id: installation.id, account: { login: "emu" }, repository_selection: "selected" },
      repositories: [
        { id: a!.id, node_id: `R_${a!.id}`, name: "install-a", full_name: "emu/install-a", private: false },
        { id: b!.id, node_id: `R_${b!.id}`, name: "install-b", full_name: "emu/install-b", private: true },
      ],
    });

    const { data: token } = await octokit.request("POST /app/installations/{installation_id}/access_tokens", {
      installation_id: installation.id,
    });
    const asInstallation = new (Octokit.plugin(paginateRest))({ auth: token.token, baseUrl: github.restUrl });
    const { data: listed } = await asInstallation.request("GET /installation/repositories");
    expect(listed.repositories.map((repo) => repo.full_name)).toEqual(["emu/install-a", "emu/install-b"]);
    expect(
      (await asInstallation.request("GET /repos/{owner}/{repo}", { owner: "emu", repo: "install-a" })).data
        .default_branch,
    ).toBe("main");
    await expect(
      asInstallation.request("GET /repos/{owner}/{repo}", { owner: "emu", repo: "install-c" }),
    ).rejects.toMatchObject({ status: 404 });
    b!.isArchived = true;
    const basics = await asInstallation.graphql<{
      a: { isArchived: boolean; defaultBranchRef: { name: string } };
      b: { isArchived: boolean };
    }>(
      `query { a: repository(owner: "emu", name: "install-a") { isArchived defaultBranchRef { name } }
        b: repository(owner: "emu", name: "install-b") { isArchived } }`,
      { baseUrl: github.restUrl },
    );
    expect(basics).toEqual({ a: { isArchived: false, defaultBranchRef: { name: "main" } }, b: { isArchived: true } });
    // As GitHub answers a repository the token does not reach: null, with a NOT_FOUND error.
    await expect(
      asInstallation.graphql(`query { repository(owner: "emu", name: "install-c") { id } }`, {
        baseUrl: github.restUrl,
      }),
    ).rejects.toMatchObject({
      data: { repository: null },
      errors: [{ type: "NOT_FOUND", path: ["repository"], message: expect.stringContaining("emu/install-c") }],
    });

    github.addToInstallation(installation, [c!], "2030-01-01T00:00:00Z");
    const added = installationRepositoriesPayload(installation, { added: [c!] });
    expect(openapi.checkWebhook("installation-repositories-added", added)).toEqual([]);
    expect(added).toMatchObject({
      action: "added",
      installation: { id: installation.id, updated_at: "2030-01-01T00:00:00Z" },
      repositories_added: [{ id: c!.id, full_name: "emu/install-c" }],
      repositories_removed: [],
    });
    expect(
      (await asInstallation.request("GET /repos/{owner}/{repo}", { owner: "emu", repo: "install-c" })).status,
    ).toBe(200);
    expect(
      (await octokit.request("GET /app/installations/{installation_id}", { installation_id: installation.id })).data.id,
    ).toBe(installation.id);
    await expect(
      octokit.request("POST /app/installations/{installation_id}/access_tokens", { installation_id: 999 }),
    ).rejects.toMatchObject({ status: 404 });
    github.removeInstallation(installation);
    await expect(
      asInstallation.request("GET /repos/{owner}/{repo}", { owner: "emu", repo: "install-a" }),
    ).rejects.toMatchObject({ status: 401 });
  });
});
