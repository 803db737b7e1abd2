import { describe, expect, it } from "@jest/globals";
import { mergeShards, type ShardResult } from "../../../src/org/merge-shards.js";
import { renderOrgSummary } from "../../../src/org/render-summary.js";
import type { OrgRepositoryResult } from "../../../src/schemas/org-scorecard.js";
import { orgWindow } from "../../../src/use-cases/score-organization.js";

const window = { start: "2025-08-03T00:00:00Z", end: "2025-11-01T00:00:00Z", days: 90 };

function repo(name: string, statuses: ("green" | "yellow" | "red")[], leadTime: number | null): OrgRepositoryResult {
  const metric = (status: "green" | "yellow" | "red", value: number | null) => ({
    value,
    tier: value === null ? ("unknown" as const) : status === "red" ? ("low" as const) : ("high" as const),
    status: value === null ? ("unknown" as const) : status,
  });
  return {
    fullName: `acme/${name}`,
    outcome: "scored",
    dora: {
      deploymentsPerWeek: metric(statuses[0]!, 2),
      leadTimeHours: metric(statuses[1]!, leadTime),
      changeFailureRate: metric(statuses[2]!, 0.25),
      timeToRestoreHours: metric(statuses[3]!, 3.14159),
    },
    debt: { open: 4, critical: 1 },
    incidents: 2,
  };
}

const shard = (repositories: OrgRepositoryResult[], end = window.end): ShardResult => ({
  organization: "acme",
  window: { ...window, end },
  readAt: "2025-11-01T06:00:00Z",
  shard: { index: 1, count: 1 },
  repositories,
});

describe("the organisation summary", () => {
  const scorecard = mergeShards([
    shard([
      repo("calm", ["green", "green", "green", "green"], 5),
      repo("worst", ["red", "red", "red", "yellow"], 400),
      repo("slipping", ["green", "yellow", "red", "green"], 30),
      { fullName: "acme/locked", outcome: "unreadable", reason: "not readable: no access, deleted or renamed" },
    ]),
  ]);

  it("puts the worst repositories first, with each figure as a reader reads it", () => {
    const text = renderOrgSummary(scorecard);
    const worst = text.indexOf("`acme/worst`");
    const slipping = text.indexOf("`acme/slipping`");
    expect(worst).toBeGreaterThan(0);
    expect(slipping).toBeGreaterThan(worst);
    expect(text).not.toContain("`acme/calm` |");
    expect(text).toContain("| `acme/worst` | 🔴 2 | 🔴 400 | 🔴 25% | 🟡 3.1 | 4 (1) | 2 |");
    expect(text).toContain("### Not scored (1)\n\n- `acme/locked`: `not readable: no access, deleted or renamed`");
    expect(text).toContain("3 repositories scored, 1 unreadable");
    // Lead time quartiles of 5, 30, 400 hours.
    expect(text).toContain("| Lead time for changes (hours) | 17.5 | 30 | 215 |");
    expect(text).not.toContain("### Trend");
  });

  it("shows the trend against the previous snapshot, and caps the table", () => {
    const previous = mergeShards([
      shard([repo("calm", ["green", "green", "green", "green"], 5)], "2025-10-25T00:00:00Z"),
    ]);
    const text = renderOrgSummary(scorecard, previous, { maxRows: 1 });
    expect(text).toContain("### Trend since 2025-10-25");
    // A table, not a chart mixing two series: then and now side by side for each metric.
    expect(text).toContain("| Lead time for changes (hours) | 100% | 67% | 5 | 30 |");
    expect(text).toContain("…and 1 more in org_scorecard.json.");
  });

  it("draws charts of one series each: the share at elite or high by metric", () => {
    const charts = [...renderOrgSummary(scorecard).matchAll(/```mermaid\n([\s\S]*?)```/g)].map((match) => match[1]!);
    expect(charts).toHaveLength(1);
    expect(charts[0]).toContain('title "Repositories at elite or high, by metric (%)"');
    expect(charts[0]).toContain('x-axis ["Deploys/week", "Lead time", "Change failure", "Time to restore"]');
    expect(charts[0]!.match(/^\s+(bar|line) \[/gm)).toEqual(["  bar ["]);
  });

  it("ends every shard's window at the start of the run's UTC day", () => {
    expect(orgWindow(new Date("2025-11-01T23:59:59Z"), 90)).toEqual(window);
    expect(orgWindow(new Date("2025-11-01T00:00:00Z"), 90)).toEqual(window);
    expect(orgWindow(new Date("2025-11-02T00:00:01Z"), 90).end).toBe("2025-11-02T00:00:00Z");
  });
});
