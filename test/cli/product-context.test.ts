import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";
import { templateRoot } from "../support/data-files.js";

const roadmapItem = { title: "EU region", targetDate: "2025-12-15", status: "planned", needs: ["reliability"] };

function writeRoadmap(root: string, text: string): void {
  mkdirSync(join(root, "data/product"), { recursive: true });
  writeFileSync(join(root, "data/product/roadmap.json"), text);
}

/** Three releases, one of them reverted: change failure rate red (1 of 3). */
function releasedRepo(): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  let count = 0;
  const commit = (subject: string, at: string, tag: string) => {
    const env = { ...process.env, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at };
    writeFileSync(join(root, `f${count++}.txt`), subject);
    git("add", ".");
    execFileSync("git", ["commit", "-q", "-m", subject], { cwd: root, env });
    execFileSync("git", ["tag", "-a", tag, "-m", tag], { cwd: root, env });
  };
  commit("init", "2025-09-01T10:00:00Z", "v0.1.0");
  commit("feat: search", "2025-10-10T10:00:00Z", "v0.3.0");
  commit('Revert "feat: search"', "2025-10-11T10:00:00Z", "v0.3.1");
  return root;
}

const scorecard = (root: string) =>
  runCli(["scorecard", "--git", root, "--now", "2025-11-01T00:00:00Z"], { cwd: root });
const priorityOf = (stdout: string) =>
  stdout
    .slice(stdout.indexOf("Top Technical Priority"), stdout.indexOf("Trade-off Acknowledgment"))
    .replace(/\s+/g, " ");

describe("cto-copilot scorecard reads data/product/roadmap.json", () => {
  it("an item due within the quarter that needs reliability sets the priority, with its date", async () => {
    const root = releasedRepo();
    const without = await scorecard(root);
    writeRoadmap(root, JSON.stringify({ version: "1.0", items: [roadmapItem] }));
    const withRoadmap = await scorecard(root);
    expect(withRoadmap.code).toBe(0);
    expect(priorityOf(without.stdout)).not.toContain("EU region");
    expect(priorityOf(withRoadmap.stdout)).toContain(
      "Add a smoke test to the deploy before “EU region” (2025-12-15) “EU region” (roadmap, planned) is due 2025-12-15, in 44 days, and needs reliability (change failure rate, time to restore). Change failure rate is 33.3% (red;",
    );
    expect(withRoadmap.stdout).toContain("Roadmap to 2026-02-01: “EU region” due 2025-12-15, needs reliability.");
  });

  it("a malformed roadmap is left out with a warning naming it; the scorecard is still written", async () => {
    const root = releasedRepo();
    const without = await scorecard(root);
    writeRoadmap(root, JSON.stringify({ version: "1.0", items: [{ ...roadmapItem, targetDate: "next spring" }] }));
    const result = await scorecard(root);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain(
      "data/product/roadmap.json is not valid and was left out; run `cto-copilot validate` for details",
    );
    expect(priorityOf(result.stdout)).toBe(priorityOf(without.stdout));
  });
});

describe("cto-copilot validate checks data/product/roadmap.json when present", () => {
  it("absent: nothing said; valid: counted, no finding", async () => {
    const root = tempRepo(templateRoot);
    const absent = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout);
    writeRoadmap(root, JSON.stringify({ version: "1.0", items: [roadmapItem] }, null, 2));
    const valid = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout);
    expect(absent.diagnostics).toEqual([]);
    expect(valid.diagnostics).toEqual([]);
    expect(valid.summary.files).toBe(absent.summary.files + 1);
  });

  it("malformed: a finding with the file, line and column, and exit code 1", async () => {
    const root = tempRepo(templateRoot);
    writeRoadmap(root, JSON.stringify({ version: "1.0", items: [{ ...roadmapItem, status: "someday" }] }, null, 2));
    const result = await runCli(["validate", "--root", root, "--format", "json"]);
    expect(result.code).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics).toEqual([
      expect.objectContaining({
        file: "data/product/roadmap.json",
        line: 7,
        column: 17,
        severity: "error",
        code: "invalid-value",
        message: '`items[0].status` must be one of planned, in_progress, done, dropped; found "someday"',
      }),
    ]);
  });
});

describe("cto-copilot validate checks CLAUDE.md when present: warnings only, it is optional context", () => {
  const validate = async (root: string) => {
    const result = await runCli(["validate", "--root", root, "--format", "json"]);
    return { code: result.code, report: JSON.parse(result.stdout) };
  };

  it("text: counted, no finding", async () => {
    const root = tempRepo(templateRoot);
    const before = await validate(root);
    writeFileSync(join(root, "CLAUDE.md"), "\uFEFF# Acme\n\nNode 22 on Fly.io.\n");
    const after = await validate(root);
    expect(after.report.diagnostics).toEqual([]);
    expect(after.report.summary.files).toBe(before.report.summary.files + 1);
  });

  it("not UTF-8: a warning at the bad byte, exit code 0", async () => {
    const root = tempRepo(templateRoot);
    writeFileSync(
      join(root, "CLAUDE.md"),
      Buffer.concat([Buffer.from("# Acme\ncaf"), Buffer.from([0xe9]), Buffer.from("\n")]),
    );
    const { code, report } = await validate(root);
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({
        file: "CLAUDE.md",
        line: 2,
        column: 4,
        severity: "warning",
        code: "invalid-utf8",
        message: "invalid UTF-8 byte 0xe9 (at byte 10); the AI drafts go without it",
      }),
    ]);
  });

  it("over 256 KiB, or binary: a warning each", async () => {
    const large = tempRepo(templateRoot);
    writeFileSync(join(large, "CLAUDE.md"), "x".repeat(300 * 1024));
    expect((await validate(large)).report.diagnostics).toEqual([
      expect.objectContaining({
        file: "CLAUDE.md",
        severity: "warning",
        code: "file-too-large",
        message:
          "file is 307200 bytes, over the 262144 bytes limit for CLAUDE.md; it was not read; the AI drafts go without it",
      }),
    ]);
    const binary = tempRepo(templateRoot);
    writeFileSync(join(binary, "CLAUDE.md"), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00]));
    expect((await validate(binary)).report.diagnostics).toEqual([
      expect.objectContaining({ file: "CLAUDE.md", severity: "warning", code: "binary-content" }),
    ]);
  });

  it("a symbolic link: a warning (never followed), not an error", async () => {
    const root = tempRepo(templateRoot);
    writeFileSync(join(root, "AGENTS.md"), "# Acme\n");
    symlinkSync("AGENTS.md", join(root, "CLAUDE.md"));
    const { code, report } = await validate(root);
    expect(code).toBe(0);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: "CLAUDE.md", severity: "warning", code: "symlink" }),
    ]);
    expect(report.diagnostics[0].message).toContain("the AI drafts go without it");
  });
});
