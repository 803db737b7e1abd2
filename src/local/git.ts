import { execFile, execFileSync, spawnSync } from "node:child_process";
import { promisify } from "node:util";
import { GitError } from "./errors.js";

const exec = promisify(execFile);
const maxBuffer = 512 * 1024 * 1024;

/**
 * The environment of every git child: ours, and GIT_FLUSH=0. git flushes its output after each
 * record when it thinks a reader is waiting on a pipe: 100,000 writes for 100,000 commits of a
 * `git log`, which we read whole anyway (measured: a quarter of the scorecard's CPU at that size).
 */
export function gitEnvironment(): NodeJS.ProcessEnv {
  return { ...process.env, GIT_FLUSH: "0" };
}

export { GitError };

/**
 * How a git child runs: beside the event loop (a progress line can tick meanwhile), or blocking it
 * until git ends, when nothing else would run (its output read whole: no streams, which cost a
 * short command more CPU than reading the output).
 */
export interface GitRun {
  blocking?: boolean;
}

/** Runs git in `cwd` and returns stdout; a git failure becomes a one-line GitError. */
export async function git(cwd: string, args: string[], run: GitRun = {}): Promise<string> {
  try {
    if (run.blocking)
      return execFileSync("git", args, {
        cwd,
        maxBuffer,
        encoding: "utf8",
        env: gitEnvironment(),
        stdio: ["ignore", "pipe", "pipe"],
      });
    const { stdout } = await exec("git", args, { cwd, maxBuffer, encoding: "utf8", env: gitEnvironment() });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    throw new GitError(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

/** Like `git`, but undefined when git fails (e.g. a path that does not exist at a ref). */
export async function gitMaybe(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await exec("git", args, { cwd, maxBuffer, encoding: "utf8", env: gitEnvironment() })).stdout;
  } catch {
    return undefined;
  }
}

/**
 * Like `gitMaybe`, but waits for git in place: for a large output read whole before anything else
 * can go on (the listing of 100,000 files), which a pipe's events and chunks only make dearer.
 */
export function gitMaybeSync(cwd: string, args: string[]): string | undefined {
  const result = spawnSync("git", args, {
    cwd,
    maxBuffer,
    env: gitEnvironment(),
    stdio: ["ignore", "pipe", "ignore"],
  });
  return result.status === 0 ? result.stdout.toString("utf8") : undefined;
}
