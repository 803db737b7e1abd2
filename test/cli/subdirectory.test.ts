import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";
import { templateRoot } from "../support/data-files.js";

/** A repository as people have them: data files, an incident, release tags, an infra/ folder, and a branch named like it. */
function repository(): string {
  const root = tempRepo(templateRoot);
  const git = (args: string[], at = "2025-10-01T10:00:00Z") =>
    execFileSync("git", args, {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at },
    });
  git(["init", "-q", "-b", "main"]);
  git(["config", "user.name", "Dev"]);
  git(["config", "user.email", "dev@example.com"]);
  mkdirSync(join(root, "infra"));
  writeFileSync(join(root, "infra/main.tf"), 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n');
  git(["add", "."]);
  git(["commit", "-q", "-m", "init"], "2025-09-01T10:00:00Z");
  git(["tag", "-a", "v1.0.0", "-m", "v1.0.0"], "2025-09-01T10:00:00Z");
  for (const [subject, at, tag] of [
    ["feat: orders", "2025-10-01T10:00:00Z", "v1.1.0"],
    ["feat: search", "2025-10-10T10:00:00Z", "v1.2.0"],
    ['Revert "feat: search"', "2025-10-12T10:00:00Z", "v1.2.1"],
    ["feat: exports", "2025-10-20T10:00:00Z", "v1.3.0"],
    ["feat: billing", "2025-10-25T10:00:00Z", "v1.4.0"],
  ] as const) {
    git(["commit", "-q", "--allow-empty", "-m", subject], at);
    git(["tag", "-a", tag, "-m", tag], at);
  }
  git(["branch", "infra"]); // a branch named like the folder
  writeFileSync(
    join(root, "infra/main.tf"),
    'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\nresource "aws_db_instance" "replica" {\n  engine = "postgres"\n}\n',
  );
  return root;
}

const now = ["--now", "2025-11-01T00:00:00Z", "--window-days", "60"];

describe("the CLI from a subdirectory finds its repository and gives the same answers", () => {
  it("scorecard: the same figures, debt and incidents as from the root", async () => {
    const root = repository();
    const fromRoot = await runCli(["scorecard", ...now, "--format", "json"], { cwd: root });
    const fromInfra = await runCli(["scorecard", ...now, "--format", "json"], { cwd: join(root, "infra") });
    expect(fromInfra.code).toBe(0);
    expect(JSON.parse(fromInfra.stdout)).toEqual(JSON.parse(fromRoot.stdout));
    const scorecard = JSON.parse(fromInfra.stdout);
    expect(scorecard.techDebt).toMatchObject({ totalItems: 2, criticalItems: 1 });
    expect(scorecard.dora.timeToRestore.samples).toBe(1); // the post-mortem in data/engineering/incidents
    expect(scorecard.dora.deploymentFrequency.deployments).toBe(5);
  });

  it("scorecard --write writes under the repository and prints the paths it wrote, from where the user is", async () => {
    const root = repository();
    const result = await runCli(["scorecard", ...now, "--write"], { cwd: join(root, "infra") });
    expect(result.stderr).toContain("wrote ../data/engineering/engineering_scorecard.json\n");
    expect(result.stderr).toContain("wrote ../data/engineering/scorecards/scorecard_2025-11-01.json\n");
    expect(existsSync(join(root, "data/engineering/scorecards/scorecard_2025-11-01.json"))).toBe(true);
    expect(existsSync(join(root, "infra/data"))).toBe(false);
  });

  it("validate finds the data directory, and names files from where the user is", async () => {
    const root = repository();
    writeFileSync(join(root, "data/engineering/team.json"), "{");
    const result = await runCli(["validate"], { cwd: join(root, "infra") });
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("../data/engineering/team.json:1:2 - error json-syntax");
    const json = JSON.parse((await runCli(["validate", "--format", "json"], { cwd: join(root, "infra") })).stdout);
    expect(json.diagnostics[0].file).toBe("data/engineering/team.json");
  });

  it("adr check keeps the related ADRs, with a branch named like the folder", async () => {
    const root = repository();
    const fromRoot = await runCli(["adr", "check", "--base", "infra", "--format", "json"], { cwd: root });
    const fromInfra = await runCli(["adr", "check", "--base", "infra", "--format", "json"], {
      cwd: join(root, "infra"),
    });
    expect(fromInfra.code).toBe(0);
    expect(JSON.parse(fromInfra.stdout)).toEqual(JSON.parse(fromRoot.stdout));
    expect(JSON.parse(fromInfra.stdout)).toMatchObject({
      triggered: true,
      adrs: ["data/engineering/adrs/adr_2025-06-01_use-postgresql.md"],
    });
  });
});
