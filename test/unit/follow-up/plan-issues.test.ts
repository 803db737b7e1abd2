import { describe, expect, it } from "@jest/globals";
import { readActionItems } from "../../../src/follow-up/action-items.js";
import { readMarker, sharedIdentity } from "../../../src/markdown/ownership.js";
import { planFollowUpIssues, type FollowUpIssuePlan } from "../../../src/follow-up/plan-issues.js";
import type { ReviewedAdr } from "../../../src/follow-up/render-issues.js";
import { followUpSummary, planFollowUp } from "../../../src/follow-up/plan.js";
import { scorecardCase } from "../scorecard/sync-fixtures.js";
import { ruleBasedSyncRead } from "../../../src/scorecard/sync-read.js";

const file = "data/engineering/incidents/incident_2025-10-14.md";
const table = (rows: string[]) =>
  [
    "## Incident: X",
    "",
    "### Action Items",
    "| Action | Owner | Due | Status |",
    "|---|---|---|---|",
    ...rows,
    "",
  ].join("\n");
const bot = { login: "github-actions[bot]", isBot: true };
let next = 1;

type Issue = Parameters<typeof planFollowUpIssues>[0]["actionIssues"][number];
/** The issues a plan's creates would make, as GitHub would list them. */
const created = (plan: FollowUpIssuePlan): Issue[] =>
  plan.creates.map((create) => ({
    number: next++,
    title: create.title,
    body: create.body,
    state: "open",
    labels: create.labels,
    author: bot,
  }));

function planOf(rows: string[], issues: Issue[] = [], adrs: ReviewedAdr[] = [], reviewIssues: Issue[] = []) {
  return planFollowUpIssues({
    actionItems: readActionItems(file, table(rows)),
    adrs,
    actionIssues: issues,
    reviewIssues,
    self: sharedIdentity,
    today: "2025-11-03",
    fileUrl: (path, line) => `https://github.com/o/r/blob/main/${path}#L${line ?? 1}`,
    labels: { actionItem: ["incident", "action-item"], adrReview: ["adr-review"] },
    assignable: new Set(["ada"]),
    maxCreates: 2,
    commit: "abcdef1234567",
  });
}

