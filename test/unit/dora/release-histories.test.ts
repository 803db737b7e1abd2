import { describe, expect, it } from "@jest/globals";
import type { CommitInfo } from "../../../src/dora/commit-graph.js";
import { computeDora, type DeploymentEvent } from "../../../src/dora/compute.js";
import { evidenceRows } from "../../support/dora-evidence.js";
import { day, deploy, hour, linear, now, t0 } from "./events.js";

/** The figures of a 30-day window, as `--explain` gives them. */
function dora(
  deployments: DeploymentEvent[],
  commits: CommitInfo[],
  extra: { touches?: (c: CommitInfo) => boolean } = {},
) {
  return computeDora({ source: "tags", deployments, commits, incidents: [], now, windowDays: 30, ...extra });
}
const commit = (sha: string, parents: string[], hours: number, subject: string, more: Partial<CommitInfo> = {}) => ({
  sha,
  parents,
  authorTime: t0 + hours * hour,
  subject,
  ...more,
});

describe("the failure side on real release histories (issue 25, cases A to H)", () => {
  it("A: a merge of a hotfix branch repairs the line it was built on; merging it back into develop later is no second hotfix", () => {
    // main: m0 - m1 ------------- M3 (Merge branch 'hotfix/1.0.1')
    //              \- h2 (fix) -/  \
    // develop: m1 - d4 ----------- D5 (Merge branch 'hotfix/1.0.1' into develop) - M6 (release 1.1.0)
    const commits = [
      commit("m0", [], 0, "init"),
      commit("m1", ["m0"], 1, "feat: a"),
      commit("h2", ["m1"], 2, "fix: the crash"),
      commit("M3", ["m1", "h2"], 3, "Merge branch 'hotfix/1.0.1'"),
      commit("d4", ["m1"], 4, "feat: b"),
      commit("D5", ["d4", "h2"], 5, "Merge branch 'hotfix/1.0.1' into develop"),
      commit("M6", ["M3", "D5"], 6, "Merge branch 'release/1.1.0'"),
    ].reverse();
    const result = dora(
      [
        deploy("0.9.0", "m0", now - 20 * day),
        deploy("1.0.0", "m1", now - 10 * day),
        deploy("1.0.1", "M3", now - 9 * day),
        deploy("1.1.0", "M6", now - 5 * day),
      ],
      commits,
    );
    expect(evidenceRows(result.deployments)).toEqual([
      ["0.9.0", 0, null, false, false, null],
      ["1.0.0", 1, "0.9.0", true, false, "1.0.1"],
      ["1.0.1", 1, "1.0.0", false, true, null],
      ["1.1.0", 1, "1.0.1", false, false, null],
    ]);
    expect(result.deployments[2]!.reason).toBe("its changes include a hotfix: M3 Merge branch 'hotfix/1.0.1'");
    expect(result.changeFailureRate).toMatchObject({ failed: 1, total: 4 });
  });

  it("B: a revert of a merge commit shipped with that merge undoes nothing users had; one shipped later repairs the merge's release", () => {
    const merge = (sha: string, parents: string[], hours: number, n: number) =>
      commit(sha, parents, hours, `Merge pull request #${n} from acme/feature-${n}`);
    const commits = [
      commit("c0", [], 0, "init"),
      commit("f1", ["c0"], 1, "feat: search"),
      merge("M2", ["c0", "f1"], 2, 7),
      commit("R3", ["M2"], 3, 'Revert "Merge pull request #7 from acme/feature-7"', { revertOf: "M2" }),
      commit("f4", ["R3"], 4, "feat: export"),
      merge("M5", ["R3", "f4"], 5, 8),
      commit("R6", ["M5"], 6, 'Revert "Merge pull request #8 from acme/feature-8"'),
    ].reverse();
    const together = dora([deploy("v1", "c0", now - 20 * day), deploy("v2", "R3", now - 10 * day)], commits);
    expect(together.reworkRate).toMatchObject({ remediations: 0, total: 2 });
    expect(together.deployments[1]!.notes).toEqual([
      'R3 Revert "Merge pull request #7 from acme/feature-7": not counted as a revert, it undoes M2, which this same deployment shipped',
    ]);
    const later = dora(
      [
        deploy("v1", "c0", now - 20 * day),
        deploy("v2", "R3", now - 10 * day),
        deploy("v3", "M5", now - 8 * day),
        deploy("v4", "R6", now - 7 * day),
      ],
      commits,
    );
    expect(evidenceRows(later.deployments).slice(2)).toEqual([
      ["v3", 1, "v2", true, false, "v4"],
      ["v4", 1, "v3", false, true, null],
    ]);
  });

  it("C: conventional reverts, reverts in a fix's clothes and reverts naming a pull request repair what they undo; a dependency downgrade does not", () => {
    const subjects = [
      "init",
      "feat(api): add search (#10)",
      "revert: feat(api): add search",
      "perf(deps): replace debug with obug (#11)",
      'fix: revert "perf(deps): replace debug with obug (#11)" (#12)',
      "feat: cache (#13)",
      "refactor: revert #13",
      "fix(deps): revert lexer to 2.1.0 (#14)",
    ];
    const deployments = subjects.map((_, i) => deploy(`v1.${i}.0`, `c${i}`, now - (20 - i) * day));
    const result = dora(deployments, linear(subjects));
    expect(
      evidenceRows(result.deployments).map(([ref, , , failed, remediation, repairedBy]) => [
        ref,
        failed,
        remediation,
        repairedBy,
      ]),
    ).toEqual([
      ["v1.0.0", false, false, null],
      ["v1.1.0", true, false, "v1.2.0"],
      ["v1.2.0", false, true, null],
      ["v1.3.0", true, false, "v1.4.0"],
      ["v1.4.0", false, true, null],
      ["v1.5.0", true, false, "v1.6.0"],
      ["v1.6.0", false, true, null],
      ["v1.7.0", false, false, null],
    ]);
    expect(result.changeFailureRate).toMatchObject({ failed: 3, total: 8 });
    expect(result.deployments[7]!.notes).toBeUndefined();
  });

  it("D: a revert naming a commit outside the history, or an abbreviated sha of one the same release shipped, is no remediation", () => {
    const commits = [
      commit("aaaaaaa0000000000000000000000000000000000", [], 0, "init"),
      commit("bbbbbbb0000000000000000000000000000000000", ["aaaaaaa0000000000000000000000000000000000"], 1, "feat: a"),
      // A squash merge whose body quotes a revert made on its branch.
      commit(
        "ccccccc0000000000000000000000000000000000",
        ["bbbbbbb0000000000000000000000000000000000"],
        2,
        "feat: proxy from env (#4436)",
        {
          revertOf: "2de3cab",
        },
      ),
      commit(
        "ddddddd0000000000000000000000000000000000",
        ["ccccccc0000000000000000000000000000000000"],
        3,
        'Revert "feat: a"',
        {
          revertOf: "bbbbbbb",
        },
      ),
    ].reverse();
    const result = dora(
      [
        deploy("v1", "aaaaaaa0000000000000000000000000000000000", now - 20 * day),
        deploy("v2", "ddddddd0000000000000000000000000000000000", now - 10 * day),
      ],
      commits,
    );
    expect(result.reworkRate).toMatchObject({ remediations: 0, total: 2 });
    expect([...result.deployments[1]!.notes!].sort()).toEqual([
      "ccccccc feat: proxy from env (#4436): not counted as a revert, it names 2de3cab, a commit not in the history it was released from (a squashed branch's own commit?)",
      'ddddddd Revert "feat: a": not counted as a revert, it undoes bbbbbbb, which this same deployment shipped',
    ]);
  });

  it("E: two tags on one commit at the same second are one deployment", () => {
    const commits = linear(["init", "feat: a", "feat: b"]);
    const deployments = [
      deploy("4.15.0", "c0", now - 20 * day),
      deploy("v4.16.0", "c1", now - 10 * day),
      deploy("4.16.0", "c1", now - 10 * day),
      deploy("4.17.0", "c2", now - 3 * day),
      deploy("4.17.1", "c2", now - 2 * day),
    ];
    const result = dora(deployments, commits);
    expect(result.deploymentFrequency.deployments).toBe(4);
    expect(result.deployments.map((d) => [d.ref, d.notes])).toEqual([
      ["4.15.0", undefined],
      ["4.16.0", ["also v4.16.0: the same commit at the same time, counted once"]],
      ["4.17.0", undefined],
      ["4.17.1", undefined],
    ]);
    expect(result.notes).toContain(
      "1 deployment has two refs on one commit at the same time (e.g. 4.16.0): each counted once",
    );
  });

  it("F: release commits (chore(release), release-please, changesets, a bot's version bump) are shipped but are not changes", () => {
    const commits = linear([
      "init",
      "feat: a",
      "chore(release): 1.1.0 [skip ci]",
      "fix: b",
      "chore(main): release 1.1.1 (#20)",
      "Version Packages",
      "1.1.2",
    ]);
    commits.push(
      commit("c7", ["c6"], 7, "ci: publish new version", {
        author: "github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>",
      }),
    );
    commits.reverse();
    const result = dora(
      [
        deploy("v1.0.0", "c0", now - 20 * day),
        deploy("v1.1.0", "c2", now - 10 * day),
        deploy("v1.2.0", "c7", now - 5 * day),
      ],
      commits,
    );
    expect(result.leadTimeForChanges.samples).toBe(2);
    expect(result.deployments.map((d) => [d.ref, d.changes, d.notes])).toEqual([
      ["v1.0.0", 0, undefined],
      ["v1.1.0", 1, ["a release commit not counted as changes (c2 chore(release): 1.1.0 [skip ci])"]],
      ["v1.2.0", 1, ["4 release commits not counted as changes (c7 ci: publish new version)"]],
    ]);
  });

  it("G: a window with no deployment has no frequency tier, though the source has deployments before it", () => {
    const result = dora([deploy("v1", "c0", now - 60 * day)], linear(["init"]));
    expect(result.deploymentFrequency).toEqual({ deployments: 0, perWeek: 0, tier: null });
    expect(result.changeFailureRate.rate).toBeNull();
  });

  it("H: a tag put late on an older commit, or dated by an old commit, ships nothing and is said; squash-merged lead time is said", () => {
    const commits = linear(["init", "feat: a (#1)", "feat: b (#2)", "feat: c (#3)", "feat: d (#4)"]);
    // v1.3.0, annotated late on c2, older than v1.2.0's c3; v1.5.0 lightweight on c1 (dated by it) under v1.4.0 on c4.
    const late = dora(
      [
        deploy("v1.0.0", "c0", now - 20 * day),
        deploy("v1.2.0", "c3", now - 10 * day),
        deploy("v1.3.0", "c2", now - 8 * day),
        deploy("v1.4.0", "c4", now - 5 * day),
      ],
      commits,
    );
    expect(evidenceRows(late.deployments)).toEqual([
      ["v1.0.0", 0, null, false, false, null],
      ["v1.2.0", 3, "v1.0.0", false, false, null],
      ["v1.3.0", 0, null, false, false, null],
      ["v1.4.0", 1, "v1.2.0", false, false, null],
    ]);
    expect(late.deployments[2]!.notes).toEqual([
      "misplaced tag: v1.3.0 is on an older commit than v1.2.0 (released before it), so it ships nothing; left out of the change sets",
    ]);
    const early = dora(
      [
        deploy("v1.0.0", "c0", now - 20 * day),
        deploy("v1.5.0", "c1", now - 15 * day),
        deploy("v1.4.0", "c4", now - 5 * day),
      ],
      commits,
    );
    expect(evidenceRows(early.deployments).map(([ref, changes]) => [ref, changes])).toEqual([
      ["v1.0.0", 0],
      ["v1.5.0", 0],
      ["v1.4.0", 4],
    ]);
    expect(early.notes).toEqual([
      "misplaced tag: v1.5.0 is dated before v1.4.0, which builds on its commit with a lower version; its time is its commit's, not the release's; left out of the change sets",
      '4 of 4 changes in the window are squash merges (a subject ending in "(#N)"): a squash merge is authored when its pull request is merged, so lead time here runs from merge to deployment, not from the first commit',
    ]);
  });

  it("a rollback (a new version on a commit deployed before) is no misplaced tag", () => {
    const commits = linear(["init", "feat: a", "feat: b"]);
    const result = dora(
      [
        deploy("v1.0.0", "c0", now - 20 * day),
        deploy("v1.1.0", "c1", now - 10 * day),
        deploy("v1.2.0", "c2", now - 8 * day),
        deploy("v1.2.1", "c1", now - 7 * day),
      ],
      commits,
    );
    expect(result.deployments.every((d) => d.notes === undefined)).toBe(true);
    expect(result.deployments[3]!.line).toBe("v1.1.0");
  });

  it("a service counts only the commits touching its paths", () => {
    const commits = linear(["init", "feat(core): a", "docs: guide", "feat(core): b"]);
    const core = new Set(["c1", "c3"]);
    const result = dora(
      [deploy("core@1.0.0", "c0", now - 20 * day), deploy("core@1.1.0", "c3", now - 10 * day)],
      commits,
      {
        touches: (c) => core.has(c.sha),
      },
    );
    expect(result.leadTimeForChanges.samples).toBe(2);
  });
});
