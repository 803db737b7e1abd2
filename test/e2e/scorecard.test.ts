import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { naiveDeploymentRequests } from "../support/naive-deployments.js";
import { runAction } from "../support/action-runner.js";
import { runCli, tempRepo } from "../support/cli.js";
import { templateText, validateOne } from "../support/data-files.js";
import { GitHubEmulator, staleWrite } from "../support/emulator/server.js";
import type { RepoState } from "../support/emulator/state.js";
import { releaseHistory } from "../support/release-history.js";
import { planInit } from "../../src/scaffold/plan-init.js";
import { defaultConfig } from "../../src/schemas/config.js";
import { dataLayoutOf } from "../../src/schemas/data-files.js";

let github: GitHubEmulator;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

const history = releaseHistory;
const now = "2025-11-01T00:00:00Z";
const config = "dora:\n  source: deployments\n  windowDays: 45\nscorecard:\n  commit: push\n";

function emulatedRepo(name: string, entries = history, source = "deployments"): RepoState {
  const repo = github.addRepo(name, {
    ".github/cto-copilot.yml": config.replace("source: deployments", `source: ${source}\n  workflow: deploy.yml`),
    "data/engineering/tech_debt.json": templateText("tech_debt.json"),
  });
  for (const entry of entries) {
    const sha = repo.commit(
      { [`f-${entry.subject.length}-${entry.at}.txt`]: entry.subject },
      { message: entry.subject, date: entry.at },
    );
    if (!entry.release) continue;
    repo.addDeployment(sha, "production", ["in_progress", "success"], entry.at);
    repo.tags.set(entry.release, { sha, taggerDate: entry.at });
    repo.addRelease(entry.release, { publishedAt: entry.at });
    repo.workflowRuns.push({
      id: 70_000 + repo.workflowRuns.length,
      workflow: "deploy.yml",
      runNumber: repo.workflowRuns.length + 1,
      headSha: sha,
      headBranch: "main",
      conclusion: "success",
      createdAt: entry.at,
      updatedAt: entry.at,
      title: entry.subject,
    });
  }
  return repo;
}

const writtenDora = (repo: RepoState) =>
  JSON.parse(
    String(repo.commits.get(repo.branches.get("main")!)!.tree.get("data/engineering/engineering_scorecard.json")),
  ).dora;

const dispatch = (repo: RepoState, inputs: Record<string, string> = {}) =>
  runAction({
    event: "workflow_dispatch",
    payload: { repository: { default_branch: "main", full_name: repo.fullName } },
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    inputs: { now, ...inputs },
  });

