import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { run } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(
  argv: string[],
  options: { cwd?: string; isTTY?: boolean; env?: NodeJS.ProcessEnv; now?: Date } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: options.cwd ?? process.cwd(),
    env: options.env ?? {},
    isTTY: options.isTTY ?? false,
    now: () => options.now ?? new Date("2025-11-03T09:30:00Z"),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

/** A fresh temporary directory, optionally holding a copy of a fixture repository. */
export function tempRepo(copyFrom?: string): string {
  const dir = mkdtempSync(join(tmpdir(), "cto-copilot-"));
  if (copyFrom) cpSync(copyFrom, dir, { recursive: true });
  return dir;
}

/** A new git repository on `main` under `root`, committing as Ada Park; returns a `git` runner for it. */
export function initGitRepository(root: string): (...args: string[]) => Buffer {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
  git("init", "-q", "-b", "main");
  git("config", "user.name", "Ada Park");
  git("config", "user.email", "ada@example.com");
  return git;
}
