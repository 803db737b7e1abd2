import { describe, expect, it } from "@jest/globals";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runCli, tempRepo } from "../support/cli.js";
import { templateRoot } from "../support/data-files.js";

const version = (
  JSON.parse(
    await import("node:fs").then((fs) => fs.readFileSync(new URL("../../package.json", import.meta.url), "utf8")),
  ) as { version: string }
).version;

describe("plain errors: one sentence, exit 2, the same rules everywhere", () => {
  it("--version and -v print the version", async () => {
    expect(await runCli(["--version"])).toMatchObject({ code: 0, stdout: `${version}\n` });
    expect(await runCli(["-v"])).toMatchObject({ code: 0, stdout: `${version}\n` });
  });

  it("an unknown option is reported for every command, with a suggestion, before a missing one", async () => {
    const misspelt = await runCli(["adr", "check", "--bsae", "main"]);
    expect(misspelt.code).toBe(2);
    expect(misspelt.stderr).toContain("unknown option '--bsae'");
    expect(misspelt.stderr).toContain("(Did you mean --base?)");
    const missing = await runCli(["adr", "check"]);
    expect(missing).toMatchObject({
      code: 2,
      stderr:
        "cto-copilot: error: adr check needs --base REF: the commit to compare the working tree with, e.g. --base origin/main\n",
    });
    expect((await runCli(["scorecard", "--fromat", "json"])).stderr).toContain("(Did you mean --format?)");
  });

  it("dates are checked against the calendar, not rolled over", async () => {
    const root = tempRepo(templateRoot);
    const adr = await runCli(["adr", "new", "Use queues", "--date", "2026-02-30", "--root", root]);
    expect(adr).toMatchObject({
      code: 2,
      stderr: "cto-copilot: error: --date 2026-02-30 is not a calendar date: give YYYY-MM-DD, e.g. 2026-02-28\n",
    });
    const scorecard = await runCli(["scorecard", "--root", root, "--now", "2025-02-30T00:00:00Z"]);
    expect(scorecard).toMatchObject({
      code: 2,
      stderr:
        "cto-copilot: error: --now 2025-02-30T00:00:00Z is not a time: give ISO 8601 with a zone, e.g. 2025-11-03T00:00:00Z\n",
    });
  });

  it("one --root rule: a missing root is an error everywhere but init, which creates it; a file is never a root", async () => {
    const parent = tempRepo();
    const missing = join(parent, "nowhere");
    for (const command of [["validate"], ["scorecard"], ["adr", "new", "X"], ["adr", "check", "--base", "main"]]) {
      const result = await runCli([...command, "--root", missing]);
      expect({ command, result }).toMatchObject({
        command,
        result: { code: 2, stderr: `cto-copilot: error: --root ${missing}: no such directory\n` },
      });
    }
    expect((await runCli(["init", "--root", missing], { cwd: parent })).code).toBe(0);
    const file = join(parent, "notes.txt");
    writeFileSync(file, "x");
    expect(await runCli(["init", "--root", file])).toMatchObject({
      code: 2,
      stderr: `cto-copilot: error: --root ${file} is a file; give the directory of the repository\n`,
    });
  });

  it("with --format json or sarif, a failure still prints one valid document", async () => {
    const missing = join(tempRepo(), "nowhere");
    const json = await runCli(["validate", "--root", missing, "--format", "json"]);
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: { message: `--root ${missing}: no such directory` } });
    const sarif = JSON.parse((await runCli(["validate", "--root", missing, "--format", "sarif"])).stdout);
    expect(sarif.runs[0].invocations).toEqual([
      {
        executionSuccessful: false,
        toolExecutionNotifications: [{ level: "error", message: { text: `--root ${missing}: no such directory` } }],
      },
    ]);
    expect(sarif.runs[0].results).toEqual([]);
    const usage = await runCli(["validate", "--format", "json", "--bogus"]);
    expect(JSON.parse(usage.stdout).error.message).toContain("unknown option '--bogus'");
  });

  it("deciders get an @ only when the person typing them writes one", async () => {
    const root = tempRepo(templateRoot);
    await runCli(["adr", "new", "Use queues", "--deciders", "alice, @bob", "--date", "2026-02-28", "--root", root], {
      cwd: root,
    });
    const { readFileSync } = await import("node:fs");
    expect(readFileSync(join(root, "data/engineering/adrs/adr_2026-02-28_use-queues.md"), "utf8")).toContain(
      "**Deciders:** alice, @bob",
    );
  });
});
