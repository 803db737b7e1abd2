import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";
import { templateText, validateOne } from "../support/data-files.js";

/** A repository whose history is dated: commit at `at`, optionally tagged (annotated) at the same time. */
function historyRepo(): { root: string; commit: (subject: string, at: string, tag?: string) => void } {
  const root = tempRepo();
  const run = (args: string[], at?: string) =>
    execFileSync("git", args, {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, ...(at ? { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } : {}) },
    });
  run(["init", "-q", "-b", "main"]);
  run(["config", "user.name", "Dev"]);
  run(["config", "user.email", "dev@example.com"]);
  let count = 0;
  const commit = (subject: string, at: string, tag?: string) => {
    writeFileSync(join(root, `f${count++}.txt`), subject);
    run(["add", "."]);
    run(["commit", "-q", "-m", subject], at);
    if (tag) run(["tag", "-a", tag, "-m", tag], at);
  };
  return { root, commit };
}

function releases() {
  const repo = historyRepo();
  repo.commit("init", "2025-09-01T10:00:00Z", "v0.1.0"); // before the window
  repo.commit("feat: orders", "2025-10-01T10:00:00Z");
  repo.commit("feat: billing", "2025-10-02T10:00:00Z", "v0.2.0");
  repo.commit("feat: search", "2025-10-10T10:00:00Z", "v0.3.0");
  repo.commit('Revert "feat: search"', "2025-10-11T10:00:00Z", "v0.3.1");
  repo.commit("hotfix: payment rounding", "2025-10-20T10:00:00Z", "v0.3.2");
  repo.commit("feat: exports", "2025-10-25T10:00:00Z", "v0.4.0");
  repo.commit("chore: not released", "2025-10-30T10:00:00Z");
  return repo.root;
}

const args = (root: string, ...more: string[]) => [
  "scorecard",
  "--git",
  root,
  "--now",
  "2025-11-01T00:00:00Z",
  "--window-days",
  "45",
  ...more,
];

