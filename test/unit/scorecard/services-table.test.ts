import { describe, expect, it } from "@jest/globals";
import { computeDora } from "../../../src/dora/compute.js";
import { renderScorecardSummary } from "../../../src/scorecard/render-summary.js";
import { composeScorecard } from "../../../src/scorecard/compose.js";
import { servicesText, withServices } from "../../../src/scorecard/services.js";
import { day, deploy, linear, now } from "../dora/events.js";

describe("the per-service table", () => {
  const commits = linear(["init", "feat(core): a", "docs: b", "feat(core): c"]);
  const dora = computeDora({
    source: "tags",
    deployments: [deploy("v1.0.0", "c0", now - 20 * day), deploy("v1.1.0", "c3", now - 10 * day)],
    commits,
    incidents: [],
    now,
    windowDays: 30,
  });
  const core = computeDora({
    source: "tags",
    deployments: [deploy("v1.0.0", "c0", now - 20 * day), deploy("v1.1.0", "c3", now - 10 * day)],
    commits,
    incidents: [],
    now,
    windowDays: 30,
    touches: (commit) => commit.subject.includes("(core)"),
  });
  const scorecard = withServices(
    composeScorecard({
      now: new Date(now),
      dora,
      targets: { deploymentFrequency: "high", leadTime: "high", changeFailureRate: "high", mttr: "high" },
      security: {},
    }),
    [{ name: "core", dora: core }],
  );

  it("keeps the repository's figures and adds the service's, in JSON, text and the job summary", () => {
    expect(scorecard.dora?.leadTimeForChanges.samples).toBe(3);
    expect(scorecard.dora?.services?.[0]).toMatchObject({ name: "core", leadTimeForChanges: { samples: 2 } });
    expect(servicesText(scorecard).join("\n")).toMatch(
      /core\s+0\.47\/week \(medium\)\s+20\.9 days, 2 changes \(medium\)/,
    );
    const summary = renderScorecardSummary(scorecard, dora);
    expect(summary).toContain("### Per service");
    expect(summary).toContain(
      "| core | 0.47/week (medium) | 20.9 days, 2 changes (medium) | 0%, 0 of 2 (elite) | — | 0% |",
    );
  });

  it("without services, nothing is added", () => {
    const plain = withServices(scorecard, []);
    expect(servicesText({ ...plain, dora: { ...plain.dora!, services: undefined } })).toEqual([]);
  });
});
