import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import { computeDora, type DeploymentEvent, type DoraInput } from "../../../src/dora/compute.js";
import { median, percentile } from "../../../src/dora/stats.js";
import type { CommitInfo } from "../../../src/dora/commit-graph.js";
import { deploy, hour, linear, now, t0 } from "./events.js";

describe("statistics", () => {
  it("median of an even count is the mean of the middle two; p90 is the nearest rank", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
    expect(median([])).toBeNull();
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 90)).toBe(9);
    expect(percentile([1, 2, 3], 90)).toBe(3);
  });
});

describe("change sets", () => {
  const evidenceOf = (input: Partial<DoraInput> & Pick<DoraInput, "deployments" | "commits">) =>
    computeDora({ source: "tags", incidents: [], now, windowDays: 60, ...input }).deployments.map((d) => [
      d.ref,
      d.changes,
      d.line,
    ]);

  it("are the non-merge commits a deployment reaches that no earlier one reached; a rollback ships nothing", () => {
    // c0 - c1 - c2 ------- m5 (merge of c4)
    //            \- c3 - c4 /
    const commits: CommitInfo[] = [
      { sha: "c0", parents: [], authorTime: t0, subject: "init" },
      { sha: "c1", parents: ["c0"], authorTime: t0 + hour, subject: "a" },
      { sha: "c2", parents: ["c1"], authorTime: t0 + 2 * hour, subject: "b" },
      { sha: "c3", parents: ["c2"], authorTime: t0 + 3 * hour, subject: "feature 1" },
      { sha: "c4", parents: ["c3"], authorTime: t0 + 4 * hour, subject: "feature 2" },
      { sha: "m5", parents: ["c2", "c4"], authorTime: t0 + 5 * hour, subject: "Merge pull request #7" },
    ];
    const deployments = [
      deploy("v1", "c1", t0 + 10 * hour),
      deploy("v2", "m5", t0 + 11 * hour),
      deploy("v3", "c2", t0 + 12 * hour),
    ];
    // v1 is the first the source knows: no change set. v2: c2, c3, c4 (the merge itself is no change). v3 rolls back.
    expect(evidenceOf({ deployments, commits })).toEqual([
      ["v1", 0, null],
      ["v2", 3, "v1"],
      ["v3", 0, "v1"],
    ]);
  });

  it("give the same answer whatever the order of the commits", () => {
    const commits = linear(Array.from({ length: 40 }, (_, i) => `change ${i}`));
    commits[20] = { ...commits[20]!, parents: ["c19", "c7"] }; // a merge
    const deployments = [
      deploy("v1", "c5", t0 + 50 * hour),
      deploy("v2", "c30", t0 + 51 * hour),
      deploy("v3", "c39", t0 + 52 * hour),
      deploy("v4", "c8", t0 + 53 * hour),
    ];
    expect(evidenceOf({ deployments, commits })).toEqual(evidenceOf({ deployments, commits: [...commits].reverse() }));
    expect(evidenceOf({ deployments, commits })).toEqual([
      ["v1", 0, null],
      ["v2", 24, "v1"],
      ["v3", 9, "v2"],
      ["v4", 0, "v1"],
    ]);
  });

  it("handles a million-commit linear history without deep recursion", () => {
    const commits = Array.from({ length: 1_000_000 }, (_, index) => ({
      sha: `x${index}`,
      parents: index === 0 ? [] : [`x${index - 1}`],
      authorTime: now - 1_000_000 + index,
      subject: "",
    }));
    const deployments = [deploy("v1", "x999990", now - 10), deploy("v2", "x999999", now - 1)];
    expect(evidenceOf({ deployments, commits: [...commits].reverse(), windowDays: 1 })).toEqual([
      ["v1", 0, null],
      ["v2", 9, "v1"],
    ]);
  });
});

