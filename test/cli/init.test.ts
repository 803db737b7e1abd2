import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { resolveConfig } from "../../src/config/resolve-config.js";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";

/** A clone of a library with one commit and these annotated tags on it; its root and a `git` runner. */
function taggedClone(tags: readonly string[]) {
  const root = tempRepo();
  const git = initGitRepository(root);
  writeFileSync(join(root, "README.md"), "a library\n");
  git("add", "-A");
  git("commit", "-q", "-m", "first");
  for (const tag of tags) git("tag", "-a", tag, "-m", tag);
  return { root, git };
}

describe("cto-copilot init", () => {
  it("creates the whole tree, printing each file, and the result validates clean", async () => {
    const root = tempRepo();
    const result = await runCli(["init", "--root", root], { cwd: root });
    expect(result.code).toBe(0);
    for (const file of [
      "tech_stack.json",
      "engineering_scorecard.json",
      "tech_debt.json",
      "infra_costs.json",
      "team.json",
      "adrs/README.md",
      "incidents/README.md",
      "scorecards/.gitkeep",
    ]) {
      expect(result.stdout).toContain(`created data/engineering/${file}\n`);
      expect(existsSync(join(root, "data/engineering", file))).toBe(true);
    }
    expect(JSON.parse(readFileSync(join(root, "data/engineering/tech_debt.json"), "utf8")).lastUpdated).toBe(
      "2025-11-03",
    );
    expect(await runCli(["validate", "--root", root])).toMatchObject({
      code: 0,
      // The five JSON files and the config file init wrote.
      stdout: "no errors, 0 warnings in 6 files checked.\n",
    });
  });

  it("names each JSON file's schema ($schema), a URL of a schema this repository publishes", async () => {
    const root = tempRepo();
    await runCli(["init", "--root", root], { cwd: root });
    for (const file of ["tech_stack", "engineering_scorecard", "tech_debt", "infra_costs", "team"]) {
      const written = JSON.parse(readFileSync(join(root, `data/engineering/${file}.json`), "utf8")) as {
        $schema: string;
      };
      expect(written.$schema).toBe(
        `https://raw.githubusercontent.com/cto-copilot/cto-copilot/main/schemas/${file}.schema.json`,
      );
      const published = JSON.parse(readFileSync(new URL(`../../schemas/${file}.schema.json`, import.meta.url), "utf8"));
      expect(published.$id).toBe(written.$schema);
    }
  });

  it("writes .github/cto-copilot.yml measuring DORA as the CLI does here: release tags, with the editor's schema line", async () => {
    const { root } = taggedClone(["v1.0.0", "v1.1.0", "nightly-2025-11-01"]);
    const result = await runCli(["init"], { cwd: root });
    expect(result.stdout).toContain("created .github/cto-copilot.yml (DORA from release tags");
    const text = readFileSync(join(root, ".github/cto-copilot.yml"), "utf8");
    expect(text.split("\n")[0]).toBe(
      "# yaml-language-server: $schema=https://raw.githubusercontent.com/cto-copilot/cto-copilot/main/schemas/config.schema.json",
    );
    expect(text).toContain("2 tags of this clone are release-shaped (v1.2.3 or 1.2.3), the newest v1.1.0.");
    const resolved = resolveConfig({ repository: text });
    expect(resolved.repositoryFindings).toEqual([]);
    expect(resolved.config.dora).toMatchObject({ source: "tags", windowDays: 90 });
    expect(resolved.config.dora.tagPattern).toBeUndefined();
    // Run again: the file is the team's now, and kept.
    writeFileSync(join(root, ".github/cto-copilot.yml"), text + "adr:\n  require: true\n");
    expect((await runCli(["init"], { cwd: root })).stdout).toContain("exists  .github/cto-copilot.yml (kept)");
    expect(readFileSync(join(root, ".github/cto-copilot.yml"), "utf8")).toContain("require: true");
  });

  it("counts a release tag that shares its name with a branch (git would call it tags/v1.1.0)", async () => {
    const { root, git } = taggedClone(["v1.0.0", "v1.1.0"]);
    git("branch", "v1.1.0"); // a maintenance branch named after its release
    await runCli(["init"], { cwd: root });
    expect(readFileSync(join(root, ".github/cto-copilot.yml"), "utf8")).toContain(
      "2 tags of this clone are release-shaped (v1.2.3 or 1.2.3), the newest v1.1.0.",
    );
  });

  it("in a clone without release tags, the config says how to get figures", async () => {
    const root = tempRepo();
    initGitRepository(root);
    await runCli(["init"], { cwd: root });
    const text = readFileSync(join(root, ".github/cto-copilot.yml"), "utf8");
    expect(text).toContain(
      "No tag of this clone is release-shaped (v1.2.3 or 1.2.3) yet: tag releases (git tag -a v1.0.0)",
    );
    expect(resolveConfig({ repository: text }).config.dora.source).toBe("tags");
  });

  it("never overwrites a file that exists, and says so", async () => {
    const root = tempRepo();
    await runCli(["init", "--root", root], { cwd: root });
    const debt = join(root, "data/engineering/tech_debt.json");
    writeFileSync(debt, "my own content");
    const again = await runCli(["init", "--root", root], { cwd: root });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain("exists  data/engineering/tech_debt.json (kept)");
    expect(again.stdout).toContain("Nothing to create");
    expect(readFileSync(debt, "utf8")).toBe("my own content");
  });

  it("follows the config's dataDir", async () => {
    const root = tempRepo();
    await runCli(["init", "--root", root], { cwd: root });
    const custom = tempRepo();
    const { mkdirSync } = await import("node:fs");
    mkdirSync(join(custom, ".github"));
    writeFileSync(join(custom, ".github/cto-copilot.yml"), "dataDir: governance\n");
    const result = await runCli(["init", "--root", custom], { cwd: custom });
    expect(result.stdout).toContain("created governance/team.json");
    expect((await runCli(["validate", "--root", custom])).code).toBe(0);
  });

  it("follows adr.directory: the ADR template lands there, and validate checks the ADRs there", async () => {
    const root = tempRepo();
    mkdirSync(join(root, ".github"));
    writeFileSync(join(root, ".github/cto-copilot.yml"), "adr:\n  directory: docs/adr\n");
    const result = await runCli(["init", "--root", root], { cwd: root });
    expect(result.stdout).toContain("created docs/adr/README.md");
    expect(existsSync(join(root, "data/engineering/adrs"))).toBe(false);
    writeFileSync(join(root, "docs/adr/adr_2025-11-01_use-queues.md"), "## ADR: Use queues\n**Status:** maybe\n");
    const validation = await runCli(["validate", "--root", root, "--format", "json"]);
    expect(validation.code).toBe(1);
    const files = JSON.parse(validation.stdout).diagnostics.map((diagnostic: { file: string }) => diagnostic.file);
    expect(new Set(files)).toEqual(new Set(["docs/adr/adr_2025-11-01_use-queues.md"]));
  });
});
