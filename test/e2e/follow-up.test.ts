import { afterAll, afterEach, beforeAll, describe, expect, it } from "@jest/globals";
import { runAction } from "../support/action-runner.js";
import { GitHubEmulator } from "../support/emulator/server.js";
import type { RepoState } from "../support/emulator/state.js";

let github: GitHubEmulator;
beforeAll(async () => {
  github = await new GitHubEmulator().start();
});
afterAll(() => github.stop());
afterEach(() => expect(github.schemaProblems.splice(0)).toEqual([]));

const postMortemPath = "data/engineering/incidents/incident_2025-10-14.md";
const adrPath = "data/engineering/adrs/adr_2025-01-15_use-postgresql.md";
type Row = [action: string, owner: string, due: string, status: "🔲" | "✅"];
const postMortem = (rows: Row[]) =>
  [
    "## Incident: Checkout returned 500s",
    "",
    "**Severity:** SEV1",
    "**Status:** resolved",
    "**Started:** 2025-10-14T14:05:00Z",
    "**Resolved:** 2025-10-14T14:52:00Z",
    "**Duration:** 47",
    "",
    "### Timeline",
    "- 14:05 — Alert",
    "",
    "### Root Cause",
    "A migration.",
    "",
    "### Impact",
    "- Customers affected: 12%",
    "",
    "### Action Items",
    "| Action | Owner | Due | Status |",
    "|--------|-------|-----|--------|",
    ...rows.map((row) => `| ${row.join(" | ")} |`),
    "",
    "### Lessons Learned",
    "Blameless.",
    "",
  ].join("\n");
const adr = (status: string, reviewDate: string) =>
  [
    "## ADR: Use PostgreSQL",
    "",
    `**Status:** ${status}`,
    "**Date:** 2025-01-15",
    "**Deciders:** Ada",
    "",
    "### Context",
    "x",
    "",
    "### Options Considered",
    "| Option | Pros | Cons | Effort |",
    "|---|---|---|---|",
    "| A | b | c | S |",
    "",
    "### Decision",
    "PostgreSQL 16 on RDS.",
    "",
    "### Consequences",
    "- y",
    "",
    "### Review Date",
    reviewDate,
    "",
  ].join("\n");
const rows: Row[] = [
  ["Add monitoring for checkout 5xx", "@ada", "2025-10-31", "🔲"],
  ["Expand/contract migrations only", "@ghost", "2025-11-15", "🔲"],
  ["Write the runbook", "Platform team", "—", "🔲"],
];

const run = (repo: RepoState, event: "push" | "schedule", changed: string[] = []) =>
  runAction({
    event,
    payload: {
      ...(event === "push"
        ? { ref: "refs/heads/main", commits: [{ id: "x", added: [], removed: [], modified: changed }] }
        : {}),
      repository: { default_branch: "main", full_name: repo.fullName, html_url: `https://github.com/${repo.fullName}` },
    },
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
    // On a schedule `auto` also computes the scorecard: the follow-up alone here.
    inputs: { now: "2025-11-03T09:00:00Z", ...(event === "schedule" ? { command: "follow-up" } : {}) },
  });
const writes = () =>
  github.requests.filter(
    (request) => request.method !== "GET" && !(request.method === "POST" && request.path.endsWith("/graphql")),
  ).length;
const actionIssues = (repo: RepoState) =>
  [...repo.issues.values()].filter((issue) => issue.labels.includes("action-item"));

