import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";

/**
 * A workspace monorepo: a core package released by plain tags (v1.x), a scaffolding tool with its
 * own tags (create-app@1.x), docs released by nobody.
 */
function monorepo(): string {
  const root = tempRepo();
  const git = (args: string[], at?: string) =>
    execFileSync("git", args, {
      cwd: root,
      stdio: "pipe",
      env: { ...process.env, ...(at ? { GIT_AUTHOR_DATE: at, GIT_COMMITTER_DATE: at } : {}) },
    });
  git(["init", "-q", "-b", "main"]);
  git(["config", "user.name", "Dev"]);
  git(["config", "user.email", "dev@example.com"]);
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  const commit = (subject: string, at: string, files: Record<string, string>, tags: string[] = []) => {
    for (const [path, text] of Object.entries(files)) write(path, text);
    git(["add", "-A"]);
    git(["commit", "-q", "-m", subject], at);
    for (const tag of tags) git(["tag", "-a", tag, "-m", tag], at);
  };
  commit(
    "init",
    "2025-09-01T10:00:00Z",
    {
      "package.json": JSON.stringify({ name: "monorepo", private: true, workspaces: ["packages/*"] }),
      "packages/core/package.json": JSON.stringify({ name: "core", version: "1.0.0" }),
      "packages/create/package.json": JSON.stringify({ name: "create-app", version: "1.0.0" }),
      "docs/index.md": "# Docs\n",
    },
    ["v1.0.0", "create-app@1.0.0"],
  );
  commit("feat(core): a", "2025-10-01T10:00:00Z", { "packages/core/a.js": "a" });
  commit("docs: guide", "2025-10-02T10:00:00Z", { "docs/guide.md": "guide" });
  commit("feat(create): template", "2025-10-03T10:00:00Z", { "packages/create/t.js": "t" });
  commit(
    "chore(release): publish",
    "2025-10-05T10:00:00Z",
    {
      "packages/core/package.json": JSON.stringify({ name: "core", version: "1.1.0" }),
      "packages/create/package.json": JSON.stringify({ name: "create-app", version: "1.1.0" }),
    },
    ["v1.1.0", "create-app@1.1.0"],
  );
  commit("docs: more", "2025-10-10T10:00:00Z", { "docs/more.md": "more" });
  commit('Revert "feat(core): a"', "2025-10-12T10:00:00Z", { "packages/core/a.js": "" }, ["v1.1.1"]);
  return root;
}

const window = ["--now", "2025-11-01T00:00:00Z", "--window-days", "45"];

describe("per-service DORA figures in a workspace monorepo", () => {
  it("init --discover proposes a service per package with its own tags, and writes them into a new config", async () => {
    const root = monorepo();
    const init = await runCli(["init", "--discover", "--root", root]);
    expect(init.code).toBe(0);
    expect(init.stdout).toContain("Services of this monorepo (dora.services)");
    expect(init.stdout).toMatch(/core\s+packages\/core\/\*\*\s+the release-shaped tags/);
    expect(init.stdout).toMatch(/create-app\s+packages\/create\/\*\*\s+tags create-app@\*/);
    expect(init.stdout).toMatch(/created \S*\.github\/cto-copilot\.yml \(dora\.services\)/);
    const config = readFileSync(join(root, ".github/cto-copilot.yml"), "utf8");
    expect(config).toContain("name: create-app");
    expect(config).toContain("tagPattern: create-app@*");
    // A config a person wrote is kept: the block to add is printed.
    writeFileSync(join(root, ".github/cto-copilot.yml"), "dora:\n  windowDays: 30\n");
    const again = await runCli(["init", "--discover", "--root", root]);
    expect(again.stdout).toMatch(/Add to \S*\.github\/cto-copilot\.yml \(kept as you wrote it\):/);
    expect(readFileSync(join(root, ".github/cto-copilot.yml"), "utf8")).toBe("dora:\n  windowDays: 30\n");
  });

  it("the scorecard keeps the repository's figures and adds each service's; --service gives one service's", async () => {
    const root = monorepo();
    await runCli(["init", "--discover", "--root", root]);
    const json = JSON.parse((await runCli(["scorecard", "--root", root, ...window, "--format", "json"])).stdout);
    // The repository: v1.1.0 ships 4 changes (a docs commit, the release commit left out), v1.1.1 two.
    expect(json.dora.leadTimeForChanges.samples).toBe(5);
    expect(json.dora.services.map((service: { name: string }) => service.name)).toEqual(["core", "create-app"]);
    const [core, create] = json.dora.services;
    expect(core.leadTimeForChanges.samples).toBe(2); // feat(core): a, and its revert
    expect(core.changeFailureRate).toMatchObject({ failed: 1, total: 2 });
    expect(create.deploymentFrequency.deployments).toBe(1);
    expect(create.leadTimeForChanges.samples).toBe(1);
    expect(create.changeFailureRate).toMatchObject({ failed: 0, total: 1 });

    const text = (await runCli(["scorecard", "--root", root, ...window])).stdout;
    expect(text).toContain("Per service (dora.services");
    expect(text).toMatch(/create-app\s+0\.16\/week \(low\)/);

    const one = await runCli(["scorecard", "--root", root, ...window, "--service", "create-app", "--format", "json"]);
    const service = JSON.parse(one.stdout);
    expect(service.dora.leadTimeForChanges).toEqual(create.leadTimeForChanges);
    expect(service.dora.services).toBeUndefined();
    const unknown = await runCli(["scorecard", "--root", root, ...window, "--service", "nope"]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("--service nope: not in dora.services (core, create-app)");
  });
});