describe("cto-copilot scorecard (offline, tags source)", () => {
  it("--format json prints the scorecard with its dora block, numbers as numbers", async () => {
    const root = releases();
    const result = await runCli(args(root, "--format", "json"));
    expect(result.code).toBe(0);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const scorecard = JSON.parse(result.stdout);
    expect(Object.keys(scorecard.dora)).toEqual([
      "source",
      "window",
      "deploymentFrequency",
      "leadTimeForChanges",
      "changeFailureRate",
      "timeToRestore",
      "reworkRate",
    ]);
    expect(scorecard.dora).toEqual({
      source: "tags",
      window: { start: "2025-09-17T00:00:00Z", end: "2025-11-01T00:00:00Z", days: 45 },
      deploymentFrequency: { deployments: 5, perWeek: 0.78, tier: "medium" },
      // v0.2.0: 2 commits (0 h and 24 h); v0.3.0, v0.3.1, v0.3.2, v0.4.0: 1 each at 0 h.
      leadTimeForChanges: { medianHours: 0, p90Hours: 24, samples: 6, tier: "elite" },
      // v0.3.0 (reverted by v0.3.1) and v0.3.1 (followed by hotfix v0.3.2) failed.
      changeFailureRate: { failed: 2, total: 5, rate: 0.4, tier: "low" },
      // v0.3.0 -> v0.3.1 (24 h) and v0.3.1 -> v0.3.2 (216 h).
      timeToRestore: { medianHours: 120, samples: 2, tier: "medium" },
      reworkRate: { remediations: 2, total: 5, rate: 0.4 },
    });
    expect(scorecard.health.changeFailureRate).toMatchObject({ current: 0.4, status: "red", samples: 5 });
    expect(scorecard.health.deploymentFrequency).toMatchObject({ current: "0.78/week", status: "yellow" });
  });

  it("--explain gives the evidence: each deployment, its change count and why it failed", async () => {
    const scorecard = JSON.parse((await runCli(args(releases(), "--format", "json", "--explain"))).stdout);
    expect(
      scorecard.dora.deployments.map((d: { ref: string; changes: number; failed: boolean; remediation: boolean }) => [
        d.ref,
        d.changes,
        d.failed,
        d.remediation,
      ]),
    ).toEqual([
      ["v0.2.0", 2, false, false],
      ["v0.3.0", 1, true, false],
      ["v0.3.1", 1, true, true],
      ["v0.3.2", 1, false, true],
      ["v0.4.0", 1, false, false],
    ]);
    expect(scorecard.dora.deployments[1].reason).toMatch(
      /^v0\.3\.1 remediated it \(its changes include a revert: [0-9a-f]{7} Revert "feat: search"\)$/,
    );
    const text = (await runCli(args(releases(), "--explain"))).stdout;
    expect(text).toMatch(/change failure rate +40% +5 +low +red/);
    expect(text).toContain("deployments  ▁▁▅█▁█▁  peak 2 a week, 2025-09-15 to 2025-10-27");
    expect(text).toContain("1 red, 3 yellow, 1 green, 1 not measured: change failure rate is the weakest.");
    expect(text).toMatch(/v0\.3\.0 +[0-9a-f]{7} +1 change +line v0\.2\.0 +failed +v0\.3\.1 remediated it/);
  });

  it("uses post-mortems for time to restore and the data files for the rest of the scorecard", async () => {
    const root = releases();
    mkdirSync(join(root, "data/engineering/incidents"), { recursive: true });
    writeFileSync(
      join(root, "data/engineering/incidents/incident_2025-10-14.md"),
      templateText("incidents/incident_2025-10-14.md"),
    );
    writeFileSync(join(root, "data/engineering/tech_debt.json"), templateText("tech_debt.json"));
    writeFileSync(join(root, "data/engineering/infra_costs.json"), templateText("infra_costs.json"));
    writeFileSync(join(root, "data/engineering/team.json"), templateText("team.json"));
    const scorecard = JSON.parse((await runCli(args(root, "--format", "json"))).stdout);
    expect(scorecard.dora.timeToRestore).toEqual({ medianHours: 0.78, samples: 1, tier: "elite" });
    expect(scorecard.techDebt).toEqual({
      criticalItems: 1,
      totalItems: 2,
      estimatedDays: 4,
      topItem: "No integration tests for billing",
      // debt_001, the critical item, was created on 2025-08-12: 81 whole days before the run.
      oldestCriticalAgeDays: 81,
    });
    // The post-mortem's two open rows: one due 2025-10-31 (overdue), one 2025-11-15.
    expect(scorecard.followUp).toEqual({
      openActionItems: 2,
      overdueActionItems: 1,
      adrsPastReview: 0,
      oldestOverdue: {
        file: "data/engineering/incidents/incident_2025-10-14.md",
        action: "Add monitoring for checkout 5xx by deploy",
        owner: "chenli",
        due: "2025-10-31",
      },
    });
    expect(scorecard.infrastructure).toMatchObject({
      monthlySpend: 12400,
      spendAsPercentOfRevenue: 12.3,
      costPerCustomer: 82.12,
      topCostDriver: "RDS",
      status: "green",
    });
    expect(scorecard.team).toEqual({ headcount: 3, openRoles: 1, attritionRisk: "low" });
  });

  it("--write writes the scorecard and its snapshot, which validate clean; the same --now gives the same files", async () => {
    const root = releases();
    const first = await runCli(args(root, "--write", "--format", "json"), { cwd: root });
    expect(first.stderr).toBe(
      "wrote data/engineering/engineering_scorecard.json\nwrote data/engineering/scorecards/scorecard_2025-11-01.json\n",
    );
    const live = readFileSync(join(root, "data/engineering/engineering_scorecard.json"), "utf8");
    expect(readFileSync(join(root, "data/engineering/scorecards/scorecard_2025-11-01.json"), "utf8")).toBe(live);
    expect(validateOne("engineering_scorecard.json", live)).toEqual([]);
    expect(validateOne("scorecards/scorecard_2025-11-01.json", live)).toEqual([]);
    await runCli(args(root, "--write"), { cwd: root });
    expect(readFileSync(join(root, "data/engineering/engineering_scorecard.json"), "utf8")).toBe(live);
  });

  it("an empty history gives null figures and a clear message, not a crash", async () => {
    const repo = historyRepo();
    repo.commit("init", "2025-10-01T10:00:00Z");
    const json = JSON.parse((await runCli(args(repo.root, "--format", "json"))).stdout);
    expect(json.dora).toMatchObject({
      deploymentFrequency: { deployments: 0, perWeek: 0, tier: null },
      leadTimeForChanges: { medianHours: null, samples: 0 },
      changeFailureRate: { rate: null },
    });
    const text = await runCli(args(repo.root));
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(
      "No deployments in the window: the tags source found none (no tag matches release-shaped tags (v1.2.3 or 1.2.3); tag releases (git tag -a v1.2.0) or pass --tag-pattern). Figures are null, not zero.",
    );
  });

  it("a release tag that shares its name with a branch is still a release, under its own name", async () => {
    const repo = historyRepo();
    repo.commit("init", "2025-09-01T10:00:00Z", "v0.1.0"); // before the window
    repo.commit("feat: orders", "2025-10-01T10:00:00Z", "v0.2.0");
    // A maintenance branch named after its release: git itself now calls the tag `tags/v0.2.0`.
    execFileSync("git", ["branch", "v0.2.0"], { cwd: repo.root, stdio: "pipe" });
    const json = JSON.parse((await runCli(args(repo.root, "--format", "json", "--explain"))).stdout);
    expect(json.dora.deploymentFrequency.deployments).toBe(1);
    expect(json.dora.deployments.map((deployment: { ref: string }) => deployment.ref)).toEqual(["v0.2.0"]);
  });

  it("releases only before the window are no data (no tier, no red, no advice to deploy every merge); releases only after --now say so", async () => {
    const repo = historyRepo();
    repo.commit("init", "2025-05-01T10:00:00Z", "v1.0.0");
    repo.commit("feat: a", "2025-06-01T10:00:00Z", "v1.1.0");
    const json = JSON.parse((await runCli(args(repo.root, "--format", "json"))).stdout);
    expect(json.dora.deploymentFrequency).toEqual({ deployments: 0, perWeek: 0, tier: null });
    expect(json.health.deploymentFrequency).toMatchObject({ current: null, status: "unknown" });
    const text = (await runCli(args(repo.root))).stdout;
    expect(text).toMatch(/deployment frequency\s+—\s+0\s+—\s+unknown/);
    expect(text).not.toContain("0/week");
    expect(text).not.toMatch(/deploy on every merge|every push to main/i);
    expect(text).toContain("No release in the window: the delivery figures wait for the next one");
    expect(text).toContain("the last, v1.1.0, was on 2025-06-01");
    const early = await runCli(["scorecard", "--root", repo.root, "--now", "2025-04-01T00:00:00Z"]);
    expect(early.stdout).toContain("(2 matching tags, all after 2025-04-01T00:00:00.000Z; move --now later)");
  });

  it("warns when the tags selected mix release lines, or include pre-releases and branch markers, and suggests a pattern", async () => {
    const repo = historyRepo();
    repo.commit("init", "2025-09-01T10:00:00Z", "v4.0.0");
    repo.commit("feat: five", "2025-09-10T10:00:00Z", "v5.0.0");
    repo.commit("feat: rc", "2025-09-20T10:00:00Z", "v5.1.0-rc.1");
    repo.commit("fix: backport", "2025-10-01T10:00:00Z", "v4.0.1");
    repo.commit("chore: marker", "2025-10-02T10:00:00Z", "v5.1.x");
    const plain = await runCli(args(repo.root));
    expect(plain.stdout).toContain(
      'warning: The release-shaped tags (v1.2.3 or 1.2.3) mix release lines: 1 tag was made after a higher version (e.g. v4.0.1). Each line\'s changes are counted once, on the line that shipped them first; to follow one line only, set dora.tagPattern, e.g. "v5.*"',
    );
    const glob = await runCli(args(repo.root, "--tag-pattern", "v*"));
    expect(glob.stdout).toContain(
      'warning: The tags matching "v*" include a tag that looks like a branch marker, not releases (v5.1.x)',
    );
    expect(glob.stdout).toContain('warning: The tags matching "v*" include 1 pre-release (v5.1.0-rc.1)');
    const json = await runCli(args(repo.root, "--format", "json"));
    expect(() => JSON.parse(json.stdout)).not.toThrow();
    expect(json.stderr).toContain("warning: The release-shaped tags (v1.2.3 or 1.2.3) mix release lines");
  });

  it("honours configured tier thresholds (dora.tiers)", async () => {
    const root = releases();
    mkdirSync(join(root, ".github"));
    writeFileSync(
      join(root, ".github/cto-copilot.yml"),
      "dora:\n  tiers:\n    changeFailureRate: { elite: 0.2, high: 0.3, medium: 0.5 }\n",
    );
    const scorecard = JSON.parse((await runCli(args(root, "--format", "json"))).stdout);
    expect(scorecard.dora.changeFailureRate).toEqual({ failed: 2, total: 5, rate: 0.4, tier: "medium" });
  });

  it("usage errors: not a git repository, a bad --now, a bad window", async () => {
    const notGit = tempRepo();
    expect(await runCli(["scorecard", "--git", notGit])).toMatchObject({
      code: 2,
      stderr: `cto-copilot: error: ${notGit} is not in a git repository: the deployments are read from its release tags; run this inside a clone, or pass --git DIR\n`,
    });
    expect((await runCli(["scorecard", "--now", "yesterday"])).stderr).toContain(
      "--now yesterday is not a time: give ISO 8601 with a zone",
    );
    expect((await runCli(["scorecard", "--window-days", "0"])).code).toBe(2);
  });
});

