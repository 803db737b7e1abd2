import { describe, expect, it } from "@jest/globals";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import pc from "picocolors";
import { formatScorecardText } from "../../../src/report/scorecard-text.js";
import { renderScorecardSummary } from "../../../src/scorecard/render-summary.js";
import { renderSyncIssue, syncIssueMarker } from "../../../src/scorecard/sync-issue.js";
import { renderSyncRead, ruleBasedSyncRead, type SyncRead } from "../../../src/scorecard/sync-read.js";
import { debtItem, scorecardCase, type Case, type Delivery } from "./sync-fixtures.js";

/** 26 deployments in 90 days (2/week, high), lead time 10 h, 1 failure (3.8%), restored in 3 h: all green against the default targets. */
const healthy: Delivery = { deployments: 26, leadHours: 10, failed: 1, restoreHours: 3 };
/** One metric red, the others as `healthy`. */
const redDelivery: Record<"deploymentFrequency" | "leadTime" | "changeFailureRate" | "mttr", Delivery> = {
  deploymentFrequency: { deployments: 2, leadHours: 10, failed: 0, restoreHours: 3 },
  leadTime: { ...healthy, leadHours: 900 },
  changeFailureRate: { ...healthy, failed: 8, failedRefs: ["v1.2.0", "v1.3.0"] },
  mttr: { ...healthy, restoreHours: 300 },
};
const headcounts = { survival: 2, foundation: 7, scale: 20, optimize: 45 } as const;

const readOf = (input: Case, more: { previous?: Case } = {}) =>
  ruleBasedSyncRead({
    ...scorecardCase(input),
    ...(more.previous ? { previous: scorecardCase(more.previous).scorecard } : {}),
  });
const allText = (read: SyncRead) =>
  [read.situation, read.priority.title, read.priority.why, read.tradeOff, ...read.nextMoves].join("\n");
const advice = (read: SyncRead) => [read.priority.title, read.priority.why, ...read.nextMoves].join("\n");