describe("follow-up issues (Action)", () => {
  it("three open rows give three issues, a rerun writes nothing, a ticked row closes its issue, a hand-closed issue is ticked by one pull request", async () => {
    const repo = github.addRepo("follow/action-items", {
      ".github/cto-copilot.yml": "followUp:\n  issues: true\n",
      [postMortemPath]: postMortem(rows),
    });
    repo.writers.add("ada");
    const first = await run(repo, "push", [postMortemPath]);
    expect(first.exitCode).toBe(0);
    expect(first.outputs).toMatchObject({ "follow-up-created": "3", "follow-up-closed": "0" });
    const issues = actionIssues(repo).sort((a, b) => a.number - b.number);
    expect(issues.map((issue) => [issue.title, issue.labels, issue.assignees ?? []])).toEqual([
      ["Add monitoring for checkout 5xx", ["incident", "action-item"], ["ada"]],
      ["Expand/contract migrations only", ["incident", "action-item"], []],
      ["Write the runbook", ["incident", "action-item"], []],
    ]);
    expect(issues[0]!.body).toContain("| Due | 2025-10-31 |");
    expect(issues[0]!.body).toContain(`(https://github.com/follow/action-items/blob/main/${postMortemPath}#L21)`);

    const before = writes();
    const second = await run(repo, "schedule");
    expect(second.outputs).toMatchObject({
      "follow-up-created": "0",
      "follow-up-updated": "0",
      "follow-up-closed": "0",
    });
    expect(writes() - before).toBe(0);

    // Row 1 ticked in the file: its issue closes as completed; row 3's owner edited: its issue follows.
    repo.commit(
      {
        [postMortemPath]: postMortem([
          [rows[0]![0], rows[0]![1], rows[0]![2], "✅"],
          rows[1]!,
          ["Write the runbook", "SRE guild", "2025-12-01", "🔲"],
        ]),
      },
      { message: "tick" },
    );
    const third = await run(repo, "push", [postMortemPath]);
    expect(third.outputs).toMatchObject({
      "follow-up-closed": "1",
      "follow-up-updated": "1",
      "follow-up-created": "0",
    });
    expect(issues[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(issues[2]!.body).toContain("| Due | 2025-12-01 |");

    // Row 2's issue closed by hand: one pull request ticks the row; a rerun adds no second one.
    repo.closeIssue(issues[1]!.number, "completed", "2025-11-03T10:00:00Z");
    const fourth = await run(repo, "schedule");
    const pullNumber = Number(fourth.outputs["follow-up-back-sync-pull-request"]);
    const pull = repo.pulls.get(pullNumber)!;
    expect(pull.title).toBe("Tick 1 action item closed on GitHub");
    const proposed = String(
      repo.commits.get(repo.branches.get("cto-copilot/follow-up-back-sync")!)!.tree.get(postMortemPath),
    );
    expect(proposed).toContain("| Expand/contract migrations only | @ghost | 2025-11-15 | ✅ |");
    expect(proposed).toContain("| Write the runbook | SRE guild | 2025-12-01 | 🔲 |");
    const quiet = writes();
    const fifth = await run(repo, "schedule");
    expect(fifth.outputs["follow-up-back-sync-pull-request"]).toBe(String(pullNumber));
    expect(writes() - quiet).toBe(0);
    expect([...repo.pulls.values()].filter((candidate) => candidate.title.startsWith("Tick "))).toHaveLength(1);
  }, 120_000);

  it("an accepted ADR past its review date gets one reminder, closed once its date moves; a deprecated one gets none", async () => {
    const repo = github.addRepo("follow/adr-review", {
      ".github/cto-copilot.yml": "followUp:\n  issues: true\n",
      [adrPath]: adr("accepted", "2025-10-01"),
      "data/engineering/adrs/adr_2024-01-01_use-mysql.md": adr("deprecated", "2024-06-01").replace(
        "Use PostgreSQL",
        "Use MySQL",
      ),
    });
    const first = await run(repo, "schedule");
    expect(first.outputs).toMatchObject({ "follow-up-created": "1" });
    const reminders = [...repo.issues.values()].filter((issue) => issue.labels.includes("adr-review"));
    expect(reminders.map((issue) => issue.title)).toEqual(["Review decision: Use PostgreSQL"]);
    expect(reminders[0]!.body).toContain("asked to be reviewed on 2025-10-01");
    expect(reminders[0]!.body).toContain("> PostgreSQL 16 on RDS.");
    expect((await run(repo, "schedule")).outputs).toMatchObject({ "follow-up-created": "0", "follow-up-closed": "0" });

    repo.commit({ [adrPath]: adr("accepted", "2026-10-01") }, { message: "still right" });
    const moved = await run(repo, "push", [adrPath]);
    expect(moved.outputs).toMatchObject({ "follow-up-closed": "1", "follow-up-created": "0" });
    expect(reminders[0]).toMatchObject({ state: "closed", stateReason: "completed" });
    expect(moved.summary).toContain("its review date moved to 2026-10-01");
    expect((await run(repo, "schedule")).outputs).toMatchObject({ "follow-up-created": "0", "follow-up-closed": "0" });
  }, 60_000);
});
