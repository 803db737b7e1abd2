import { describe, expect, it } from "@jest/globals";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";
import { templateRoot, templateText } from "../support/data-files.js";

describe("cto-copilot debt summary", () => {
  it("says when the summary does not match the items, and --fix rewrites only its values", async () => {
    const root = tempRepo(templateRoot);
    const file = join(root, "data/engineering/tech_debt.json");
    const wrong = templateText("tech_debt.json")
      .replace('"critical": 1', '"critical": 3')
      .replace('"totalEstimatedDays": 4', '"totalEstimatedDays": 9');
    writeFileSync(file, wrong);
    const check = await runCli(["debt", "summary"], { cwd: root });
    expect(check).toMatchObject({
      code: 1,
      stdout:
        "data/engineering/tech_debt.json: the summary does not match the items (critical 3 -> 1, totalEstimatedDays 9 -> 4); --fix rewrites it.\n",
    });
    const fixed = await runCli(["debt", "summary", "--fix"], { cwd: root });
    expect(fixed).toMatchObject({
      code: 0,
      stdout: "fixed data/engineering/tech_debt.json: critical 3 -> 1, totalEstimatedDays 9 -> 4\n",
    });
    expect(readFileSync(file, "utf8")).toBe(templateText("tech_debt.json"));
    expect((await runCli(["validate"], { cwd: root })).code).toBe(0);
    expect((await runCli(["debt", "summary"], { cwd: root })).stdout).toBe(
      "data/engineering/tech_debt.json: the summary already matches the items.\n",
    );
  });

  it("refuses to fix a file with other errors", async () => {
    const root = tempRepo(templateRoot);
    writeFileSync(
      join(root, "data/engineering/tech_debt.json"),
      templateText("tech_debt.json").replace('"priority": "medium"', '"priority": "urgent"'),
    );
    expect(await runCli(["debt", "summary", "--fix"], { cwd: root })).toMatchObject({
      code: 2,
      stderr:
        "cto-copilot: error: data/engineering/tech_debt.json has errors besides the summary: run `cto-copilot validate` and fix them first\n",
    });
  });

  it("debt sync says what it needs", async () => {
    expect((await runCli(["debt", "sync"])).stderr).toBe(
      "cto-copilot: error: debt sync needs --repo OWNER/NAME, e.g. --repo acme/api\n",
    );
    expect((await runCli(["debt", "sync", "--repo", "acme/api"])).stderr).toContain(
      "debt sync needs a token in GITHUB_TOKEN",
    );
  });
});
