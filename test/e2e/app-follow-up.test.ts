import { describe, expect, it } from "@jest/globals";
import { useAppAndEmulator } from "../support/app-fixture.js";
import type { RepoState } from "../support/emulator/state.js";
import { issuesPayload, webhookExamples } from "../support/webhook-payloads.js";

const fixture = useAppAndEmulator();
const postMortemPath = "data/engineering/incidents/incident_2025-10-14.md";
const adrPath = "data/engineering/adrs/adr_2025-01-15_use-postgresql.md";

const postMortem = (statuses: string[]) =>
  [
    "## Incident: Checkout returned 500s",
    "",
    "**Severity:** SEV1",
    "**Status:** resolved",
    "**Started:** 2025-10-14T14:05:00Z",
    "**Resolved:** 2025-10-14T14:52:00Z",
    "**Duration:** 47",
    "",
    "### Action Items",
    "| Action | Owner | Due | Status |",
    "|--------|-------|-----|--------|",
    `| Add monitoring for checkout 5xx | @ada | 2025-10-31 | ${statuses[0]} |`,
    `| Expand/contract migrations only | @ben | 2025-11-15 | ${statuses[1]} |`,
    `| Write the runbook | SRE guild | — | ${statuses[2]} |`,
    "",
  ].join("\n");
const adr = (reviewDate: string) =>
  `## ADR: Use PostgreSQL\n\n**Status:** accepted\n**Date:** 2025-01-15\n**Deciders:** Ada\n\n### Decision\nPostgreSQL.\n\n### Review Date\n${reviewDate}\n`;

/** A recorded `push` payload, re-pointed at an emulated repository, with the paths its commit changed. */
function pushPayload(repo: RepoState, changed: string[]): Record<string, any> {
  const example = structuredClone(webhookExamples().find((event) => event.name === "push")!.examples[0]!);
  const [owner, name] = repo.fullName.split("/");
  return {
    ...example,
    ref: "refs/heads/main",
    installation: { id: 1, node_id: "x" },
    repository: {
      ...example.repository,
      name,
      full_name: repo.fullName,
      html_url: `https://github.com/${repo.fullName}`,
      owner: { ...example.repository.owner, login: owner, name: owner },
      default_branch: "main",
    },
    commits: [{ ...(example.commits[0] ?? {}), added: [], removed: [], modified: changed }],
  };
}

/** Deliver, then wait until `done` holds (issue creation is paced: one every 3 s) and the App stops talking to GitHub. */
async function deliver(event: string, payload: Record<string, any>, done: () => boolean = () => true) {
  expect([200, 202]).toContain((await fixture.app.deliver(event, payload)).status);
  for (let waited = 0; !done() && waited < 30_000; waited += 200)
    await new Promise((resolve) => setTimeout(resolve, 200));
  let seen = -1;
  while (fixture.github.requests.length !== seen) {
    seen = fixture.github.requests.length;
    await new Promise((resolve) => setTimeout(resolve, 1_500));
  }
}
const writes = () =>
  fixture.github.requests.filter((request) =>
    request.path.endsWith("/graphql") ? JSON.stringify(request.body).includes("mutation") : request.method !== "GET",
  ).length;

describe("the App follows up post-mortems and ADRs", () => {
  it("a merged post-mortem gives one issue per open row; a ticked row closes its issue; a hand-closed issue is ticked by one pull request; a past review gets one reminder", async () => {
    const repo = fixture.github.addRepo("acme/follow-app", {
      ".github/cto-copilot.yml": "followUp:\n  issues: true\nonboarding: false\n",
      [postMortemPath]: postMortem(["🔲", "🔲", "🔲"]),
      [adrPath]: adr("2025-10-01"),
    });
    await deliver("push", pushPayload(repo, [postMortemPath]), () => repo.issues.size >= 4);
    const actionIssues = () =>
      [...repo.issues.values()]
        .filter((issue) => issue.labels.includes("action-item"))
        .sort((a, b) => a.number - b.number);
    expect(actionIssues().map((issue) => [issue.title, issue.state, issue.user])).toEqual([
      ["Add monitoring for checkout 5xx", "open", "cto-copilot[bot]"],
      ["Expand/contract migrations only", "open", "cto-copilot[bot]"],
      ["Write the runbook", "open", "cto-copilot[bot]"],
    ]);
    const reminders = [...repo.issues.values()].filter((issue) => issue.labels.includes("adr-review"));
    expect(reminders.map((issue) => issue.title)).toEqual(["Review decision: Use PostgreSQL"]);

    // The same push delivered again writes nothing.
    const before = writes();
    await deliver("push", pushPayload(repo, [postMortemPath]));
    expect(writes()).toBe(before);

    // The first row ticked: its issue closes as completed.
    repo.commit({ [postMortemPath]: postMortem(["✅", "🔲", "🔲"]) }, { message: "tick" });
    await deliver("push", pushPayload(repo, [postMortemPath]));
    expect(actionIssues()[0]).toMatchObject({ state: "closed", stateReason: "completed" });

    // A person closes the second issue: one pull request ticks its row; the close event again opens no second one.
    const second = actionIssues()[1]!;
    repo.closeIssue(second.number, "completed", "2025-11-03T10:00:00Z");
    await deliver("issues", issuesPayload(repo, second.number, "closed"));
    const ticks = () => [...repo.pulls.values()].filter((pull) => pull.title.startsWith("Tick "));
    expect(ticks()).toHaveLength(1);
    const proposed = String(
      repo.commits.get(repo.branches.get("cto-copilot/follow-up-back-sync")!)!.tree.get(postMortemPath),
    );
    expect(proposed).toContain("| Expand/contract migrations only | @ben | 2025-11-15 | ✅ |");
    const quiet = writes();
    await deliver("issues", issuesPayload(repo, second.number, "closed"));
    expect(ticks()).toHaveLength(1);
    expect(writes()).toBe(quiet);
    // Our issues are follow-ups, never incidents: no incident comment, no post-mortem pull request.
    expect(repo.comments.filter((comment) => comment.body.includes("cto-copilot:incident"))).toEqual([]);

    // The review date moved: the reminder closes.
    repo.commit({ [adrPath]: adr("2099-01-01") }, { message: "still right" });
    await deliver("push", pushPayload(repo, [adrPath]));
    expect(reminders[0]).toMatchObject({ state: "closed", stateReason: "completed" });
  }, 120_000);
});