describe("the DORA metrics (DESIGN.md definitions)", () => {
  const commits = linear([
    "init",
    "feat: a",
    "feat: b",
    "feat: c",
    'Revert "feat: c"',
    "fix: d",
    "hotfix: e",
    "feat: f",
  ]);
  const deployments = [
    deploy("v1", "c0", now - 20 * 24 * hour), // oldest: no change set
    deploy("v2", "c2", now - 10 * 24 * hour), // c1, c2
    deploy("v3", "c3", now - 9 * 24 * hour), // c3 -> failed (v4 reverts it)
    deploy("v4", "c4", now - 8 * 24 * hour), // revert -> remediation
    deploy("v5", "c6", now - 2 * 24 * hour), // c5, c6 (hotfix) -> remediation, so v4 failed too
    deploy("v6", "c7", now - 1 * 24 * hour),
  ];
  const input: DoraInput = {
    source: "tags",
    deployments,
    commits,
    incidents: [],
    now,
    windowDays: 14,
    hotfixPattern: "hotfix",
  };
  const result = computeDora(input);

  it("counts successful deployments in the window and per week", () => {
    expect(result.window).toEqual({ start: "2025-10-18T00:00:00Z", end: "2025-11-01T00:00:00Z", days: 14 });
    expect(result.deploymentFrequency).toEqual({ deployments: 5, perWeek: 2.5, tier: "high" });
  });

  it("marks remediations (revert, hotfix) and the deployment before each as failed, saying why", () => {
    expect(
      result.deployments.map((deployment) => [
        deployment.ref,
        deployment.changes,
        deployment.failed,
        deployment.remediation,
      ]),
    ).toEqual([
      ["v2", 2, false, false],
      ["v3", 1, true, false],
      ["v4", 1, true, true],
      ["v5", 2, false, true],
      ["v6", 1, false, false],
    ]);
    expect(result.deployments[1]!.reason).toBe('v4 remediated it (its changes include a revert: c4 Revert "feat: c")');
    expect(result.changeFailureRate).toEqual({ failed: 2, total: 5, rate: 0.4, tier: "low" });
    expect(result.reworkRate).toEqual({ remediations: 2, total: 5, rate: 0.4 });
  });

  it("lead time: deploy time minus author time of each change, median and p90 in hours with samples", () => {
    // v2: c1 (t0+1h), c2 (t0+2h) deployed at now-10d ... t0 is 31 days before now.
    const leads = [
      [now - 10 * 24 * hour - (t0 + hour), now - 10 * 24 * hour - (t0 + 2 * hour)],
      [now - 9 * 24 * hour - (t0 + 3 * hour)],
      [now - 8 * 24 * hour - (t0 + 4 * hour)],
      [now - 2 * 24 * hour - (t0 + 5 * hour), now - 2 * 24 * hour - (t0 + 6 * hour)],
      [now - 1 * 24 * hour - (t0 + 7 * hour)],
    ]
      .flat()
      .map((ms) => ms / hour);
    expect(result.leadTimeForChanges).toEqual({
      medianHours: median(leads),
      p90Hours: percentile(leads, 90),
      samples: 7,
      tier: "medium",
    });
  });

  it("time to restore: failed deployment to the next good one without incidents; incidents when there are any", () => {
    // v3 -> v4 (24 h), v4 -> v5 (6 days): the next successful deployment, whatever became of it later.
    expect(result.timeToRestore).toMatchObject({ basis: "deployments", samples: 2, medianHours: (24 + 24 * 6) / 2 });
    const withIncident = computeDora({
      ...input,
      incidents: [
        { id: "1", title: "Checkout down", started: now - 3 * 24 * hour, resolved: now - 3 * 24 * hour + 2 * hour },
      ],
    });
    expect(withIncident.timeToRestore).toEqual({ medianHours: 2, samples: 1, tier: "high", basis: "incidents" });
    expect(withIncident.deployments.find((deployment) => deployment.ref === "v4")!.reason).toContain(
      "v5 remediated it",
    );
  });

  it("an empty history gives null figures, not a crash", () => {
    const empty = computeDora({ source: "tags", deployments: [], commits: [], incidents: [], now, windowDays: 90 });
    expect(empty).toMatchObject({
      deploymentFrequency: { deployments: 0, perWeek: 0, tier: null },
      leadTimeForChanges: { medianHours: null, p90Hours: null, samples: 0, tier: null },
      changeFailureRate: { failed: 0, total: 0, rate: null, tier: null },
      timeToRestore: { medianHours: null, samples: 0, tier: null },
      reworkRate: { remediations: 0, total: 0, rate: null },
    });
  });

  it("a deployment whose own status is failure counts as failed", () => {
    const withFailure = computeDora({
      ...input,
      deployments: [...deployments, deploy("v7", "c7", now - 12 * hour, { status: "failure" })],
    });
    expect(withFailure.changeFailureRate).toMatchObject({ failed: 3, total: 6 });
    expect(withFailure.deployments.at(-1)!.reason).toBe("its own status is failure");
  });
});

