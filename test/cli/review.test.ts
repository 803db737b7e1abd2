import { describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";
import { templateText } from "../support/data-files.js";

/** A repository with valid data files and some infrastructure, committed: the base of every review here. */
function gitRepo(config?: string): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  mkdirSync(join(root, "data/engineering/adrs"), { recursive: true });
  mkdirSync(join(root, "infra"));
  writeFileSync(join(root, "data/engineering/tech_debt.json"), templateText("tech_debt.json"));
  writeFileSync(join(root, "infra/main.tf"), "# empty\n");
  if (config) {
    mkdirSync(join(root, ".github"));
    writeFileSync(join(root, ".github/cto-copilot.yml"), config);
  }
  git("add", ".");
  git("commit", "-q", "-m", "init");
  return root;
}

const addDatabase = (root: string) =>
  writeFileSync(join(root, "infra/main.tf"), 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n');
const breakDebtFile = (root: string) =>
  writeFileSync(
    join(root, "data/engineering/tech_debt.json"),
    templateText("tech_debt.json").replace('"priority": "critical"', '"priority": "urgent"'),
  );

describe("cto-copilot review", () => {
  it("prints one JSON object with a key per check: data as validate reports it, adr as adr check prints it", async () => {
    const root = gitRepo();
    addDatabase(root);
    breakDebtFile(root);
    const review = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"]);
    const adrCheck = await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"]);
    const parsed = JSON.parse(review.stdout) as { data: { diagnostics: { file: string; severity: string }[] } };
    expect(Object.keys(parsed)).toEqual(["data", "adr", "cost", "fit"]);
    expect(parsed).toMatchObject({ adr: JSON.parse(adrCheck.stdout) });
    expect(parsed.data.diagnostics).toContainEqual(
      expect.objectContaining({ file: "data/engineering/tech_debt.json", severity: "error" }),
    );
    // Data errors fail the review, as they fail the pull request's check.
    expect(review.code).toBe(1);
    expect(review.stderr).toContain("review fails: the data files have errors");
  });

  it("passes (exit 0) when only an ADR is suggested, fails with --strict, and says what to do in text", async () => {
    const root = gitRepo();
    addDatabase(root);
    const text = await runCli(["review", "--base", "HEAD", "--root", root]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Data files\nNo data file changed against HEAD.");
    expect(text.stdout).toContain("infra/main.tf");
    expect(text.stdout).toContain('Consider recording the decision: cto-copilot adr new "<decision title>"');
    expect((await runCli(["review", "--base", "HEAD", "--root", root, "--strict"])).code).toBe(1);
  });

  it("fails when the config requires an ADR and none is part of the change, and passes once one is", async () => {
    const root = gitRepo("adr:\n  require: true\n");
    addDatabase(root);
    const missing = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("an ADR is required for this infrastructure change (adr.require)");
    writeFileSync(
      join(root, "data/engineering/adrs/adr_2025-11-03_use-postgresql.md"),
      templateText("adrs/adr_2025-06-01_use-postgresql.md"),
    );
    const added = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
  });

  it("needs --base, and answers a usage error in the format asked for", async () => {
    const root = gitRepo();
    const result = await runCli(["review", "--root", root, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("review needs --base REF");
    expect(JSON.parse(result.stdout)).toHaveProperty("error");
  });
});