describe("scorecard --write merges, it never erases", () => {
  it("keeps what a person wrote that the scorecard cannot compute, and refuses to write through a symlink", async () => {
    const root = releases();
    const { existsSync, readFileSync, symlinkSync, writeFileSync, mkdirSync, rmSync } = await import("node:fs");
    mkdirSync(join(root, "data/engineering"), { recursive: true });
    const first = await runCli(args(root, "--write"), { cwd: root });
    expect(first.code).toBe(0);
    const file = join(root, "data/engineering/engineering_scorecard.json");
    const written = JSON.parse(readFileSync(file, "utf8"));
    written.$schema = "../../schemas/engineering_scorecard.schema.json";
    written.security.lastSecurityReview = "2025-09-15";
    written.security.complianceStatus = "SOC 2 Type 1 report issued 2025-06";
    written.team.attritionRisk = "high";
    writeFileSync(file, JSON.stringify(written, null, 2));
    await runCli(args(root, "--write"), { cwd: root });
    const again = JSON.parse(readFileSync(file, "utf8"));
    expect(again).toMatchObject({
      $schema: "../../schemas/engineering_scorecard.schema.json",
      security: { lastSecurityReview: "2025-09-15", complianceStatus: "SOC 2 Type 1 report issued 2025-06" },
      team: { attritionRisk: "high" },
    });
    expect(Object.keys(again)[0]).toBe("$schema");
    expect(validateOne("engineering_scorecard.json", readFileSync(file, "utf8"))).toEqual([]);

    // A symlink planted where the file goes is refused, and what it points at is untouched.
    const outside = join(tempRepo(), "secret.txt");
    writeFileSync(outside, "keep me");
    rmSync(file);
    symlinkSync(outside, file);
    const refused = await runCli(args(root, "--write"), { cwd: root });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("is a symbolic link; not writing through it");
    expect(readFileSync(outside, "utf8")).toBe("keep me");
    expect(existsSync(outside)).toBe(true);
  });
});