describe("invariants (property-based)", () => {
  const history = linear(
    Array.from({ length: 60 }, (_, index) =>
      index % 11 === 5 ? `Revert "x${index}"` : index % 13 === 7 ? `hotfix ${index}` : `change ${index}`,
    ),
  );
  const deploymentArb = fc.record({
    commit: fc.integer({ min: 0, max: 59 }),
    hoursBeforeNow: fc.integer({ min: -100, max: 24 * 60 }),
    failure: fc.boolean(),
    env: fc.constantFrom("production", "staging"),
  });
  const toDeployment = (
    d: { commit: number; hoursBeforeNow: number; failure: boolean; env: string },
    index: number,
  ): DeploymentEvent =>
    deploy(`d${index}`, `c${d.commit}`, now - d.hoursBeforeNow * hour, {
      status: d.failure && index % 3 === 0 ? "failure" : "success",
      environment: d.env,
    });
  const run = (deployments: DeploymentEvent[]) =>
    computeDora({ source: "deployments", deployments, commits: history, incidents: [], now, windowDays: 30 });

  it("rates lie in [0, 1] and medians within the range of their samples", () => {
    fc.assert(
      fc.property(fc.array(deploymentArb, { maxLength: 40 }), (raw) => {
        const result = run(raw.map(toDeployment));
        for (const rate of [result.changeFailureRate.rate, result.reworkRate.rate])
          if (rate !== null) expect(rate >= 0 && rate <= 1).toBe(true);
        const { medianHours, p90Hours } = result.leadTimeForChanges;
        if (medianHours !== null) expect(medianHours).toBeLessThanOrEqual(p90Hours! + 0.01);
        expect(result.changeFailureRate.failed).toBeLessThanOrEqual(result.changeFailureRate.total);
      }),
      { numRuns: 200 },
    );
  });

  it("the order of the input never matters", () => {
    fc.assert(
      fc.property(fc.array(deploymentArb, { maxLength: 30 }), fc.integer(), (raw, seed) => {
        const deployments = raw.map(toDeployment);
        const shuffled = [...deployments].sort(
          (a, b) => ((a.ref.length * 31 + seed) % 7) - ((b.ref.length * 17 + seed) % 5),
        );
        expect(run(shuffled)).toEqual(run(deployments));
      }),
      { numRuns: 200 },
    );
  });

  it("a deployment's figures do not depend on the window, and each commit is counted once", () => {
    fc.assert(
      fc.property(fc.array(deploymentArb, { maxLength: 30 }), (raw) => {
        const deployments = raw.map(toDeployment);
        const evidence = (windowDays: number) =>
          computeDora({ source: "deployments", deployments, commits: history, incidents: [], now, windowDays })
            .deployments;
        const narrow = evidence(10);
        for (const wider of [evidence(30), evidence(60)]) {
          const byKey = new Map(wider.map((d) => [`${d.ref}@${d.time}`, d]));
          for (const d of narrow) expect(byKey.get(`${d.ref}@${d.time}`)).toEqual(d);
        }
        // Over the widest window, the change sets never share a commit: their sizes add up to at most the history.
        const widest = computeDora({
          source: "deployments",
          deployments,
          commits: history,
          incidents: [],
          now,
          windowDays: 3650,
        });
        for (const environment of ["production", "staging"]) {
          const shipped = widest.deployments.filter(
            (d) => deployments.find((e) => e.ref === d.ref)!.environment === environment,
          );
          expect(shipped.reduce((sum, d) => sum + d.changes, 0)).toBeLessThanOrEqual(history.length);
        }
        expect(widest.leadTimeForChanges.samples).toBeLessThanOrEqual(2 * history.length);
      }),
      { numRuns: 200 },
    );
  });

  it("a deployment after now changes nothing", () => {
    fc.assert(
      fc.property(
        fc.array(deploymentArb, { maxLength: 30 }),
        fc.integer({ min: 0, max: 59 }),
        fc.integer({ min: 1, max: 1000 }),
        (raw, commit, hoursLater) => {
          const deployments = raw.map(toDeployment);
          expect(
            run([...deployments, deploy("future", `c${commit}`, now + hoursLater * hour, { markers: ["hotfix"] })]),
          ).toEqual(run(deployments));
        },
      ),
      { numRuns: 200 },
    );
  });
});