describe("the rule-based CTO sync read", () => {
  // The same red metric gets the advice of its stage (the prompt's stage table).
  it.each([
    ["survival", "deploymentFrequency", "Deploy on every merge to main"],
    ["survival", "leadTime", "Ship smaller changes, merged the same day"],
    ["survival", "changeFailureRate", "Add a smoke test to the deploy"],
    ["survival", "mttr", "Make rollback one command"],
    ["foundation", "deploymentFrequency", "Automate the deploy: CI/CD from merge to production"],
    ["foundation", "leadTime", "Shorten the path from commit to production"],
    ["foundation", "changeFailureRate", "Catch failures before production: tests and review on every change"],
    ["foundation", "mttr", "Restore faster: monitoring and alerts that reach a person"],
    ["scale", "deploymentFrequency", "Decouple deploys so each team ships on its own"],
    ["scale", "leadTime", "Find where changes wait: review, CI or the release train"],
    ["scale", "changeFailureRate", "Limit the blast radius: SLOs and progressive delivery"],
    ["scale", "mttr", "Incident response: on-call, runbooks and post-mortems"],
    ["optimize", "deploymentFrequency", "Make deploying self-service for every team"],
    ["optimize", "leadTime", "Cut the wait in the delivery path"],
    ["optimize", "changeFailureRate", "Make failures cheap: automated canaries and rollback"],
    ["optimize", "mttr", "Automate recovery where incidents repeat"],
  ] as const)("%s stage, red %s: %s", (stage, metric, title) => {
    const read = readOf({ stage, headcount: headcounts[stage], delivery: redDelivery[metric] });
    expect(read.priority.title).toBe(title);
    expect(read.priority.why).toMatch(/^[A-Z][a-z ]+ is .+ \(red; target /);
    expect(read.nextMoves.length).toBeGreaterThanOrEqual(2);
    expect(read.nextMoves.length).toBeLessThanOrEqual(3);
    expect(read.drafter).toBe("rules");
    if (stage === "survival") expect(advice(read)).not.toMatch(/kubernetes|microservice/i);
  });

  it("a red lead time reads differently at survival and at scale, each naming the figure", () => {
    const survival = readOf({ stage: "survival", headcount: 2, delivery: redDelivery.leadTime });
    const scale = readOf({ stage: "scale", headcount: 20, delivery: redDelivery.leadTime });
    const figure = "Lead time for changes is 37.5 days (red; target < 1 week; median of 78 changes, p90 75.0 days).";
    expect(survival.priority.why).toBe(
      `${figure} At the survival stage (2 engineers) every day a change waits is a day without learning from users; the fix is smaller changes, not more process.`,
    );
    expect(scale.priority.why).toBe(
      `${figure} At the scale stage (20 engineers) long lead times come from queues between teams; measure each wait before buying platform work.`,
    );
    expect(survival.nextMoves[0]).toBe(
      "Keep pull requests to under a day of work, merge them the day they open, and deploy on merge.",
    );
    expect(scale.nextMoves[0]).toMatch(
      /^Split the lead time of the last changes into open → first review → merge → deploy/,
    );
    expect(survival.tradeOff).toMatch(
      /^Not now: no microservices split, no Kubernetes and no SOC2 yet\. With 2 engineers,/,
    );
    expect(scale.tradeOff).toMatch(/^Not now: no rewrite or re-platforming, no SOC2 Type 2 and no bug bounty\./);
  });

  it("the situation: stage, what is healthy, what is concerning, what is not measured, one line each", () => {
    const read = readOf({
      stage: "foundation",
      headcount: 7,
      delivery: redDelivery.leadTime,
      debt: [debtItem("debt_004", { title: "Flaky e2e suite", priority: "high", estimatedDays: 3 })],
    });
    expect(read.situation.split("\n")).toEqual([
      "Foundation stage (tech_stack.json), 7 engineers: the stage for basic CI/CD, monitoring, code review and written decisions (ADRs).",
      "Healthy: deployment frequency 2.02/week (target >= 1/week; 26 deployments in 90 days); change failure rate 3.8% (target <= 10%; 1 of 26 deployments failed); time to restore 3.0 h (target < 24 h; median of 1 failed deployment to the one that restored it); security (0 open Dependabot alerts; present: SECURITY.md, dependency updates (Dependabot or Renovate config), branch protection on the default branch); no critical debt (1 open item).",
      "Concerning: lead time for changes 37.5 days (red; target < 1 week; median of 78 changes, p90 75.0 days).",
      "Not measured: infrastructure cost (no month in infra_costs.json: record spend with mrr or utilisation in infra_costs.json).",
      "Changes: this is the first scorecard, so there is nothing to compare with; the next run compares with this one.",
    ]);
    expect(read.nextMoves).toEqual([
      "Agree on a first review within one working day, and have GitHub Actions deploy every merge to main so a merged change waits for nothing.",
      "Close debt item debt_004 “Flaky e2e suite” (high, est. 3 days) and set its resolvedAt in tech_debt.json.",
      "Record last month's infrastructure spend with MRR and compute utilisation in infra_costs.json, so the scorecard can judge cost against the stage's target.",
    ]);
  });

  it("several reds: the stage's order picks one, and the trade-off names the others as waiting", () => {
    const read = readOf({
      stage: "scale",
      headcount: 20,
      delivery: { deployments: 26, leadHours: 900, failed: 8, restoreHours: 300 },
    });
    // At the scale stage time to restore comes before lead time.
    expect(read.priority.title).toBe("Incident response: on-call, runbooks and post-mortems");
    expect(read.tradeOff).toContain(
      "Also below target, and left for later on purpose: change failure rate is 30.8% (red; target <= 10%; 8 of 26 deployments failed); lead time for changes is 37.5 days (red;",
    );
    expect(read.tradeOff).toMatch(/At the scale stage time to restore comes first\.$/);
  });

  it("red before yellow, whatever the stage's order", () => {
    const read = readOf({ stage: "survival", headcount: 2, delivery: { ...healthy, leadHours: 400, failed: 8 } });
    // Lead time 16.7 days is yellow (medium); change failure rate 30.8% is red.
    expect(read.priority.title).toBe("Add a smoke test to the deploy");
  });

  it("no deployments measured: says so, and how to fix it, never 'unknown'", () => {
    const read = readOf({ stage: "foundation", headcount: 5, delivery: { deployments: 0 } });
    expect(read.priority).toEqual({
      title: "No deployments measured: set dora.source",
      why: "No deployment was found from the `deployments` source in the 90 days to 2025-11-01, so deployment frequency, lead time, change failure rate and time to restore are all unmeasured, though tech_stack.json says GitHub Actions deploys. Every delivery call in this read rests on those four figures.",
    });
    expect(read.nextMoves[0]).toMatch(
      /^Set `dora.source` in .github\/cto-copilot.yml to how production is deployed: `deployments` \(with `dora.environment: production`\)/,
    );
    expect(read.situation).toContain(
      "Not measured: delivery (no deployment was found from the `deployments` source in the 90 days to 2025-11-01; set `dora.source` in .github/cto-copilot.yml to how you deploy)",
    );
    expect(read.tradeOff).toContain("No delivery target is chased until deployments are measured");
    expect(allText(read)).not.toMatch(/\bunknown\b/);
  });

  it("no deployments at the survival stage without a pipeline: a basic deploy path first", () => {
    const read = readOf({ stage: "survival", headcount: 1, delivery: { deployments: 0 }, stack: { stack: {} } });
    expect(read.priority.title).toBe("Set up a basic deploy path, then measure it");
    expect(read.nextMoves.slice(0, 2)).toEqual([
      "Add a deploy job that runs on every push to main (e.g. .github/workflows/deploy.yml); no staging environment or approval step yet.",
      "Then set `dora.source: workflow-runs` and `dora.workflow: deploy.yml` in .github/cto-copilot.yml so the scorecard counts those runs.",
    ]);
    expect(advice(read)).not.toMatch(/kubernetes/i);
  });

  it("all green: survival keeps shipping; later stages raise the weakest target", () => {
    const survival = readOf({ stage: "survival", headcount: 2, delivery: healthy });
    expect(survival.priority.title).toBe("Keep shipping at this pace");
    expect(survival.situation).toContain("Concerning: nothing measured is below target.");
    const foundation = readOf({ stage: "foundation", headcount: 6, delivery: healthy });
    expect(foundation.priority).toEqual({
      title: "Raise the deployment frequency target to elite",
      why: "All 4 measured delivery metrics meet their targets. Deployment frequency is 2.02/week (target >= 1/week; 26 deployments in 90 days): tier high, the furthest from elite; elite (daily or more (>= 7/week)) is the next step for a foundation-stage team.",
    });
    expect(foundation.nextMoves[0]).toBe(
      "Set `scorecard.targets.deploymentFrequency: elite` in .github/cto-copilot.yml so the scorecard holds deployment frequency to daily or more (>= 7/week).",
    );
    for (const read of [survival, foundation]) expect(read.nextMoves.length).toBeGreaterThanOrEqual(2);
  });

  it("all green with a gap tech_stack.json shows: the stage's next investment", () => {
    const noMonitoring = readOf({
      stage: "foundation",
      headcount: 6,
      delivery: healthy,
      stack: { stack: { cicd: { pipeline: "GitHub Actions" } } },
    });
    expect(noMonitoring.priority.title).toBe("Add monitoring and alerting");
    const noOncall = readOf({
      stage: "scale",
      headcount: 15,
      delivery: healthy,
      stack: { team: { headcount: 15, oncallRotation: false } },
    });
    expect(noOncall.priority.title).toBe("Start an on-call rotation");
  });

  it("a critical debt item that holds back the red metric is the priority", () => {
    const read = readOf({
      stage: "foundation",
      headcount: 7,
      delivery: redDelivery.changeFailureRate,
      debt: [
        debtItem("debt_007", {
          title: "No integration tests for billing",
          priority: "critical",
          impact: "causing_incidents",
          quadrant: "reckless_deliberate",
          estimatedDays: 3,
        }),
        debtItem("debt_008", { priority: "low" }),
      ],
    });
    expect(read.priority.title).toBe("Pay down debt_007: “No integration tests for billing”");
    expect(read.priority.why).toBe(
      "Change failure rate is 30.8% (red; target <= 10%; 8 of 26 deployments failed), and debt_007 is critical debt causing incidents (reckless, deliberate; est. 3 days). Change failure rate is the first thing to fix at the foundation stage, and this item is what holds it back.",
    );
    expect(read.nextMoves).toEqual([
      "Close debt item debt_007 “No integration tests for billing” (critical, est. 3 days) and set its resolvedAt in tech_debt.json.",
      "Require passing CI and one approving review before merge (branch protection on the default branch), and add a test for each failure in the window (v1.2.0, v1.3.0).",
      "Record last month's infrastructure spend with MRR and compute utilisation in infra_costs.json, so the scorecard can judge cost against the stage's target.",
    ]);
    expect(read.situation).toContain(
      "1 critical debt item of 2 open items: debt_007 “No integration tests for billing”",
    );
  });

  it("a critical debt item that holds back nothing red is a next move, not the priority", () => {
    const read = readOf({
      stage: "foundation",
      headcount: 7,
      delivery: redDelivery.leadTime,
      debt: [debtItem("debt_009", { title: "Payments SDK v1", priority: "critical", estimatedDays: null })],
    });
    expect(read.priority.title).toBe("Shorten the path from commit to production");
    expect(read.nextMoves[1]).toBe(
      "Close debt item debt_009 “Payments SDK v1” (critical, not estimated yet) and set its resolvedAt in tech_debt.json.",
    );
  });

  it("security: open Dependabot alerts first at the scale stage, a next move at survival", () => {
    const alerts = { securityPolicy: true, dependabotConfig: true, branchProtection: false, openDependabotAlerts: 4 };
    const scale = readOf({ stage: "scale", headcount: 18, delivery: healthy, security: alerts });
    expect(scale.priority.title).toBe("Fix the 4 open Dependabot alerts");
    expect(scale.priority.why).toMatch(
      /^Security is red: 4 open Dependabot alerts; missing for the scale stage: branch protection on the default branch\./,
    );
    expect(scale.nextMoves).toContain(
      "Turn on branch protection for the default branch (Settings → Branches): require a pull request and passing CI.",
    );
    const survival = readOf({ stage: "survival", headcount: 2, delivery: redDelivery.leadTime, security: alerts });
    expect(survival.priority.title).toBe("Ship smaller changes, merged the same day");
    expect(survival.nextMoves[1]).toBe(
      "Fix the 4 open Dependabot alerts (Security → Dependabot): merge or apply the upgrades, highest severity first.",
    );
  });

  it("security yellow (the stage's minimum missing): each gap as a setting to change", () => {
    const read = readOf({
      stage: "foundation",
      headcount: 5,
      delivery: healthy,
      security: { securityPolicy: false, dependabotConfig: false, branchProtection: true },
    });
    expect(read.priority.title).toBe("Close the foundation stage's minimum security gaps");
    expect(read.nextMoves.slice(0, 2)).toEqual([
      "Add SECURITY.md: how to report a vulnerability, and who answers.",
      "Add .github/dependabot.yml so dependencies are scanned and upgrades proposed.",
    ]);
  });

  it("what changed since the previous scorecard: statuses, tiers, debt counts", () => {
    const read = readOf(
      {
        stage: "foundation",
        headcount: 7,
        delivery: { ...redDelivery.leadTime, deployments: 100 },
        debt: [debtItem("debt_001"), debtItem("debt_002", { priority: "critical" })],
      },
      {
        previous: {
          stage: "foundation",
          headcount: 6,
          now: "2025-10-25T00:00:00Z",
          delivery: { ...healthy, leadHours: 100 },
          debt: [debtItem("debt_001")],
        },
      },
    );
    expect(read.situation.split("\n").at(-1)).toBe(
      "Since the scorecard of 2025-10-25: deployment frequency tier high → elite, still green; lead time for changes green → red (4.2 days → 37.5 days); open tech debt up from 1 to 2 items; critical debt 0 → 1; headcount 6 → 7.",
    );
    const same = readOf(
      { stage: "foundation", headcount: 7, delivery: healthy },
      { previous: { stage: "foundation", headcount: 7, now: "2025-10-25T00:00:00Z", delivery: healthy } },
    );
    expect(same.situation.split("\n").at(-1)).toBe(
      "Since the scorecard of 2025-10-25: no status moved; open tech debt steady at 0 items.",
    );
  });

  it("tech_stack.json's constraints shape the trade-off: SOC2 required stays, Kubernetes in use is not re-litigated", () => {
    const read = readOf({
      stage: "foundation",
      headcount: 8,
      delivery: redDelivery.leadTime,
      stack: { constraints: { complianceRequirements: ["SOC2"] } },
    });
    expect(read.tradeOff).toMatch(/^Not now: no microservices split and no Kubernetes\. /);
    expect(read.tradeOff).toContain("SOC2 stays: tech_stack.json records it as required.");
    const survival = scorecardCase({ stage: "survival", headcount: 2, delivery: redDelivery.leadTime });
    survival.stack.stack.infrastructure = { keyServices: ["EKS", "RDS"] };
    expect(ruleBasedSyncRead(survival).tradeOff).toMatch(
      /^Not now: no microservices split, no further platform work on EKS \(tech_stack.json lists it\) and no SOC2 yet\./,
    );
  });

  it("is deterministic and leaves its inputs alone", () => {
    const input = scorecardCase({
      stage: "scale",
      headcount: 20,
      delivery: { deployments: 26, leadHours: 900, failed: 8, restoreHours: 300 },
      debt: [debtItem("debt_002", { priority: "critical", impact: "causing_incidents" }), debtItem("debt_001")],
    });
    const before = JSON.stringify(input);
    expect(ruleBasedSyncRead(input)).toEqual(ruleBasedSyncRead(structuredClone(input)));
    expect(JSON.stringify(input)).toBe(before);
  });

  it("a hand-written scorecard without DORA figures or data files says what is missing", () => {
    const { scorecard } = scorecardCase({ stage: "foundation", headcount: 0, delivery: { deployments: 0 } });
    const { dora: _dora, ...bare } = scorecard;
    const read = ruleBasedSyncRead({ scorecard: bare });
    expect(read.priority.title).toBe("No deployments measured: set dora.source");
    expect(read.priority.why).toMatch(/^The scorecard has no DORA figures, so/);
    expect(read.situation).toContain("the stack (no tech_stack.json: `cto-copilot init --discover` drafts one");
    expect(read.situation).toContain("headcount (team.json, or team.headcount in tech_stack.json)");
    expect(read.nextMoves).toHaveLength(3);
    expect(allText(read)).not.toMatch(/\bunknown\b/);
  });
});

/** Every node of a kind in what GitHub would render. */
function nodes(markdown: string, type: string): Nodes[] {
  const found: Nodes[] = [];
  const stack: Nodes[] = [fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === type) found.push(node);
    if ("children" in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

describe("renderSyncRead", () => {
  const hostile = "@everyone <img src=x> fixes #1";
  const hostileCase = () =>
    scorecardCase({
      stage: "foundation",
      headcount: 7,
      delivery: redDelivery.changeFailureRate,
      debt: [debtItem("debt_666", { title: hostile, priority: "critical", impact: "causing_incidents" })],
    });

  it("escapes text from data files: no HTML, no mention, no issue reference, no closing keyword", () => {
    const read = ruleBasedSyncRead(hostileCase());
    expect(read.priority.title).toBe(`Pay down debt_666: “${hostile}”`);
    const markdown = renderSyncRead(read);
    expect(nodes(markdown, "html")).toEqual([]);
    expect(nodes(markdown, "image")).toEqual([]);
    expect(nodes(markdown, "link")).toEqual([]);
    expect(markdown).not.toMatch(/@everyone|#1\b|<img/);
    expect(markdown).toContain("“@\u200deveryone &lt;img src=x&gt; fixes #\u200d1”");
  });

  it("four ### sections in the prompt's order, the moves numbered, the situation a list", () => {
    const markdown = renderSyncRead(ruleBasedSyncRead(hostileCase()));
    expect(nodes(markdown, "heading").map((heading) => (heading as { depth: number }).depth)).toEqual([3, 3, 3, 3]);
    expect(markdown.match(/^### .+$/gm)).toEqual([
      "### Situation Read",
      "### Top Technical Priority",
      "### Trade-off Acknowledgment",
      "### Next Moves",
    ]);
    expect(markdown).toMatch(/### Next Moves\n\n1\. Close debt item debt_666 .+\n2\. .+\n3\. .+\n$/);
    expect(markdown).toMatch(/### Situation Read\n\n- Foundation stage/);
  });

  it("an AI-drafted read says so right under the first heading; its text is escaped the same way", () => {
    const read: SyncRead = {
      situation: "# Heading injection\n- [phish](https://evil.example)",
      priority: { title: "Ping @org/team", why: "Closes #12 <script>x</script>" },
      tradeOff: "> quote",
      nextMoves: ["1. one", "two"],
      drafter: "ai",
    };
    const markdown = renderSyncRead(read);
    expect(markdown.startsWith("### Situation Read\n\nAI-drafted\n\n")).toBe(true);
    expect(nodes(markdown, "heading")).toHaveLength(4);
    expect(nodes(markdown, "link")).toEqual([]);
    expect(nodes(markdown, "html")).toEqual([]);
    expect(nodes(markdown, "blockquote")).toEqual([]);
    expect(markdown).toContain("1. 1\\. one\n2. two");
  });

  it("the job summary ends with the read; the sync issue carries its marker", () => {
    const input = hostileCase();
    const read = ruleBasedSyncRead(input);
    const summary = renderScorecardSummary(input.scorecard, input.dora, undefined, read);
    expect(summary.indexOf("## Engineering scorecard")).toBe(0);
    expect(summary.endsWith(renderSyncRead(read))).toBe(true);
    expect(renderScorecardSummary(input.scorecard, input.dora)).not.toContain("### Situation Read");
    // The tech-debt line of the summary escapes the top item's title too.
    expect(summary).not.toMatch(/@everyone|<img/);
    const issue = renderSyncIssue(read, input.scorecard);
    expect(issue.startsWith(`${syncIssueMarker}\n`)).toBe(true);
    expect(issue).toContain(renderSyncRead(read).trimEnd());
    expect(renderSyncIssue(read, input.scorecard)).toBe(issue);
  });

  it("the CLI's text report shows the read as plain text, wrapped, without control characters", () => {
    const input = hostileCase();
    input.debtItems[0]!.title = "Billing\u001b]8;;https://evil.example\u0007 tests";
    const read = ruleBasedSyncRead(input);
    const text = formatScorecardText(input.scorecard, input.dora, pc.createColors(false), {
      syncRead: read,
      width: 80,
    });
    expect(text).toContain("\nSituation Read\n  - Foundation stage (tech_stack.json), 7 engineers:");
    expect(text).toContain("\nTop Technical Priority\n  Pay down debt_666: “Billing]8;;https://evil.example tests”\n");
    expect(text).toContain("\nNext Moves\n  1. Close debt item debt_666");
    expect([...text].filter((char) => char.charCodeAt(0) < 0x20 && char !== "\n")).toEqual([]);
    expect(text).not.toContain("&lt;");
    for (const line of text.slice(text.indexOf("Situation Read")).split("\n"))
      expect(line.length).toBeLessThanOrEqual(80);
  });
});
