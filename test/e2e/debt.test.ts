import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { runAction } from "../support/action-runner.js";
import { runCli } from "../support/cli.js";
import { GitHubEmulator } from "../support/emulator/server.js";
import type { RepoState } from "../support/emulator/state.js";

let github: GitHubEmulator;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
  // As on GitHub: the workflow's GITHUB_TOKEN writes as github-actions[bot], which every workflow
  // of a repository shares; the CLI's token below is a person's.
  github.tokenLogins.set("ghs_runner_token", "github-actions[bot]");
  github.tokenLogins.set("ghp_cli", "dana");
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

type Item = { id: string; title: string; priority?: string; resolvedAt?: string | null; description?: string };
const debtFile = (items: Item[]) => {
  const full = items.map((item) => ({
    id: item.id,
    title: item.title,
    description: item.description ?? `Why ${item.id} matters.`,
    quadrant: "prudent_deliberate",
    impact: "slowing_onboarding",
    estimatedDays: 2,
    priority: item.priority ?? "high",
    createdAt: "2025-06-01",
    resolvedAt: item.resolvedAt ?? null,
  }));
  const open = full.filter((item) => item.resolvedAt === null);
  const count = (priority: string) => open.filter((item) => item.priority === priority).length;
  return JSON.stringify(
    {
      version: "1.0",
      lastUpdated: "2025-11-01",
      items: full,
      summary: {
        critical: count("critical"),
        high: count("high"),
        medium: count("medium"),
        low: count("low"),
        totalEstimatedDays: open.length > 0 ? open.length * 2 : null,
      },
    },
    null,
    2,
  );
};
const config = (extra = "") => `debt:\n  issues: true\n${extra}`;

function repoWith(name: string, items: Item[], extra = ""): RepoState {
  return github.addRepo(name, {
    ".github/cto-copilot.yml": config(extra),
    "data/engineering/tech_debt.json": debtFile(items),
  });
}
const edit = (repo: RepoState, items: Item[]) =>
  repo.commit({ "data/engineering/tech_debt.json": debtFile(items) }, { message: "debt" });
const push = (repo: RepoState, inputs: Record<string, string> = {}) =>
  runAction({
    event: "push",
    payload: {
      ref: "refs/heads/main",
      repository: { default_branch: "main", full_name: repo.fullName, html_url: `https://github.com/${repo.fullName}` },
    },
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    inputs,
  });
const debtIssues = (repo: RepoState) => [...repo.issues.values()].filter((issue) => issue.labels.includes("tech-debt"));
const writes = () =>
  github.requests.filter(
    (request) => request.method !== "GET" && !(request.method === "POST" && request.path.endsWith("/graphql")),
  ).length;

