import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { promisify } from "node:util";
import { templateRoot } from "../support/data-files.js";

const exec = promisify(execFile);
const projectRoot = new URL("../../", import.meta.url).pathname;
const bin = new URL("../../bin/cto-copilot.js", import.meta.url).pathname;

/** Runs the installed command as a user would, returning its exit code and output. */
async function spawnCli(command: string, args: string[]) {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd: projectRoot, env: { ...process.env, NO_COLOR: "" } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe("the cto-copilot command (built, as installed)", () => {
  it("is built by npm ci (prepare)", () => {
    expect(existsSync(new URL("../../lib/cli/main.js", import.meta.url))).toBe(true);
  });

  it("`npx cto-copilot --help` works from the repository root", async () => {
    const result = await spawnCli("npx", ["--no-install", "cto-copilot", "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Usage: cto-copilot [options] [command]");
    expect(result.stdout).toMatch(/validate .*\n/);
    expect(result.stdout).toMatch(/init .*\n/);
  });

  it("sets the process exit code (0 clean, 2 usage error) and prints one JSON document", async () => {
    expect((await spawnCli("node", [bin, "validate", "--root", templateRoot])).code).toBe(0);
    const json = await spawnCli("node", [bin, "validate", "--root", templateRoot, "--format", "json"]);
    expect(JSON.parse(json.stdout)).toEqual({ diagnostics: [], summary: { files: 9, errors: 0, warnings: 0 } });
    const usage = await spawnCli("node", [bin, "validate", "--format", "yaml"]);
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe("");
  });
});
