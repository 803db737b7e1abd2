import { describe, expect, it } from "@jest/globals";
import type { Roadmap, RoadmapItem } from "../../../src/schemas/roadmap.js";
import { syncReadRequest } from "../../../src/llm/drafts/sync-read.js";
import { ruleBasedSyncRead } from "../../../src/scorecard/sync-read.js";
import { debtItem, scorecardCase, type Case } from "./sync-fixtures.js";

// The fixtures' scorecards are generated at 2025-11-01: the next quarter runs to 2026-02-01.
const healthy = { deployments: 26, leadHours: 10, failed: 1, restoreHours: 3 };
const noSecurityPolicy = {
  securityPolicy: false,
  dependabotConfig: true,
  branchProtection: true,
  openDependabotAlerts: 0,
};
/** Foundation stage, deployments red (2 in 90 days), security below target (no SECURITY.md). */
const foundation: Case = {
  stage: "foundation",
  headcount: 7,
  delivery: { deployments: 2, leadHours: 10, failed: 0, restoreHours: 3 },
  security: noSecurityPolicy,
};

const item = (fields: Partial<RoadmapItem>): RoadmapItem => ({
  id: "rm_001",
  title: "Enterprise tier: SSO and audit log",
  targetDate: "2026-01-15",
  status: "planned",
  needs: ["security"],
  ...fields,
});
const roadmapOf = (...items: RoadmapItem[]): Roadmap => ({ version: "1.0", items });
const readOf = (input: Case, roadmap?: Roadmap) =>
  ruleBasedSyncRead({ ...scorecardCase(input), ...(roadmap ? { roadmap } : {}) });

const stagePriority = "Automate the deploy: CI/CD from merge to production";

