import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";
import { templateRoot } from "../support/data-files.js";

describe("files are read as files: links are never followed, FIFOs and devices never read", () => {
  it("a config that is a symlink (to a file of secrets) is refused, and nothing of its target is printed", async () => {
    const root = tempRepo(templateRoot);
    const secrets = join(tempRepo(), "environ");
    writeFileSync(secrets, "GITHUB_TOKEN=ghs_secret_value\n");
    mkdirSync(join(root, ".github"));
    symlinkSync(secrets, join(root, ".github/cto-copilot.yml"));
    for (const format of ["text", "json", "sarif"]) {
      const result = await runCli(["validate", "--root", root, "--format", format]);
      expect(result.code).toBe(2);
      expect(result.stdout + result.stderr).not.toContain("ghs_secret_value");
      expect(result.stderr).toContain(".github/cto-copilot.yml is a symbolic link");
    }
  });

  it("a data file that is a symlink is a finding, not silently skipped", async () => {
    const root = tempRepo(templateRoot);
    const secrets = join(tempRepo(), "team.json");
    writeFileSync(secrets, '{"token": "ghs_secret_value"}');
    execFileSync("rm", [join(root, "data/engineering/team.json")]);
    symlinkSync(secrets, join(root, "data/engineering/team.json"));
    const result = await runCli(["validate", "--root", root]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      "data/engineering/team.json:1:1 - error symlink: this data file is a symbolic link",
    );
    expect(result.stdout).not.toContain("ghs_secret_value");
  });

  it("adr check ends on an untracked link to a FIFO or to /dev/zero", async () => {
    const root = tempRepo();
    const git = (args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
    git(["init", "-q", "-b", "main"]);
    git(["config", "user.name", "Dev"]);
    git(["config", "user.email", "dev@example.com"]);
    writeFileSync(join(root, "README.md"), "x");
    git(["add", "."]);
    git(["commit", "-q", "-m", "init"]);
    execFileSync("mkfifo", [join(root, "pipe")]);
    symlinkSync(join(root, "pipe"), join(root, "Dockerfile"));
    symlinkSync("/dev/zero", join(root, "docker-compose.yml"));
    const result = await runCli(["adr", "check", "--base", "main", "--root", root, "--format", "json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).triggered).toBeDefined();
  }, 20_000);
});
