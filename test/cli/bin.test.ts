import { describe, expect, it } from "@jest/globals";
import { execFile, spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { tempRepo } from "../support/cli.js";
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

  it("a report of megabytes reaches a pipe whole, even when its reader is slow to start", async () => {
    const root = tempRepo(templateRoot);
    const debtFile = join(root, "data/engineering/tech_debt.json");
    const debt = JSON.parse(readFileSync(debtFile, "utf8")) as { items: unknown[] };
    // 3,000 items without their required fields: a JSON report of several MB, far past a pipe's buffer.
    debt.items = Array.from({ length: 3000 }, (_, index) => ({ id: `TD-${index + 1}`, title: "x" }));
    writeFileSync(debtFile, JSON.stringify(debt, null, 2));
    const child = spawn("node", [bin, "validate", "--root", root, "--format", "json"], {
      stdio: ["ignore", "pipe", "ignore"],
    });
    child.stdout.pause();
    await sleep(500); // the command has written what the pipe holds and waits for the rest
    const chunks: Buffer[] = [];
    child.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    child.stdout.resume();
    const [code] = await once(child, "close");
    const report = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { summary: { errors: number } };
    expect(code).toBe(1);
    expect(report.summary.errors).toBeGreaterThanOrEqual(3000);
  });
});