describe("the roadmap in the CTO sync read's top priority", () => {
  it("without a roadmap, the stage's order chooses (deployments red come first at foundation)", () => {
    expect(readOf(foundation).priority.title).toBe(stagePriority);
  });

  it("an item due next quarter that needs security makes security the priority, naming the item and its date", () => {
    const read = readOf(foundation, roadmapOf(item({})));
    expect(read.priority.title).toBe(
      "Close the foundation stage's minimum security gaps before “Enterprise tier: SSO and audit log” (2026-01-15)",
    );
    expect(read.priority.why).toBe(
      "“Enterprise tier: SSO and audit log” (roadmap, planned) is due 2026-01-15, in 75 days, and needs security. " +
        "Security is yellow: missing for the foundation stage: SECURITY.md. These are the stage's minimum, and each is a setting or a file. " +
        `Without the roadmap the priority would be “${stagePriority}”; a date within the quarter makes this the higher-leverage move.`,
    );
    expect(read.nextMoves[0]).toBe("Add SECURITY.md: how to report a vulnerability, and who answers.");
    // What waits is said, and why.
    expect(read.tradeOff).toContain(
      "Also below target, and left for later on purpose: deployment frequency is 0.16/week (red; target >= 1/week; 2 deployments in 90 days). What “Enterprise tier: SSO and audit log” needs by 2026-01-15 comes first.",
    );
    expect(read.situation).toContain(
      "Roadmap to 2026-02-01: “Enterprise tier: SSO and audit log” due 2026-01-15, needs security.",
    );
  });

  it.each([
    ["due in a year", item({ targetDate: "2026-11-01" })],
    ["past its date, still planned", item({ targetDate: "2025-10-15" })],
    ["done", item({ status: "done" })],
    ["dropped", item({ status: "dropped" })],
    ["a quarter that starts after the next three months", item({ targetDate: "2026-Q2" })],
    ["needing only what is at target", item({ needs: ["reliability"] })],
    ["needing nothing", item({ needs: [] })],
  ])("an item %s leaves the priority to the stage", (_, roadmapItem) => {
    const read = readOf(foundation, roadmapOf(roadmapItem));
    expect(read.priority.title).toBe(stagePriority);
    expect(read.priority.why).not.toContain("roadmap");
  });

  it("a quarter that begins within the next three months counts, due by its last day", () => {
    const read = readOf(foundation, roadmapOf(item({ targetDate: "2026-Q1", status: "in_progress" })));
    expect(read.priority.title).toMatch(/before “Enterprise tier: SSO and audit log” \(2026-Q1\)$/);
    expect(read.priority.why).toMatch(
      /^“Enterprise tier: SSO and audit log” \(roadmap, in progress\) is due 2026-Q1 \(by 2026-03-31\), in 150 days, and needs security\./,
    );
  });

  it("the soonest item decides: a later one's need waits", () => {
    const read = readOf(
      { ...foundation, delivery: { ...foundation.delivery, failed: 1 } },
      roadmapOf(
        item({ id: "rm_002", title: "Usage-based billing", targetDate: "2026-01-20", needs: ["delivery"] }),
        item({ targetDate: "2025-12-01" }),
      ),
    );
    expect(read.priority.title).toMatch(/^Close the foundation stage's minimum security gaps before “Enterprise tier/);
    expect(read.situation).toContain(
      "Roadmap to 2026-02-01: “Enterprise tier: SSO and audit log” due 2025-12-01, needs security; “Usage-based billing” due 2026-01-20, needs delivery.",
    );
  });

  it("open debt the roadmap says blocks an item is paid down first; resolved debt is not", () => {
    const debt = [debtItem("debt_004", { title: "Single-tenant database schema", priority: "high", estimatedDays: 8 })];
    const roadmap = roadmapOf(item({ needs: [], blockedBy: ["debt_004"] }));
    const read = readOf({ ...foundation, debt }, roadmap);
    expect(read.priority.title).toBe("Pay down debt_004 before “Enterprise tier: SSO and audit log” (2026-01-15)");
    expect(read.priority.why).toMatch(
      /^“Enterprise tier: SSO and audit log” \(roadmap, planned\) is due 2026-01-15, in 75 days\. The roadmap lists debt_004 “Single-tenant database schema” as blocking it \(high debt, est\. 8 days\)\./,
    );
    expect(read.nextMoves[0]).toBe(
      "Close debt item debt_004 “Single-tenant database schema” (high, est. 8 days; it blocks “Enterprise tier: SSO and audit log”, due 2026-01-15, in 75 days) and set its resolvedAt in tech_debt.json.",
    );
    const resolved = [{ ...debt[0]!, resolvedAt: "2025-10-20" }];
    expect(readOf({ ...foundation, debt: resolved }, roadmap).priority.title).toBe(stagePriority);
  });

  it("an item that needs reliability, with no monitoring recorded, asks for monitoring before it ships", () => {
    const atTarget: Case = {
      stage: "scale",
      headcount: 20,
      delivery: healthy,
      stack: { stack: { cicd: { pipeline: "GitHub Actions" }, observability: { monitoring: "" } } },
    };
    const without = readOf(atTarget);
    const read = readOf(atTarget, roadmapOf(item({ title: "EU region", needs: ["reliability"] })));
    expect(read.priority.title).toBe("Add monitoring and alerting before “EU region” (2026-01-15)");
    expect(read.priority.why).toContain("tech_stack.json records no monitoring");
    expect(read.priority.why).toContain(`Without the roadmap the priority would be “${without.priority.title}”`);
  });

  it("an item that needs delivery while no deployment is measured: measure it first, said once", () => {
    const read = readOf(
      { stage: "foundation", headcount: 7, delivery: { deployments: 0 } },
      roadmapOf(item({ title: "Usage-based billing", targetDate: "2025-12-20", needs: ["delivery"] })),
    );
    expect(read.priority.title).toBe("Measure delivery before “Usage-based billing” (2025-12-20)");
    expect(read.priority.why).toMatch(
      /^“Usage-based billing” \(roadmap, planned\) is due 2025-12-20, in 49 days, and needs delivery \(deployment frequency, lead time\)\. No deployment was found from the `deployments` source/,
    );
    // Measuring delivery is what the stage's order asks for too: no "instead".
    expect(read.priority.why).not.toContain("Without the roadmap");
  });

  it("a red area the item needs is chosen with the stage's advice for it", () => {
    const read = readOf(
      { stage: "foundation", headcount: 7, delivery: { ...healthy, failed: 8, failedRefs: ["v1.2.0"] } },
      roadmapOf(item({ title: "Self-serve onboarding", needs: ["reliability"] })),
    );
    // Change failure rate is the stage's first red anyway: the item is named, nothing said about another choice.
    expect(read.priority.title).toBe(
      "Catch failures before production: tests and review on every change before “Self-serve onboarding” (2026-01-15)",
    );
    expect(read.priority.why).toMatch(
      /, and needs reliability \(change failure rate, time to restore\)\. Change failure rate is 30\.8% \(red;/,
    );
    expect(read.priority.why).not.toContain("Without the roadmap");
  });
});

describe("the roadmap in the AI sync read's material", () => {
  it("the next quarter's items as their own data block, as the rules see them; none without a roadmap", () => {
    const inputs = {
      ...scorecardCase(foundation),
      roadmap: roadmapOf(
        item({ blockedBy: ["debt_004"] }),
        item({ id: "rm_9", title: "Later", targetDate: "2026-Q4" }),
      ),
    };
    const request = syncReadRequest(inputs, ruleBasedSyncRead(inputs));
    expect(request.data.find((block) => block.name === "product_roadmap_next_quarter")?.text).toBe(
      [
        "Items due from 2025-11-01 to 2026-02-01:",
        "Enterprise tier: SSO and audit log [planned] due 2026-01-15, in 75 days; needs security; blocked by debt debt_004",
        "Open items due later: 1",
      ].join("\n"),
    );
    const without = syncReadRequest(scorecardCase(foundation), ruleBasedSyncRead(scorecardCase(foundation)));
    expect(without.data.map((block) => block.name)).not.toContain("product_roadmap_next_quarter");
  });
});
