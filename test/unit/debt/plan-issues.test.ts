import { describe, expect, it } from "@jest/globals";
import { planDebtIssues, planWrites, type DebtIssue, type DebtPlanInput } from "../../../src/debt/plan-issues.js";
import { closedBySyncMarker, debtBody, debtLabels, debtMarker } from "../../../src/debt/render-issue.js";
import type { DebtItem } from "../../../src/schemas/tech-debt.js";

const item = (id: string, extra: Partial<DebtItem> = {}): DebtItem => ({
  id,
  title: `Debt ${id}`,
  description: `About ${id}`,
  quadrant: "prudent_deliberate",
  impact: "accumulating",
  estimatedDays: 2,
  priority: "high",
  createdAt: "2025-06-01",
  resolvedAt: null,
  ...extra,
});
const labels = { base: "tech-debt", priority: "priority:", quadrant: "quadrant:", impact: "impact:" };
const itemUrl = (id: string) =>
  `https://github.com/acme/app/blob/abc1234/data/engineering/tech_debt.json#L${id.length}`;
const self = { login: "cto-copilot[bot]", exclusive: true };
const plan = (items: DebtItem[], issues: DebtIssue[], extra: Partial<DebtPlanInput> = {}) =>
  planDebtIssues({
    items,
    issues,
    labels,
    removed: "close",
    itemUrl,
    commit: "abc1234def",
    maxCreates: 20,
    self,
    ...extra,
  });
/** The issue the sync itself would have written for an item. */
const issueFor = (
  number: number,
  debt: DebtItem,
  state: "open" | "closed" = "open",
  closedBySync = false,
): DebtIssue => ({
  number,
  title: debt.title,
  body: debtBody(debt, { itemUrl: itemUrl(debt.id) }, closedBySync),
  state,
  labels: debtLabels(debt, labels).map((label) => label.name),
  author: { login: "cto-copilot[bot]", isBot: true },
});

describe("planDebtIssues", () => {
  it("an open item without an issue gets one; one resolved before any issue existed gets none", () => {
    const result = plan([item("d1"), item("d2", { resolvedAt: "2025-07-01" })], []);
    expect(result.creates.map((create) => [create.id, create.labels])).toEqual([
      ["d1", ["tech-debt", "priority:high", "quadrant:prudent_deliberate", "impact:accumulating"]],
    ]);
    expect(result.creates[0]!.body).toContain(debtMarker("d1"));
    expect(result.labels.map((label) => label.name)).toEqual([
      "tech-debt",
      "priority:high",
      "quadrant:prudent_deliberate",
      "impact:accumulating",
    ]);
  });

  it("nothing differs: nothing is written", () => {
    const debt = item("d1");
    const result = plan([debt], [issueFor(4, debt)]);
    expect(planWrites(result)).toBe(false);
  });

  it("resolvedAt set: the issue is closed as completed, saying which commit resolved it", () => {
    const debt = item("d1", { resolvedAt: "2025-08-01" });
    const result = plan([debt], [issueFor(4, item("d1"))]);
    expect(result.closes).toEqual([
      expect.objectContaining({
        number: 4,
        stateReason: "completed",
        comment: "Resolved on 2025-08-01: `resolvedAt` is set in tech_debt.json at abc1234.",
      }),
    ]);
    expect(result.closes[0]!.body).toContain(closedBySyncMarker);
  });

  it("removed from the file: closed as not planned, or left open when configured", () => {
    const issue = issueFor(4, item("gone"));
    expect(plan([], [issue]).closes).toEqual([expect.objectContaining({ number: 4, stateReason: "not_planned" })]);
    expect(planWrites(plan([], [issue], { removed: "leave-open" }))).toBe(false);
  });

  it("resolvedAt cleared after the sync closed it: reopened; closed by hand while open: drift, never reopened or duplicated", () => {
    const debt = item("d1");
    expect(plan([debt], [issueFor(4, debt, "closed", true)]).reopens).toEqual([expect.objectContaining({ number: 4 })]);
    const byHand = plan([debt], [issueFor(4, debt, "closed")]);
    expect(byHand.reopens).toEqual([]);
    expect(byHand.creates).toEqual([]);
    expect(byHand.drift).toEqual([expect.objectContaining({ number: 4, id: "d1" })]);
  });

  it("changed fields: the issue is edited, keeping labels people added", () => {
    const issue = { ...issueFor(4, item("d1")), labels: [...issueFor(4, item("d1")).labels, "team:payments"] };
    const result = plan([item("d1", { priority: "critical", title: "Billing has no tests" })], [issue]);
    expect(result.updates).toEqual([
      expect.objectContaining({
        number: 4,
        title: "Billing has no tests",
        labels: [
          "team:payments",
          "tech-debt",
          "priority:critical",
          "quadrant:prudent_deliberate",
          "impact:accumulating",
        ],
      }),
    ]);
  });

  it("two issues with one id: the oldest is kept, the other closed as a duplicate", () => {
    const debt = item("d1");
    const result = plan([debt], [issueFor(9, debt), issueFor(4, debt)]);
    expect(result.closes).toEqual([
      expect.objectContaining({
        number: 9,
        stateReason: "not_planned",
        comment: "Duplicate of #4, which tracks this debt item.",
      }),
    ]);
  });

  it("creations are capped per run, the rest counted", () => {
    const items = Array.from({ length: 50 }, (_, i) => item(`d${i}`));
    const result = plan(items, [], { maxCreates: 20 });
    expect(result.creates).toHaveLength(20);
    expect(result.deferred).toBe(30);
  });

  it("hostile text pings nobody and links nothing", () => {
    const result = plan(
      [
        item("d1", {
          title: "Fix @everyone #1 now\nfixes #2",
          description: "cc @org/team, closes GH-12 <img src=x onerror=alert(1)> [link](https://evil.example)",
        }),
      ],
      [],
    );
    const { title, body } = result.creates[0]!;
    expect(title).toBe("Fix @\u200deveryone #\u200d1 now fixes #\u200d2");
    expect(body).not.toMatch(/@[a-z]/i);
    expect(body).not.toMatch(/#\d/);
    expect(body).not.toMatch(/GH-\d/);
    expect(body).not.toContain("<img");
  });
});
