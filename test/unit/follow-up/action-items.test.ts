import { describe, expect, it } from "@jest/globals";
import { readActionItems, tickActionItems } from "../../../src/follow-up/action-items.js";
import { planFollowUp } from "../../../src/follow-up/plan.js";

const postMortem = (rows: string[], header = "| Action | Owner | Due | Status |") =>
  [
    "## Incident: Checkout down",
    "",
    "### Timeline",
    "| Not | the | action | table |",
    "|---|---|---|---|",
    "| a | b | c | 🔲 |",
    "",
    "### Action Items",
    header,
    "|--------|-------|-----|--------|",
    ...rows,
    "",
    "### Lessons Learned",
    "Blameless.",
    "",
  ].join("\n");

describe("post-mortem action items", () => {
  it("reads the rows of the Action Items table only: owner login, due date, open or done", () => {
    const text = postMortem([
      "| Fix the immediate issue | @bortiz | Done | ✅ |",
      "| Add monitoring for X | `@chen-li` | 2025-10-31 | 🔲 |",
      "| Prevent recurrence via Y | Platform team | [date] | 🔲 |",
      "| _None listed on the issue: add task-list lines (`- [ ] ...`) to its description_ | — | — | 🔲 |",
    ]);
    const items = readActionItems("incidents/incident_2025-10-14.md", text);
    expect(
      items.map(({ action, owner, ownerIsLogin, due, status, row, line }) => ({
        action,
        owner,
        ownerIsLogin,
        due,
        status,
        row,
        line,
      })),
    ).toEqual([
      {
        action: "Fix the immediate issue",
        owner: "bortiz",
        ownerIsLogin: true,
        due: null,
        status: "done",
        row: 1,
        line: 11,
      },
      {
        action: "Add monitoring for X",
        owner: "chen-li",
        ownerIsLogin: true,
        due: "2025-10-31",
        status: "open",
        row: 2,
        line: 12,
      },
      {
        action: "Prevent recurrence via Y",
        owner: "Platform team",
        ownerIsLogin: false,
        due: null,
        status: "open",
        row: 3,
        line: 13,
      },
    ]);
  });

  it("finds the columns by their header, whatever their order", () => {
    const text = postMortem(["| 🔲 | 2026-01-02 | Rotate keys | @ada |"], "| Status | Due | Action | Owner |");
    expect(readActionItems("x.md", text)).toMatchObject([
      { action: "Rotate keys", owner: "ada", due: "2026-01-02", status: "open" },
    ]);
  });

  it("ticks the rows given and leaves every other character as written", () => {
    const text = postMortem([
      "| Add monitoring for X | @chen | 2025-10-31 | 🔲 |",
      "| Prevent recurrence | @ada | 2025-11-15 |  🔲  |",
      "| Cut short | @ada | 2025-11-15 |",
    ]);
    const items = readActionItems("x.md", text);
    const ticked = tickActionItems(text, [items[1]!, items[2]!]);
    expect(ticked).toBe(
      text
        .replace(
          "| Prevent recurrence | @ada | 2025-11-15 |  🔲  |",
          "| Prevent recurrence | @ada | 2025-11-15 |  ✅  |",
        )
        .replace("| Cut short | @ada | 2025-11-15 |", "| Cut short | @ada | 2025-11-15 | ✅ |"),
    );
    expect(readActionItems("x.md", ticked).map((item) => item.status)).toEqual(["open", "done", "done"]);
  });

  it("plans: overdue only when the due date is before today's date and the row is open; accepted ADRs with a review date", () => {
    const text = postMortem([
      "| Late | @a | 2025-11-02 | 🔲 |",
      "| Due today | @a | 2025-11-03 | 🔲 |",
      "| Late but done | @a | 2025-10-01 | ✅ |",
    ]);
    const plan = planFollowUp(
      readActionItems("p.md", text),
      [
        { path: "a.md", title: "A", status: "accepted", reviewDate: "2025-11-01" },
        { path: "b.md", title: "B", status: "superseded", reviewDate: "2025-01-01" },
        { path: "c.md", title: "C", status: "accepted" },
        { path: "d.md", title: "D", status: "accepted", reviewDate: "2025-11-03" },
      ],
      "2025-11-03",
    );
    expect(plan.actionItems.map((item) => item.overdue)).toEqual([true, false, false]);
    expect(plan.adrReviews).toEqual([
      { file: "a.md", title: "A", reviewDate: "2025-11-01", status: "accepted", overdue: true },
      { file: "d.md", title: "D", reviewDate: "2025-11-03", status: "accepted", overdue: false },
    ]);
  });
});
