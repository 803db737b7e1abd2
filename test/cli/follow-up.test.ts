import { describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";

const fixture = join(process.cwd(), "test/fixtures/template");
const adrs = "data/engineering/adrs";

describe("cto-copilot follow-up", () => {
  it("--format json prints the plan of the local files exactly as documented", async () => {
    const root = tempRepo(fixture);
    const result = await runCli(["follow-up", "--root", root, "--now", "2025-11-03T09:30:00Z", "--format", "json"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    const postMortem = "data/engineering/incidents/incident_2025-10-14.md";
    expect(JSON.parse(result.stdout)).toEqual({
      actionItems: [
        {
          file: postMortem,
          action: "Fix the immediate issue",
          owner: "bortiz",
          due: null,
          status: "done",
          overdue: false,
        },
        {
          file: postMortem,
          action: "Add monitoring for checkout 5xx by deploy",
          owner: "chenli",
          due: "2025-10-31",
          status: "open",
          overdue: true,
        },
        {
          file: postMortem,
          action: "Expand/contract migrations only",
          owner: "adapark",
          due: "2025-11-15",
          status: "open",
          overdue: false,
        },
      ],
      adrReviews: [
        {
          file: `${adrs}/adr_2025-06-01_use-postgresql.md`,
          title: "Use PostgreSQL on RDS as the primary database",
          reviewDate: "2026-06-01",
          status: "accepted",
          overdue: false,
        },
      ],
    });
    const later = JSON.parse(
      (await runCli(["follow-up", "--root", root, "--now", "2026-06-02", "--format", "json"])).stdout,
    );
    expect(later.adrReviews[0].overdue).toBe(true);
    expect(later.actionItems.filter((item: { overdue: boolean }) => item.overdue)).toHaveLength(2);
  });

  it("text names what is overdue; a bad --now is a usage error", async () => {
    const root = tempRepo(fixture);
    const text = await runCli(["follow-up", "--root", root, "--now", "2025-11-03"]);
    expect(text.stdout).toContain("2 open action items (1 overdue), 1 done");
    expect(text.stdout).toMatch(/overdue {2}2025-10-31 {2}Add monitoring for checkout 5xx by deploy \(chenli\)/);
    const bad = await runCli(["follow-up", "--root", root, "--now", "yesterday"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("--now yesterday is not a time");
  });
});

describe("cto-copilot adr new --supersedes and adr index", () => {
  it("links both records (by file name or path), both stay valid, and a one-way link is reported", async () => {
    const root = tempRepo(fixture);
    const made = await runCli([
      "adr",
      "new",
      "Use CockroachDB",
      "--root",
      root,
      "--supersedes",
      "adr_2025-06-01_use-postgresql.md",
      "--deciders",
      "Ada",
    ]);
    expect(made).toMatchObject({ code: 0 });
    expect(made.stdout).toContain(
      `updated ${root}/${adrs}/adr_2025-06-01_use-postgresql.md (superseded by adr_2025-11-03_use-cockroachdb.md)`,
    );
    const created = readFileSync(join(root, adrs, "adr_2025-11-03_use-cockroachdb.md"), "utf8");
    expect(created).toContain("**Supersedes:** [adr_2025-06-01_use-postgresql](adr_2025-06-01_use-postgresql.md)");
    const old = readFileSync(join(root, adrs, "adr_2025-06-01_use-postgresql.md"), "utf8");
    expect(old).toContain(
      "**Status:** superseded by [adr_2025-11-03_use-cockroachdb](adr_2025-11-03_use-cockroachdb.md)\n**Date:** 2025-06-01",
    );
    const valid = await runCli(["validate", "--root", root, "--format", "json"]);
    expect(JSON.parse(valid.stdout).diagnostics).toEqual([]);

    // The old record put back to accepted: the new one's Supersedes link is now one-way.
    writeFileSync(
      join(root, adrs, "adr_2025-06-01_use-postgresql.md"),
      old.replace(/\*\*Status:\*\* .*/, "**Status:** accepted"),
    );
    const oneWay = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout).diagnostics;
    expect(oneWay).toEqual([
      expect.objectContaining({
        file: `${adrs}/adr_2025-11-03_use-cockroachdb.md`,
        line: 6,
        severity: "warning",
        code: "adr-supersede-one-way",
      }),
    ]);

    const missing = await runCli(["adr", "new", "Other", "--root", root, "--supersedes", "adr_2020-01-01_nope.md"]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.stderr).toContain("--supersedes adr_2020-01-01_nope.md: no such ADR");
    const byPath = await runCli(
      [
        "adr",
        "new",
        "Use Spanner",
        "--root",
        root,
        "--supersedes",
        `${adrs}/adr_2025-11-03_use-cockroachdb.md`,
        "--date",
        "2025-12-01",
      ],
      { cwd: root },
    );
    expect(byPath.code).toBe(0);
    expect(readFileSync(join(root, adrs, "adr_2025-11-03_use-cockroachdb.md"), "utf8")).toContain(
      "**Status:** superseded by [adr_2025-12-01_use-spanner](adr_2025-12-01_use-spanner.md)",
    );
  });

  it("adr index writes the decision log, keeps a person's text, and validate reports it once it is out of date", async () => {
    const root = tempRepo(fixture);
    expect((await runCli(["adr", "index", "--root", root])).stdout).toBe(
      `created ${root}/${adrs}/README.md (2 ADRs)\n`,
    );
    const log = join(root, adrs, "README.md");
    writeFileSync(log, `Intro a person wrote.\n\n${readFileSync(log, "utf8")}\nOutro a person wrote.\n`);
    expect((await runCli(["adr", "index", "--root", root, "--check"])).code).toBe(0);
    await runCli(["adr", "new", "Use Redis for sessions", "--root", root]);
    expect((await runCli(["adr", "index", "--root", root, "--check"])).code).toBe(1);
    const stale = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout).diagnostics;
    expect(stale).toEqual([
      expect.objectContaining({ file: `${adrs}/README.md`, code: "decision-log-stale", severity: "warning" }),
    ]);
    expect((await runCli(["adr", "index", "--root", root])).code).toBe(0);
    const text = readFileSync(log, "utf8");
    expect(text.startsWith("Intro a person wrote.\n\n# Decision log")).toBe(true);
    expect(text.endsWith("<!-- cto-copilot:decision-log:end -->\n\nOutro a person wrote.\n")).toBe(true);
    expect(text).toContain(
      "| 2025-11-03 | [Use Redis for sessions](adr_2025-11-03_use-redis-for-sessions.md) | proposed | — | 2026-05-03 |",
    );
    expect(JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout).diagnostics).toEqual([]);
  });

  it("the scorecard's write brings a stale decision log up to date with it, and leaves a current one alone", async () => {
    const root = tempRepo(fixture);
    const git = initGitRepository(root);
    git("add", ".");
    git("commit", "-q", "-m", "init");
    // A README of templates (as `init` writes it) is not a decision log: the scorecard leaves it alone.
    const log = join(root, adrs, "README.md");
    writeFileSync(log, "# ADRs\n\nCopy the template below.\n");
    await runCli(["scorecard", "--write", "--root", root, "--now", "2025-11-03T00:00:00Z"]);
    expect(readFileSync(log, "utf8")).toBe("# ADRs\n\nCopy the template below.\n");
    await runCli(["adr", "index", "--root", root]);
    writeFileSync(log, `${readFileSync(log, "utf8")}\nA person's note.\n`);
    const current = await runCli(["scorecard", "--write", "--root", root, "--now", "2025-11-03T00:00:00Z"]);
    expect(current.stdout + current.stderr).not.toContain("README.md");
    const adr = join(root, adrs, "adr_2025-06-01_use-postgresql.md");
    writeFileSync(adr, readFileSync(adr, "utf8").replace("**Status:** accepted", "**Status:** deprecated"));
    const stale = await runCli(["scorecard", "--write", "--root", root, "--now", "2025-11-03T00:00:00Z"]);
    expect(stale.stdout + stale.stderr).toContain(`${adrs}/README.md`);
    const text = readFileSync(log, "utf8");
    expect(text).toContain(
      "| 2025-06-01 | [Use PostgreSQL on RDS as the primary database](adr_2025-06-01_use-postgresql.md) | deprecated |",
    );
    expect(text.endsWith("\nA person's note.\n")).toBe(true);
  });
});