describe("planning follow-up issues", () => {
  it("creates one issue per open row, capped per run; assigns only an assignable owner; a rerun plans nothing", () => {
    const rows = [
      "| Add alerts | @ada | 2025-10-31 | 🔲 |",
      "| Fix pool | @ghost | — | 🔲 |",
      "| Write runbook | SRE | — | 🔲 |",
      "| Roll back | @ada | Done | ✅ |",
    ];
    const first = planOf(rows);
    expect(first.creates.map((create) => [create.title, create.assignees])).toEqual([
      ["Add alerts", ["ada"]],
      ["Fix pool", []],
    ]);
    expect(first.deferred).toBe(1);
    const issues = created(first);
    const second = planOf(rows, issues);
    expect(second.creates.map((create) => create.title)).toEqual(["Write runbook"]);
    const all = [...issues, ...created(second)];
    expect(planOf(rows, all)).toMatchObject({
      creates: [],
      updates: [],
      closes: [],
      reopens: [],
      drift: [],
      deferred: 0,
    });
  });

  it("an edited row keeps its issue (found by its place), a moved row too (found by its words); a removed row's issue closes as not planned", () => {
    const issues = created(planOf(["| Add alerts | @ada | 2025-10-31 | 🔲 |", "| Fix pool | @ada | — | 🔲 |"]));
    const edited = planOf(["| Add alerts on 5xx | @ada | 2025-11-30 | 🔲 |", "| Fix pool | @ada | — | 🔲 |"], issues);
    expect(edited.creates).toEqual([]);
    expect(edited.updates.map((update) => [update.number, update.title])).toEqual([
      [issues[0]!.number, "Add alerts on 5xx"],
    ]);
    const moved = planOf(
      ["| New first row | @ada | — | 🔲 |", "| Fix pool | @ada | — | 🔲 |", "| Add alerts | @ada | 2025-10-31 | 🔲 |"],
      issues,
    );
    expect(moved.creates.map((create) => create.title)).toEqual(["New first row"]);
    expect(moved.closes).toEqual([]);
    const removed = planOf(["| Fix pool | @ada | — | 🔲 |"], issues);
    expect(removed.closes).toMatchObject([{ number: issues[0]!.number, stateReason: "not_planned" }]);
    expect(readMarker(removed.closes[0]!.body)?.content).toContain("follow-up-closed-by-sync");
  });

  it("a person's issue quoting our marker, or one of ours edited by a person, is never adopted", () => {
    const [ours] = created(planOf(["| Add alerts | @ada | 2025-10-31 | 🔲 |"]));
    const byPerson = { ...ours!, number: 90, author: { login: "mallory", isBot: false } };
    const tampered = { ...ours!, number: 91, body: `${ours!.body}\nA person's edit.` };
    const plan = planOf(["| Add alerts | @ada | 2025-10-31 | ✅ |"], [byPerson, tampered]);
    expect(plan).toMatchObject({ creates: [], updates: [], closes: [], drift: [] });
  });

  it("a ticked row closes its issue as completed; a hand-closed issue of an open row is drift, never reopened", () => {
    const issues = created(planOf(["| Add alerts | @ada | 2025-10-31 | 🔲 |", "| Fix pool | @ada | — | 🔲 |"]));
    issues[1] = { ...issues[1]!, state: "closed", closedAt: "2025-11-02T10:00:00Z" };
    const plan = planOf(["| Add alerts | @ada | 2025-10-31 | ✅ |", "| Fix pool | @ada | — | 🔲 |"], issues);
    expect(plan.closes).toMatchObject([{ number: issues[0]!.number, stateReason: "completed" }]);
    expect(plan.drift.map((drift) => [drift.number, drift.item.action])).toEqual([[issues[1]!.number, "Fix pool"]]);
    expect(plan.reopens).toEqual([]);
  });

  it("one reminder per accepted ADR past review; closed when its status changes; none for deprecated ones", () => {
    const adr = {
      path: "adrs/adr_2025-01-15_x.md",
      title: "X",
      status: "accepted",
      date: "2025-01-15",
      reviewDate: "2025-10-01",
    };
    const first = planOf([], [], [adr, { ...adr, path: "adrs/adr_2024-01-01_y.md", status: "deprecated" }]);
    expect(first.creates.map((create) => create.title)).toEqual(["Review decision: X"]);
    const reminders = created(first);
    expect(planOf([], [], [adr], reminders).creates).toEqual([]);
    const superseded = planOf([], [], [{ ...adr, status: "superseded" }], reminders);
    expect(superseded.closes).toMatchObject([{ number: reminders[0]!.number, reason: "its status is now superseded" }]);
  });

  it("a path that would end the marker comment is encoded, and found again", () => {
    const odd = "incidents/x-->y\n.md";
    const items = readActionItems(odd, table(["| Add alerts | @ada | — | 🔲 |"]));
    const plan = planFollowUpIssues({ ...baseInput(), actionItems: items });
    const body = plan.creates[0]!.body;
    expect(readMarker(body)?.name).toBe("action-item:incidents%2Fx--%3Ey%0A.md:1:b3b45ed0714b");
    expect(planFollowUpIssues({ ...baseInput(), actionItems: items, actionIssues: created(plan) }).creates).toEqual([]);
  });
});

const baseInput = () => ({
  actionItems: [],
  adrs: [],
  actionIssues: [],
  reviewIssues: [],
  self: sharedIdentity,
  today: "2025-11-03",
  fileUrl: () => "https://github.com/o/r",
  labels: { actionItem: ["incident", "action-item"], adrReview: ["adr-review"] },
  assignable: new Set<string>(),
  maxCreates: 5,
  commit: "abcdef1",
});

describe("the scorecard and the sync read", () => {
  it("count open and overdue action items and ADRs past review; Next Moves names the longest-overdue item", () => {
    const items = readActionItems(
      file,
      table([
        "| Add alerts | @ada | 2025-10-01 | 🔲 |",
        "| Fix pool | @ben | 2025-10-20 | 🔲 |",
        "| Later | @ben | 2025-12-01 | 🔲 |",
      ]),
    );
    const summary = followUpSummary(
      planFollowUp(items, [{ path: "a.md", title: "A", status: "accepted", reviewDate: "2025-09-01" }], "2025-11-01"),
    );
    expect(summary).toEqual({
      openActionItems: 3,
      overdueActionItems: 2,
      adrsPastReview: 1,
      oldestOverdue: { file, action: "Add alerts", owner: "ada", due: "2025-10-01" },
    });
    const healthy = scorecardCase({
      stage: "foundation",
      headcount: 6,
      delivery: { deployments: 60, leadHours: 10, changes: 100, failed: 1, restoreHours: 2, restores: 1 },
    });
    const read = ruleBasedSyncRead({ ...healthy, scorecard: { ...healthy.scorecard, followUp: summary } });
    expect(read.nextMoves).toContain(
      'Finish the overdue action item "Add alerts" (ada), due 2025-10-01 in incident_2025-10-14.md, then tick its row; 1 more action item is overdue (`cto-copilot follow-up`).',
    );
  });
});
