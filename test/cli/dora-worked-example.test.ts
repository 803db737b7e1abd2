import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { runCli, tempRepo } from "../support/cli.js";
import { evidenceRows } from "../support/dora-evidence.js";

/** The worked example of docs/dora.md, built as a real repository: the doc's claims are asserted here. */
function workedExample(): string {
  const root = tempRepo();
  const git = (args: string[], at = "2025-01-01T00:00:00Z") =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at },
    }).trim();
  git(["init", "-q", "-b", "main"]);
  git(["config", "user.name", "Dev"]);
  git(["config", "user.email", "dev@example.com"]);
  const commit = (subject: string, at: string, body?: string) => {
    git(["commit", "-q", "--allow-empty", "-m", subject, ...(body ? ["-m", body] : [])], at);
    return git(["rev-parse", "HEAD"]);
  };
  const tag = (name: string, target: string, at: string) => git(["tag", "-a", name, "-m", name, target], at);
  commit("a", "2025-01-01T08:00:00Z");
  const b = commit("b", "2025-01-01T09:00:00Z");
  const c = commit("c", "2025-01-02T08:00:00Z");
  git(["checkout", "-q", "-b", "4.x", b]);
  const d = commit("fix: backport of c", "2025-01-02T08:00:00Z");
  git(["checkout", "-q", "main"]);
  const e = commit("e", "2025-01-03T08:00:00Z");
  const f = commit('Revert "e"', "2025-01-04T08:00:00Z", `This reverts commit ${e}.`);
  const g = commit("hotfix: rounding", "2025-01-05T08:00:00Z");
  const h = commit("h", "2025-01-07T08:00:00Z");
  tag("v4.22.0", b, "2025-01-01T10:00:00Z");
  tag("v5.0.0", c, "2025-01-02T10:00:00Z");
  tag("v5.1.0", e, "2025-01-03T10:00:00Z");
  tag("v4.22.1", d, "2025-01-03T10:00:00Z");
  tag("v5.1.1", f, "2025-01-04T10:00:00Z");
  tag("v5.1.2", g, "2025-01-05T10:00:00Z");
  tag("v5.1.3", f, "2025-01-06T10:00:00Z");
  tag("v5.2.0", h, "2025-01-07T10:00:00Z");
  return root;
}

describe("docs/dora.md's worked example", () => {
  it("holds: order, change sets, lines, revert and hotfix repairs, time to restore", async () => {
    const root = workedExample();
    const explain = (windowDays: string) =>
      runCli([
        "scorecard",
        "--root",
        root,
        "--now",
        "2025-01-08T00:00:00Z",
        "--window-days",
        windowDays,
        "--format",
        "json",
        "--explain",
      ]);
    const result = await explain("6");
    expect(result.code).toBe(0);
    const dora = JSON.parse(result.stdout).dora;
    expect(evidenceRows(dora.deployments)).toEqual([
      ["v5.0.0", 1, "v4.22.0", false, false, null],
      ["v4.22.1", 1, "v4.22.0", false, false, null],
      ["v5.1.0", 1, "v5.0.0", true, false, "v5.1.1"],
      ["v5.1.1", 1, "v5.1.0", true, true, "v5.1.2"],
      ["v5.1.2", 1, "v5.1.1", false, true, null],
      ["v5.1.3", 0, "v5.1.1", false, false, null],
      ["v5.2.0", 1, "v5.1.3", false, false, null],
    ]);
    expect(dora.timeToRestore).toMatchObject({ samples: 2, medianHours: 24 });
    // The same deployments, the same figures, in a 730-day window (which also holds v4.22.0).
    const wide = JSON.parse((await explain("730")).stdout).dora;
    expect(wide.deployments.map((d: any) => d.ref)[0]).toBe("v4.22.0");
    expect(wide.deployments.slice(1)).toEqual(dora.deployments);
  });
});