describe("tech-debt issues (Action, command auto on push)", () => {
  it("creates one issue per open item with its labels; a second run writes nothing; resolve, remove and reopen follow the file", async () => {
    const items: Item[] = [
      { id: "debt_001", title: "No integration tests for billing", priority: "critical" },
      { id: "debt_002", title: "Hand-rolled auth middleware", priority: "medium" },
      { id: "debt_003", title: "Monolithic deploy script" },
      { id: "debt_004", title: "Old logger", resolvedAt: "2025-07-01" },
    ];
    const repo = repoWith("debt/lifecycle", items);
    const first = await push(repo);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ "debt-created": "3", "debt-closed": "0" });
    const created = debtIssues(repo);
    expect(created.map((issue) => issue.title).sort()).toEqual([
      "Hand-rolled auth middleware",
      "Monolithic deploy script",
      "No integration tests for billing",
    ]);
    const billing = created.find((issue) => issue.title.startsWith("No integration"))!;
    expect(billing.labels).toEqual([
      "tech-debt",
      "priority:critical",
      "quadrant:prudent_deliberate",
      "impact:slowing_onboarding",
    ]);
    expect(billing.body).toContain("<!-- cto-copilot:debt:debt_001 -->");
    expect(billing.body).toMatch(
      /\(https:\/\/github\.com\/debt\/lifecycle\/blob\/[0-9a-f]{40}\/data\/engineering\/tech_debt\.json#L5\)/,
    );
    expect(repo.labels.find((label) => label.name === "priority:critical")).toMatchObject({
      color: "b60205",
      description: "Debt priority: critical",
    });
    expect(first.summary).toContain("| create | debt_001 | open item debt_001 has no issue |");

    const before = writes();
    const second = await push(repo);
    expect(second.outputs).toMatchObject({ "debt-created": "0", "debt-updated": "0", "debt-closed": "0" });
    expect(writes() - before).toBe(0);
    expect(second.summary).toContain("nothing was written");

    // debt_001 resolved, debt_002 removed.
    edit(repo, [{ ...items[0]!, resolvedAt: "2025-10-30" }, items[2]!, items[3]!]);
    const third = await push(repo);
    expect(third.outputs).toMatchObject({ "debt-closed": "2" });
    expect(billing).toMatchObject({ state: "closed", stateReason: "completed" });
    const auth = created.find((issue) => issue.title.startsWith("Hand-rolled"))!;
    expect(auth).toMatchObject({ state: "closed", stateReason: "not_planned" });
    const head = repo.branches.get("main")!;
    expect(repo.comments.filter((comment) => comment.issue === billing.number).map((comment) => comment.body)).toEqual([
      `Resolved on 2025-10-30: \`resolvedAt\` is set in tech_debt.json at ${head.slice(0, 7)}.`,
    ]);

    // debt_001 open again: its issue reopens.
    edit(repo, [items[0]!, items[2]!, items[3]!]);
    expect((await push(repo)).outputs).toMatchObject({ "debt-reopened": "1", "debt-created": "0" });
    expect(billing.state).toBe("open");
    expect(debtIssues(repo)).toHaveLength(3);
  }, 150_000);

  it("an issue someone closed by hand while its item is open is neither reopened nor duplicated: the drift is reported", async () => {
    const repo = repoWith("debt/by-hand", [{ id: "d1", title: "Flaky e2e suite" }]);
    await push(repo);
    const issue = debtIssues(repo)[0]!;
    Object.assign(issue, { state: "closed", stateReason: "completed", closedAt: new Date().toISOString() });
    const run = await push(repo);
    expect(run.outputs).toMatchObject({ "debt-drift": "1", "debt-created": "0", "debt-reopened": "0" });
    expect(run.stdout).toContain(`#${issue.number} was closed by hand while d1 is still open in tech_debt.json`);
    expect(run.summary).toContain(`| left closed #${issue.number} | d1 |`);
    expect(issue.state).toBe("closed");
    expect(debtIssues(repo)).toHaveLength(1);
  });

  it("with debt.backSync: pull-request, one pull request marks the items of hand-closed issues resolved, and later runs update it", async () => {
    const items: Item[] = [
      { id: "b1", title: "Flaky e2e suite" },
      { id: "b2", title: "Unpinned base image", priority: "medium" },
    ];
    const repo = repoWith("debt/back-sync", items, "  backSync: pull-request\n");
    await push(repo);
    const [first] = debtIssues(repo).filter((issue) => issue.title === "Flaky e2e suite");
    Object.assign(first!, { state: "closed", stateReason: "completed", closedAt: "2025-11-02T10:00:00Z" });
    const run = await push(repo);
    expect(run.outputs["debt-back-sync-pull-request"]).toMatch(/^\d+$/);
    const pull = repo.pulls.get(Number(run.outputs["debt-back-sync-pull-request"]))!;
    expect(pull.title).toBe("Mark 1 debt item resolved");
    const proposed = JSON.parse(
      String(
        repo.commits.get(repo.branches.get("cto-copilot/debt-back-sync")!)!.tree.get("data/engineering/tech_debt.json"),
      ),
    );
    expect(proposed.items.map((item: { id: string; resolvedAt: string | null }) => [item.id, item.resolvedAt])).toEqual(
      [
        ["b1", "2025-11-02"],
        ["b2", null],
      ],
    );
    expect(proposed.summary).toMatchObject({ high: 0, medium: 1, totalEstimatedDays: 2 });
    // A second run updates the same pull request, never a second one.
    const again = await push(repo);
    expect(again.outputs["debt-back-sync-pull-request"]).toBe(run.outputs["debt-back-sync-pull-request"]);
    expect([...repo.pulls.values()].filter((candidate) => candidate.title.startsWith("Mark "))).toHaveLength(1);
  }, 120_000);

  // Issue creation is paced as GitHub asks (one every 3 s): the e2e uses a cap of 3 for 7 items;
  // 50 items at 20 a run are the planner's unit test.
  it("creates at most debt.maxCreatesPerRun issues a run: 7 items at 3 a run take 3, 3, 1, then nothing", async () => {
    const repo = repoWith(
      "debt/cap",
      Array.from({ length: 7 }, (_, i) => ({ id: `d${i}`, title: `Debt ${i}` })),
      "  maxCreatesPerRun: 3\n",
    );
    const runs = [];
    for (let run = 0; run < 4; run++) runs.push(await push(repo));
    expect(runs.map((run) => run.outputs["debt-created"])).toEqual(["3", "3", "1", "0"]);
    expect(runs[0]!.outputs["debt-deferred"]).toBe("4");
    expect(runs[0]!.summary).toContain("4 more issues will be created on the next runs");
    expect(debtIssues(repo)).toHaveLength(7);
  }, 120_000);

  it("two runs at once leave no duplicate once a third has run; a run that fails half-way is completed by the next", async () => {
    const repo = repoWith(
      "debt/race",
      Array.from({ length: 5 }, (_, i) => ({ id: `r${i}`, title: `Race ${i}` })),
    );
    await Promise.all([push(repo), push(repo)]);
    await push(repo);
    const open = debtIssues(repo).filter((issue) => issue.state === "open");
    expect(new Set(open.map((issue) => issue.body!.match(/debt:(r\d)/)![1])).size).toBe(5);
    expect(open).toHaveLength(5);

    const faulty = repoWith(
      "debt/fault",
      Array.from({ length: 4 }, (_, i) => ({ id: `f${i}`, title: `Fault ${i}` })),
    );
    github.inject({
      method: "POST",
      path: /\/repos\/debt\/fault\/issues$/,
      status: 422,
      body: { message: "Validation Failed" },
    });
    expect((await push(faulty)).exitCode).not.toBe(0);
    await push(faulty);
    expect(debtIssues(faulty).filter((issue) => issue.state === "open")).toHaveLength(4);
  }, 150_000);

  it("hostile titles and descriptions ping nobody and cross-link nothing", async () => {
    const repo = repoWith("debt/hostile", [
      {
        id: "h1",
        title: "cc @everyone, fixes #1",
        description: "Ping @acme/admins <img src=x onerror=alert(1)> closes GH-7 and #2",
      },
    ]);
    await push(repo);
    const [issue] = debtIssues(repo);
    for (const text of [issue!.title, issue!.body!]) {
      expect(text).not.toMatch(/@[a-z]/i);
      expect(text).not.toMatch(/#\d|GH-\d/);
      expect(text).not.toContain("<img");
    }
  });

  it("a person's issue quoting the marker, or another workflow's, is never adopted, closed or rewritten: it is reported, and ours is opened beside it", async () => {
    const repo = repoWith("debt/foreign", [{ id: "debt_001", title: "No integration tests for billing" }]);
    const notes = "Long notes a person wrote.";
    const quoted = repo.createIssue({
      title: "Billing notes",
      body: `${notes}\n<!-- cto-copilot:debt:debt_001 -->`,
      labels: ["tech-debt"],
      user: "alice",
    });
    const first = repo.createIssue({
      title: "Billing, as I see it",
      body: `<!-- cto-copilot:debt:debt_001 -->\n${notes}`,
      labels: ["tech-debt"],
      user: "alice",
    });
    // Another workflow posting as github-actions[bot] what someone typed: the marker first, but not what we wrote.
    const relayed = repo.createIssue({
      title: "Relayed",
      body: `<!-- cto-copilot:debt:debt_001 -->\nRelayed from a form: ${notes}`,
      labels: ["tech-debt"],
      user: "github-actions[bot]",
    });
    const run = await push(repo);
    expect(run.exitCode).toBe(0);
    for (const issue of [quoted, first, relayed]) {
      expect(issue.state).toBe("open");
      expect(issue.body).toContain(notes);
      expect(run.stdout).toContain(`#${issue.number} carries a debt marker but was not written by CTO Co-Pilot`);
    }
    expect(first.title).toBe("Billing, as I see it");
    expect(
      repo.comments.filter((comment) => [quoted.number, first.number, relayed.number].includes(comment.issue)),
    ).toEqual([]);
    const ours = debtIssues(repo).filter(
      (issue) => issue.user === "github-actions[bot]" && issue.title.startsWith("No integration"),
    );
    expect(ours).toHaveLength(1);
    const before = writes();
    await push(repo);
    expect(writes() - before).toBe(0);
  }, 60_000);

  it("ids that would end the marker (-->, --!>, a newline) or repeat are harmless: one issue each, no markup, and a second run writes nothing", async () => {
    const ids = ["x-->y", "a\nb", "x--!><img src=x onerror=alert(1)>", "dup", "dup"];
    const repo = repoWith(
      "debt/odd-ids",
      ids.map((id, i) => ({ id, title: `Odd ${i}` })),
    );
    const run = await push(repo);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('items[4] repeats the id "dup" of items[3]: only the first is synced');
    const issues = debtIssues(repo);
    expect(issues.map((issue) => issue.title).sort()).toEqual(["Odd 0", "Odd 1", "Odd 2", "Odd 3"]);
    for (const issue of issues) {
      expect(issue.body!.split("\n")[0]).toMatch(
        /^<!-- cto-copilot:debt:[^<>!\s]+ --><!-- fingerprint:[0-9a-f]{16} -->$/,
      );
      expect(issue.body!.replace(/`[^`\n]*`/g, "")).not.toMatch(/<img|--!>/);
    }
    for (let again = 0; again < 2; again++) {
      const before = writes();
      await push(repo);
      expect(writes() - before).toBe(0);
    }
    expect(debtIssues(repo).filter((issue) => issue.state === "open")).toHaveLength(4);
  }, 90_000);

  it("a push that does not change tech_debt.json costs no request", async () => {
    const repo = repoWith("debt/elsewhere", [{ id: "e1", title: "E" }]);
    const before = github.requests.length;
    const run = await runAction({
      event: "push",
      payload: {
        ref: "refs/heads/main",
        commits: [{ added: [], removed: [], modified: ["src/app.ts"] }],
        repository: { default_branch: "main", full_name: repo.fullName },
      },
      repository: repo.fullName,
      apiUrl: github.restUrl,
      graphqlUrl: github.graphqlUrl,
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("This push does not change tech_debt.json");
    expect(github.requests.length).toBe(before);
  });

  it("with debt.issues off, a push costs one request and writes nothing", async () => {
    const repo = github.addRepo("debt/off", { "data/engineering/tech_debt.json": debtFile([{ id: "x", title: "X" }]) });
    const before = github.requests.length;
    const run = await push(repo);
    expect(run.stdout).toContain("Debt issues: debt.issues is off in the config.");
    expect(github.requests.length - before).toBe(1);
  });
});

describe("cto-copilot debt sync (CLI)", () => {
  it("--dry-run prints the plan and writes nothing; without it, the same issues as the Action", async () => {
    const repo = repoWith("debt/cli", [
      { id: "c1", title: "Slow test suite" },
      { id: "c2", title: "No staging environment", priority: "critical" },
    ]);
    const env = { GITHUB_TOKEN: "ghp_cli", GITHUB_API_URL: github.restUrl };
    const before = writes();
    const dry = await runCli(["debt", "sync", "--repo", repo.fullName, "--branch", "main", "--dry-run"], { env });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain("what the sync would do");
    expect(dry.stdout).toMatch(/create +c1 +open item c1 has no issue/);
    expect(writes() - before).toBe(0);
    const json = JSON.parse(
      (
        await runCli(["debt", "sync", "--repo", repo.fullName, "--branch", "main", "--dry-run", "--format", "json"], {
          env,
        })
      ).stdout,
    );
    expect(json.plan.creates.map((create: { id: string }) => create.id)).toEqual(["c1", "c2"]);
    const real = await runCli(["debt", "sync", "--repo", repo.fullName, "--branch", "main"], { env });
    expect(real.code).toBe(0);
    expect(
      debtIssues(repo)
        .map((issue) => issue.title)
        .sort(),
    ).toEqual(["No staging environment", "Slow test suite"]);
    expect((await runCli(["debt", "sync", "--repo", repo.fullName, "--branch", "main"], { env })).stdout).toContain(
      "every open debt item has its issue",
    );
  }, 60_000);
});