describe("the scheduled scorecard (Action, command scorecard)", () => {
  it("computes DORA from deployments and commits both files in one commit, with outputs and a job summary", async () => {
    const repo = emulatedRepo("sc/push");
    repo.commit(
      { "data/engineering/tech_stack.json": templateText("tech_stack.json"), "SECURITY.md": "# Security\n" },
      { message: "docs", date: "2025-10-26T10:00:00Z" },
    );
    repo.protectedBranches.add("main");
    const before = repo.branches.get("main")!;
    const result = await dispatch(repo);
    expect(result.exitCode).toBe(0);
    const head = repo.commits.get(repo.branches.get("main")!)!;
    expect(head.parents).toEqual([before]);
    expect(head.message).toBe("chore(scorecard): engineering scorecard 2025-11-01");
    const live = String(head.tree.get("data/engineering/engineering_scorecard.json"));
    expect(String(head.tree.get("data/engineering/scorecards/scorecard_2025-11-01.json"))).toBe(live);
    expect(validateOne("engineering_scorecard.json", live)).toEqual([]);
    expect(JSON.parse(live).techDebt).toMatchObject({ criticalItems: 1, totalItems: 2 });
    // Held against the foundation stage (tech_stack.json); Dependabot alerts are not readable with this token.
    expect(JSON.parse(live).security).toMatchObject({
      status: "yellow",
      reason:
        "open Dependabot alerts not checked; present: SECURITY.md, branch protection on the default branch; missing for the foundation stage: dependency updates (Dependabot or Renovate config), a code scanning workflow; not checked: secret scanning (no scanner configured here; GitHub's own setting is not readable)",
    });
    expect(result.outputs).toMatchObject({
      deployments: "5",
      "deployment-frequency": "0.78",
      "change-failure-rate": "0.4",
      "scorecard-commit": head.sha,
    });
    // A percentage, as every other place says it; no Previous column: there is no scorecard before this one.
    expect(result.summary).toContain("| Metric | Current | Target | Status | Samples |");
    expect(result.summary).toContain("| Change failure rate | 40% | <= 10% | 🔴 red | 5 |");
    // Plain words for every metric, never the file's keys.
    expect(result.summary).toContain("- **Change failure rate**: 2 of 5 deployments failed");
    expect(result.summary).not.toMatch(/\*\*(mttr|deploymentFrequency|leadTime|changeFailureRate)\*\*/);
    // Charts a person can read: one series each (Mermaid draws several without a legend).
    const charts = [...result.summary.matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(charts.map((chart) => /title "([^"]+)"/.exec(chart)![1])).toEqual([
      "Deployments per week",
      "Failed deployments per week",
      "Median lead time per week (hours)",
    ]);
    for (const chart of charts) expect(chart.match(/^\s+(bar|line) \[/gm)).toHaveLength(1);
    // The CTO sync read, for everyone (no AI): change failure rate is red at the foundation stage,
    // and the template's critical debt item is causing incidents.
    const read = result.summary.slice(result.summary.indexOf("### Situation Read"));
    expect(read.match(/^### .+$/gm)).toEqual([
      "### Situation Read",
      "### Top Technical Priority",
      "### Trade-off Acknowledgment",
      "### Next Moves",
    ]);
    expect(read).toContain("**Pay down debt_001: “No integration tests for billing”**");
    expect(read).toContain("Change failure rate is 40% (red; target &lt;= 10%; 2 of 5 deployments failed)");
    expect(read).not.toContain("AI-drafted");
    expect(read.match(/^\d\. /gm)?.length).toBeGreaterThanOrEqual(2);
  });

  it("agrees with the offline mode on the same history", async () => {
    const repo = emulatedRepo("sc/agree");
    const online = await dispatch(repo, { "dry-run": "false" });
    expect(online.exitCode).toBe(0);
    const onlineDora = JSON.parse(
      String(repo.commits.get(repo.branches.get("main")!)!.tree.get("data/engineering/engineering_scorecard.json")),
    ).dora;

    const root = tempRepo();
    const git = (args: string[], at?: string) =>
      execFileSync("git", args, {
        cwd: root,
        stdio: "pipe",
        env: { ...process.env, ...(at ? { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } : {}) },
      });
    git(["init", "-q", "-b", "main"]);
    git(["config", "user.name", "Dev"]);
    git(["config", "user.email", "dev@example.com"]);
    history.forEach((entry, index) => {
      writeFileSync(join(root, `f${index}.txt`), entry.subject);
      git(["add", "."]);
      git(["commit", "-q", "-m", entry.subject], entry.at);
      if (entry.release) git(["tag", "-a", entry.release, "-m", entry.release], entry.at);
    });
    const offline = JSON.parse(
      (await runCli(["scorecard", "--git", root, "--now", now, "--window-days", "45", "--format", "json", "--explain"]))
        .stdout,
    ).dora;
    const comparable = (dora: Record<string, any>) => ({
      ...dora,
      source: undefined,
      deployments: dora.deployments.map((d: Record<string, unknown>) => [d.time, d.changes, d.failed, d.remediation]),
    });
    expect(comparable(onlineDora)).toEqual(comparable(offline));
  });

  it.each(["releases", "tags", "workflow-runs"])(
    "the %s source reads the same history to the same figures",
    async (source) => {
      const reference = emulatedRepo(`sc/ref-${source}`);
      await dispatch(reference);
      const repo = emulatedRepo(`sc/${source}`, history, source);
      const result = await dispatch(repo);
      expect(result.exitCode).toBe(0);
      const figures = (dora: Record<string, any>) => ({
        ...dora,
        source: undefined,
        deployments: dora.deployments.map((d: Record<string, unknown>) => [d.time, d.changes, d.failed, d.remediation]),
      });
      expect(figures(writtenDora(repo))).toEqual(figures(writtenDora(reference)));
      expect(writtenDora(repo).source).toBe(source);
    },
  );

  it("the merges source counts merged pull requests, and a hotfix label makes a remediation", async () => {
    const repo = github.addRepo("sc/merges", {
      ".github/cto-copilot.yml": config.replace("source: deployments", "source: merges"),
    });
    repo.commit({ "a.txt": "1" }, { message: "init", date: "2025-09-01T10:00:00Z" });
    const merges: [string, string, string[]][] = [
      ["2025-10-05T10:00:00Z", "2025-10-05T12:00:00Z", []],
      ["2025-10-10T10:00:00Z", "2025-10-10T18:00:00Z", []],
      ["2025-10-11T09:00:00Z", "2025-10-11T10:00:00Z", ["hotfix"]],
    ];
    for (const [index, [authored, merged, labels]] of merges.entries()) {
      const pull = repo.openPullRequest({ [`p${index}.txt`]: String(index) }, { labels, branch: `change-${index}` });
      repo.commits.get(pull.headSha)!.date = authored;
      repo.mergePullRequest(pull.number, merged);
    }
    const result = await dispatch(repo);
    expect(result.exitCode).toBe(0);
    expect(writtenDora(repo)).toMatchObject({
      source: "merges",
      deploymentFrequency: { deployments: 3 },
      changeFailureRate: { failed: 1, total: 3 },
      reworkRate: { remediations: 1, total: 3 },
    });
  });

  it("scorecard.commit: pull-request commits on the bot branch and opens one pull request, updated by later runs", async () => {
    const repo = emulatedRepo("sc/pull");
    const config = String(repo.commits.get(repo.branches.get("main")!)!.tree.get(".github/cto-copilot.yml")).replace(
      "commit: push",
      "commit: pull-request",
    );
    repo.commit({ ".github/cto-copilot.yml": config }, { message: "use pull requests", date: "2025-10-26T10:00:00Z" });
    const main = repo.branches.get("main")!;
    const first = await dispatch(repo);
    expect(first.exitCode).toBe(0);
    expect(repo.branches.get("main")).toBe(main);
    const branchHead = repo.commits.get(repo.branches.get("cto-copilot/scorecard")!)!;
    expect(branchHead.parents).toEqual([main]);
    expect(
      validateOne(
        "engineering_scorecard.json",
        String(branchHead.tree.get("data/engineering/engineering_scorecard.json")),
      ),
    ).toEqual([]);
    expect([...repo.pulls.values()]).toEqual([
      expect.objectContaining({
        headRef: "cto-copilot/scorecard",
        baseRef: "main",
        title: "Engineering scorecard 2025-11-01",
      }),
    ]);
    expect(first.outputs["scorecard-pull-request"]).toBe(String([...repo.pulls.values()][0]!.number));
    const second = await dispatch(repo, { now: "2025-11-08T00:00:00Z" });
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain("Updated pull request");
    expect(repo.pulls.size).toBe(1);
    expect(repo.commits.get(repo.branches.get("cto-copilot/scorecard")!)!.parents).toEqual([branchHead.sha]);
  });

  it("retries when the branch moved while writing (a stale ref update), and still writes once", async () => {
    const repo = emulatedRepo("sc/conflict");
    const before = repo.branches.get("main")!;
    github.inject({ method: "PATCH", path: /git\/refs\/heads/, ...staleWrite(422) });
    const result = await dispatch(repo);
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("moved while the files were being written");
    expect(repo.commits.get(repo.branches.get("main")!)!.parents).toEqual([before]);
  });

  it("the first scorecard after init compares with nothing, not with init's template; the next one compares with it", async () => {
    const repo = emulatedRepo("sc/after-init");
    const template = planInit(new Date("2025-10-20T00:00:00Z"), dataLayoutOf(defaultConfig()));
    repo.commit(
      Object.fromEntries(
        template
          .filter((file) => /engineering_scorecard|team\.json/.test(file.path))
          .map((file) => [file.path, file.content]),
      ),
      { message: "cto-copilot init", date: "2025-10-20T00:00:00Z" },
    );
    repo.commit(
      {
        "data/engineering/team.json": JSON.stringify({
          version: "1.0",
          lastUpdated: "2025-10-21",
          headcount: 6,
          members: [],
          openRoles: [],
          oncall: { rotation: false },
        }),
      },
      { message: "the team", date: "2025-10-21T00:00:00Z" },
    );
    const first = await dispatch(repo);
    expect(first.exitCode).toBe(0);
    expect(first.summary).not.toContain("Previous");
    expect(first.summary).not.toContain("headcount 0");
    expect(first.summary).toContain("this is the first scorecard, so there is nothing to compare with");
    const second = await dispatch(repo, { now: "2025-11-08T00:00:00Z" });
    expect(second.summary).toContain("| Metric | Current | Previous | Target | Status | Samples |");
    expect(second.summary).toContain("Since the scorecard of 2025-11-01");
  });

  it("an empty history gives null figures and a clear summary, not a crash", async () => {
    const repo = emulatedRepo("sc/empty", [{ subject: "init", at: "2025-10-01T10:00:00Z" }]);
    const result = await dispatch(repo, { "dry-run": "true" });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ deployments: "0", "lead-time-hours": "", "change-failure-rate": "" });
    expect(result.summary).toContain(
      "No deployments in the window from the `deployments` source: figures are null, not zero.",
    );
  });

  it("reads N deployments in about N/100 requests, against one per deployment for the naive REST way", async () => {
    const entries = Array.from({ length: 300 }, (_, index) => ({
      subject: `change ${index}`,
      at: new Date(Date.parse("2025-09-20T00:00:00Z") + index * 3 * 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z"),
      release: `r${index}`,
    }));
    const repo = emulatedRepo("sc/many", entries);
    const start = github.requests.length;
    const result = await dispatch(repo, { "dry-run": "true" });
    expect(result.exitCode).toBe(0);
    const ours = github.requests.length - start;

    const naive = await naiveDeploymentRequests(github, repo);
    process.stdout.write(
      `requests for 300 deployments: ${ours} (ours) vs ${naive} (naive REST), ratio ${(naive / ours).toFixed(1)}\n`,
    );
    expect(naive).toBe(3 + 300);
    // 3 pages of deployments + 3 of history + a constant 8: config, branch ref and commit, data
    // files, branch protection, Dependabot alerts, incident issues, and one spare.
    expect(ours).toBeLessThanOrEqual(3 + 3 + 8);
  });
});

