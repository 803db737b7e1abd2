import { describe, expect, it } from "@jest/globals";
import { localRepositoryView } from "../../../src/local/repository-view.js";
import { silentLogger } from "../../../src/ports/logger.js";
import { defaultConfig, type Config } from "../../../src/schemas/config.js";
import { computeScorecard } from "../../../src/use-cases/compute-scorecard.js";
import { buildMessyHistory, buildMonorepoHistory } from "../../support/git/messy-history.js";
import { evidenceRows } from "../../support/dora-evidence.js";
import { referenceDora } from "../../support/git/reference-dora.js";

const day = 86_400_000;
const tagsConfig = (windowDays: number): Config => ({
  ...defaultConfig(),
  dora: { ...defaultConfig().dora, source: "tags", windowDays },
});

async function production(root: string, now: number, windowDays: number) {
  const run = await computeScorecard(
    { view: localRepositoryView({ root }), log: silentLogger, now: () => new Date(now) },
    tagsConfig(windowDays),
    "HEAD",
    { explain: true },
  );
  return run.dora;
}

const round = (value: number) => Math.round(value * 100) / 100;

describe("the DORA figures agree with a deliberately simple implementation on messy real git histories", () => {
  // Interleaved 4.x and 5.x lines, backports, reverts (git's and GitHub's), reverts of reverts,
  // same-second tags, tags of tags, lightweight tags, redeploys, decoy "hotfix" subjects.
  it.each([1, 2, 3])(
    "seed %i: every deployment's change set, line and failure, and every figure",
    async (seed) => {
      const history = buildMessyHistory(seed);
      const now = history.end + day;
      for (const windowDays of [30, 120, 400]) {
        const reference = referenceDora(history.root, { now, windowDays });
        const dora = await production(history.root, now, windowDays);
        const context = `seed ${seed}, ${windowDays} days\n${history.log.join("\n")}`;
        expect({
          context,
          deployments: evidenceRows(dora.deployments),
        }).toEqual({
          context,
          deployments: reference.inWindow.map((d) => [
            d.ref,
            d.changes.length,
            d.line,
            d.failed,
            d.remediation,
            d.repairedBy,
          ]),
        });
        expect(dora.deploymentFrequency.deployments).toBe(reference.inWindow.length);
        expect(dora.leadTimeForChanges.samples).toBe(reference.leadTimeHours.length);
        const sorted = [...reference.leadTimeHours].sort((a, b) => a - b);
        if (sorted.length > 0) {
          const middle = sorted.length >> 1;
          expect(dora.leadTimeForChanges.medianHours).toBe(
            round(sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2),
          );
        }
        expect(dora.changeFailureRate).toMatchObject({ failed: reference.failed, total: reference.inWindow.length });
        expect(dora.reworkRate.remediations).toBe(reference.remediations);
        expect(dora.timeToRestore.samples).toBe(reference.restoreHours.length);
      }
      // Three windows over a few thousand real git commits each: about 20 s alone, past Jest's 60 s default on a loaded machine.
    },
    180_000,
  );

  it("the histories hold every case of real release histories, and the evidence names each rule", async () => {
    const evidence: string[] = [];
    for (const seed of [1, 2, 3]) {
      const history = buildMessyHistory(seed);
      const dora = await production(history.root, history.end + day, 800);
      for (const deployment of dora.deployments)
        evidence.push(`${deployment.reason ?? ""} ${(deployment.notes ?? []).join(" ")}`);
    }
    const all = evidence.join("\n");
    expect(all).toMatch(/its changes include a hotfix: \w+ Merge branch 'hotfix\//);
    expect(all).toMatch(/its changes include a revert: \w+ Revert "Merge branch/);
    expect(all).toMatch(/its changes include a revert: \w+ (revert: |fix: revert ")/);
    expect(all).toMatch(/its changes include a revert: \w+ refactor: revert #\d+/);
    expect(all).toMatch(/not counted as a revert, it names \w+, a commit not in the history/);
    expect(all).toMatch(/also v?5\.\d+\.\d+: the same commit at the same time, counted once/);
    expect(all).toMatch(/release commits? not counted as changes \(\w+ chore\(release\)/);
    expect(all).toMatch(/misplaced tag: v5\.\d+\.\d+ is on an older commit than/);
  });

  it("a deployment's figures are the same whatever the window, and no commit is counted twice", async () => {
    const history = buildMessyHistory(7);
    const now = history.end + day;
    const byWindow = await Promise.all(
      [45, 90, 300, 730].map((windowDays) => production(history.root, now, windowDays)),
    );
    const narrow = byWindow[0]!.deployments;
    expect(narrow.length).toBeGreaterThan(3);
    for (const wider of byWindow.slice(1)) {
      const same = new Map(wider.deployments.map((d) => [d.ref, d]));
      for (const deployment of narrow) expect(same.get(deployment.ref)).toEqual(deployment);
    }
    const widest = byWindow.at(-1)!;
    const reference = referenceDora(history.root, { now, windowDays: 730 });
    const counted = reference.inWindow.flatMap((d) => d.changes);
    expect(new Set(counted).size).toBe(counted.length);
    expect(widest.leadTimeForChanges.samples).toBe(counted.length);
  });

  describe("per service in a workspace monorepo: its tags, and only the commits touching its paths", () => {
    const services = [
      { name: "core", paths: ["packages/core/**"], tagPattern: "v*" },
      { name: "create", paths: ["packages/create/**"], tagPattern: "create@*" },
    ];
    it.each([1, 2])("seed %i", async (seed) => {
      const history = buildMonorepoHistory(seed);
      const now = history.end + day;
      const config: Config = {
        ...tagsConfig(400),
        dora: { ...tagsConfig(400).dora, services },
      };
      const view = localRepositoryView({ root: history.root });
      const context = { view, log: silentLogger, now: () => new Date(now) };
      const whole = await computeScorecard(context, config, "HEAD");
      for (const service of services) {
        const reference = referenceDora(history.root, {
          now,
          windowDays: 400,
          tagPattern: service.tagPattern,
          paths: service.paths,
        });
        const one = await computeScorecard(
          context,
          { ...config, dora: { ...config.dora, tagPattern: service.tagPattern, services: [] } },
          "HEAD",
          { explain: true, paths: service.paths },
        );
        const label = `seed ${seed}, ${service.name}\n${history.log.join("\n")}`;
        expect({ label, rows: evidenceRows(one.dora.deployments) }).toEqual({
          label,
          rows: reference.inWindow.map((d) => [d.ref, d.changes.length, d.line, d.failed, d.remediation, d.repairedBy]),
        });
        expect(one.dora.leadTimeForChanges.samples).toBe(reference.leadTimeHours.length);
        // The table of services holds the same figures as the service's own scorecard.
        expect(whole.scorecard.dora?.services?.find((row) => row.name === service.name)).toEqual({
          name: service.name,
          deploymentFrequency: one.dora.deploymentFrequency,
          leadTimeForChanges: one.dora.leadTimeForChanges,
          changeFailureRate: one.dora.changeFailureRate,
          timeToRestore: {
            medianHours: one.dora.timeToRestore.medianHours,
            samples: one.dora.timeToRestore.samples,
            tier: one.dora.timeToRestore.tier,
          },
          reworkRate: one.dora.reworkRate,
        });
      }
      // The repository's figures stay: every change, the docs' too.
      const repository = referenceDora(history.root, { now, windowDays: 400 });
      expect(whole.dora.leadTimeForChanges.samples).toBe(repository.leadTimeHours.length);
      expect(whole.dora.leadTimeForChanges.samples).toBeGreaterThan(
        whole.scorecard.dora!.services!.find((row) => row.name === "core")!.leadTimeForChanges.samples,
      );
    });
  });
});
