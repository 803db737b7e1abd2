import { describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";

const now = new Date("2025-11-03T09:30:00Z");

function write(root: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/**
 * A Python service with one Terraform change in its last commit, where someone ran
 * `npm install --save-dev cto-copilot` to try the CLI: an untracked package.json and a
 * node_modules full of Terraform and JavaScript that the .gitignore (Python's) never mentions,
 * plus an untracked virtual environment and a build folder.
 */
function pythonRepositoryWithInstalledTools(): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  write(root, {
    ".gitignore": "*.pyc\n",
    "requirements.txt": "Django==5.1.3\n",
    "shop/settings.py": "DEBUG = False\n",
    "infra/main.tf": 'resource "aws_s3_bucket" "media" {}\n',
  });
  git("add", "-A");
  git("commit", "-q", "-m", "first");
  write(root, { "infra/main.tf": 'resource "aws_s3_bucket" "media" {}\nresource "aws_sqs_queue" "jobs" {}\n' });
  git("commit", "-q", "-a", "-m", "a queue");
  const installed: Record<string, string> = { "package.json": '{ "devDependencies": { "cto-copilot": "*" } }\n' };
  for (let i = 0; i < 40; i++) {
    installed[`node_modules/some-module/infra/m${i}.tf`] = 'resource "aws_eks_cluster" "c" {}\n';
    installed[`node_modules/some-module/lib/f${i}.js`] = "module.exports = 1;\n";
    installed[`.venv/lib/site-packages/pkg/m${i}.py`] = "x = 1\n";
    installed[`build/lib/shop/m${i}.py`] = "x = 1\n";
  }
  installed["node_modules/some-module/Dockerfile"] = "FROM node:20\n";
  installed["node_modules/some-module/data/engineering/tech_debt.json"] = "{ not json";
  write(root, installed);
  return root;
}

describe("untracked node_modules, virtual environments and build output are never read", () => {
  it("adr check counts the one real infrastructure change, not the installed modules'", async () => {
    const root = pythonRepositoryWithInstalledTools();
    const result = await runCli(["adr", "check", "--base", "HEAD~1", "--format", "json"], { cwd: root, now });
    expect(result.stderr).toBe("");
    const paths = JSON.stringify(JSON.parse(result.stdout));
    expect(paths).toContain("infra/main.tf");
    expect(paths).not.toContain("node_modules");
    expect(paths).not.toContain("Dockerfile");
  });

  it("discover lists the repository's files only, and finds no Node.js, EKS or Docker in them", async () => {
    const root = pythonRepositoryWithInstalledTools();
    const result = await runCli(["discover"], { cwd: root, now });
    expect(result.code).toBe(0);
    // .gitignore, requirements.txt, settings.py, main.tf and the untracked package.json.
    expect(result.stdout).toContain("5 files listed");
    expect(result.stdout).toMatch(/Backend language\s+Python/);
    expect(result.stdout).not.toMatch(/node_modules|EKS|Docker|JavaScript|TypeScript/);
  });

  it("validate does not read a data file inside node_modules", async () => {
    const root = pythonRepositoryWithInstalledTools();
    await runCli(["init"], { cwd: root, now });
    const result = await runCli(["validate"], { cwd: root, now });
    expect(result.stdout + result.stderr).not.toContain("node_modules");
    expect(result.code).toBe(0);
  });
});
