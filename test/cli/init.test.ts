import { describe, expect, it } from "@jest/globals";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";

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
      stdout: "no errors, 0 warnings in 5 files checked.\n",
    });
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