describe("the Engineering sync issue (sync.issue: true)", () => {
  const syncConfig = `${config}sync:\n  issue: true\n`;
  const syncRepo = (name: string) => {
    const repo = emulatedRepo(name);
    repo.commit({ ".github/cto-copilot.yml": syncConfig }, { message: "sync issue on", date: "2025-10-26T10:00:00Z" });
    return repo;
  };
  const syncIssues = (repo: RepoState) =>
    [...repo.issues.values()].filter((issue) => issue.labels.includes("engineering-sync"));
  const since = (start: number) => github.requests.slice(start);
  const pins = (requests: typeof github.requests) =>
    requests.filter((request) => JSON.stringify(request.body ?? "").includes("pinIssue")).length;
  /** The requests a run made for the sync issue, in order: method, path, and the label or GraphQL operation. */
  const syncRequests = (requests: typeof github.requests) =>
    requests.flatMap((request) => {
      const operation = /(?:query|mutation) (\w+)/.exec(String((request.body as { query?: string })?.query ?? ""))?.[1];
      if (request.path === "/api/graphql")
        return operation === "IssueToPin" || operation === "PinIssue" ? [`POST /api/graphql ${operation}`] : [];
      if (request.query.labels === "engineering-sync")
        return [`${request.method} ${request.path} labels=engineering-sync`];
      return /\/labels$|\/issues(\/\d+)?$/.test(request.path) && !request.query.labels
        ? [`${request.method} ${request.path}`]
        : [];
    });

  it("creates one issue and pins it, edits it when the read changes, leaves it when it does not, never a second", async () => {
    const repo = syncRepo("sync/issue");
    let start = github.requests.length;
    const first = await dispatch(repo);
    expect(first.exitCode).toBe(0);
    expect(syncIssues(repo)).toHaveLength(1);
    const [issue] = syncIssues(repo);
    expect(issue!.title).toBe("Engineering sync");
    expect(issue!.body).toContain("<!-- cto-copilot:engineering-sync -->");
    expect(issue!.body).toContain(
      "### Top Technical Priority\n\n**Pay down debt_001: “No integration tests for billing”**",
    );
    expect(repo.pinnedIssues).toEqual([issue!.number]);
    expect(repo.labels.map((label) => label.name)).toContain("engineering-sync");
    expect(first.stdout).toContain(`Created the Engineering sync issue #${issue!.number} and pinned it.`);
    // The issue costs 6 requests: list, labels, label, issue, the issue's node id, the pin.
    expect(syncRequests(since(start))).toEqual([
      "GET /repos/sync/issue/issues labels=engineering-sync",
      "GET /repos/sync/issue/labels",
      "POST /repos/sync/issue/labels",
      "POST /repos/sync/issue/issues",
      "POST /api/graphql IssueToPin",
      "POST /api/graphql PinIssue",
    ]);

    // The second run reads the first one's scorecard as the previous: what changed is new text.
    start = github.requests.length;
    const second = await dispatch(repo);
    expect(second.exitCode).toBe(0);
    expect(syncIssues(repo)).toHaveLength(1);
    expect(second.stdout).toContain(`Updated the Engineering sync issue #${issue!.number}.`);
    expect(issue!.body).toContain("Since the scorecard of 2025-11-01: no status moved");
    expect(syncRequests(since(start))).toEqual([
      "GET /repos/sync/issue/issues labels=engineering-sync",
      `PATCH /repos/sync/issue/issues/${issue!.number}`,
    ]);

    // The same figures again: the same text, no edit.
    start = github.requests.length;
    const body = issue!.body;
    const third = await dispatch(repo);
    expect(third.exitCode).toBe(0);
    expect(third.stdout).toContain(`The Engineering sync issue #${issue!.number} is up to date.`);
    expect(syncRequests(since(start))).toEqual(["GET /repos/sync/issue/issues labels=engineering-sync"]);
    expect(issue!.body).toBe(body);
    expect(syncIssues(repo)).toHaveLength(1);
    expect(repo.pinnedIssues).toEqual([issue!.number]);
  });

  it("a refused pin (three issues pinned already) leaves the issue created and the run green", async () => {
    const repo = syncRepo("sync/pinned-full");
    for (const title of ["Roadmap", "FAQ", "Hiring"]) repo.pinnedIssues.push(repo.createIssue({ title }).number);
    const result = await dispatch(repo);
    expect(result.exitCode).toBe(0);
    expect(syncIssues(repo)).toHaveLength(1);
    expect(repo.pinnedIssues).toHaveLength(3);
    expect(result.stdout).toMatch(/The Engineering sync issue #\d+ was not pinned \(.*3 issues/);
  });

  it("dry-run writes nothing and says what it would do", async () => {
    const repo = syncRepo("sync/dry");
    const start = github.requests.length;
    const result = await dispatch(repo, { "dry-run": "true" });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain("Dry run: the Engineering sync issue would be created and pinned.");
    expect(repo.issues.size).toBe(0);
    expect(since(start).filter((request) => request.method !== "GET" && request.path !== "/api/graphql")).toEqual([]);
    expect(pins(since(start))).toBe(0);
  });

  it("off (the default): not a single request about it", async () => {
    const repo = emulatedRepo("sync/off");
    const start = github.requests.length;
    const result = await dispatch(repo, { "dry-run": "true" });
    expect(result.exitCode).toBe(0);
    expect(result.summary).toContain("### Next Moves");
    expect(
      since(start).filter((request) => /\/issues|\/labels/.test(request.path) && request.query.labels !== "incident"),
    ).toEqual([]);
    expect(pins(since(start))).toBe(0);
  });
});
