import { closeSync, fstatSync, openSync, readSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { childProcess } from "./child-process.js";
import { GitError } from "./errors.js";

const maxBuffer = 512 * 1024 * 1024;

/** git's stdout; when git fails, execFile's error with git's stderr on it (`git` reports its first line). */
function exec(cwd: string, args: string[], run: GitRun): Promise<string> {
  return new Promise((resolve, reject) => {
    childProcess().execFile(
      "git",
      args,
      { cwd, maxBuffer, encoding: "utf8", env: gitEnvironment(run) },
      (error, stdout, stderr) => (error ? reject(Object.assign(error, { stderr })) : resolve(stdout)),
    );
  });
}

/**
 * The environment of a git child: ours, with changes that only make git cheaper.
 * - GIT_FLUSH=0, for every child: git flushes its output after each record when it thinks a reader
 *   is waiting on a pipe: 100,000 writes for 100,000 commits of a `git log`, which we read whole
 *   anyway (measured: a quarter of the scorecard's CPU at that size).
 * - For a read of the whole repository only (`wholeRepository`: a listing, a diff of the working
 *   tree, a walk of the history), glibc's malloc asked for transparent huge pages
 *   (`glibc.malloc.hugetlb=1`, glibc 2.35+; other C libraries and older glibc ignore it, as does a
 *   kernel with them off). Such a git touches tens of megabytes, a page fault per 4 KiB page
 *   otherwise (measured on a VM where a fault costs 13 µs: `git ls-files` of 100,000 files from
 *   4,070 faults to 1,100 and 72 to 44 ms of CPU; `git log` of 100,000 commits from 5,200 faults to
 *   1,700). A small one pays for it instead, a huge page zeroed for a small heap (`git rev-parse` 8 to
 *   10 ms, `git for-each-ref` of 58 tags 12 to 14 ms). A setting of the user's own for it is kept.
 */
export function gitEnvironment(run: Pick<GitRun, "wholeRepository"> = {}): NodeJS.ProcessEnv {
  const environment = { ...process.env, GIT_FLUSH: "0" };
  return run.wholeRepository
    ? { ...environment, GLIBC_TUNABLES: withHugePages(process.env.GLIBC_TUNABLES) }
    : environment;
}

/** `tunables` (a colon-separated list, as glibc reads it) with malloc's huge pages on, unless it says otherwise. */
function withHugePages(tunables: string | undefined): string {
  if (!tunables) return "glibc.malloc.hugetlb=1";
  return /(?:^|:)glibc\.malloc\.hugetlb=/.test(tunables) ? tunables : `${tunables}:glibc.malloc.hugetlb=1`;
}

export { GitError };

/**
 * How a git child runs: beside the event loop (a progress line can tick meanwhile), or blocking it
 * until git ends, when nothing else would run (its output read whole: no streams, which cost a
 * short command more CPU than reading the output).
 */
export interface GitRun {
  blocking?: boolean;
  /** A read that grows with the repository (the whole index, working tree or history): see gitEnvironment. */
  wholeRepository?: boolean;
}

/** Runs git in `cwd` and returns stdout; a git failure becomes a one-line GitError. */
export async function git(cwd: string, args: string[], run: GitRun = {}): Promise<string> {
  try {
    if (run.blocking) {
      const result = runWaiting(cwd, args, run);
      if (result.error) throw result.error;
      if (result.status !== 0) throw Object.assign(new Error("git failed"), { stderr: result.stderr });
      return result.stdout;
    }
    return await exec(cwd, args, run);
  } catch (error) {
    if (error instanceof GitError) throw error;
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    throw new GitError(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

/** Like `git`, but undefined when git fails (e.g. a path that does not exist at a ref). */
export async function gitMaybe(cwd: string, args: string[], run: GitRun = {}): Promise<string | undefined> {
  try {
    return await exec(cwd, args, run);
  } catch {
    return undefined;
  }
}

/**
 * Like `gitMaybe`, but waits for git in place: for a large output read whole before anything else
 * can go on (the listing of 100,000 files), which a pipe's events and chunks only make dearer.
 */
export function gitMaybeSync(cwd: string, args: string[], run: GitRun = {}): string | undefined {
  const result = runWaiting(cwd, args, run);
  return result.status === 0 && result.error === undefined ? result.stdout : undefined;
}

interface WaitedRun {
  status: number | null;
  stdout: string;
  stderr: string;
  error?: Error;
}

/**
 * Runs git until it ends, its output written to a temporary file and read whole afterwards: through
 * a pipe, git writes 4 KiB at a time and each write wakes us to read it (measured: 5% of the CPU of a
 * 100,000-commit scorecard, 2-3% of `discover` on 100,000 files). The file is created for this run
 * only (`wx`: never one that exists, mode 600) and removed at once. Where it cannot be made, or git
 * could not write it (a full temporary directory), git runs through a pipe: these are reads. Any
 * other failure is git's answer, given once.
 */
function runWaiting(cwd: string, args: string[], run: GitRun): WaitedRun {
  const path = `${tmpdir()}/cto-copilot-git-${process.pid}-${Math.random().toString(36).slice(2)}`;
  let fd: number;
  try {
    fd = openSync(path, "wx+", 0o600);
  } catch {
    return runThroughPipe(cwd, args, run);
  }
  // Removed while open (Node opens files so that even Windows allows it): nothing is left if we are killed.
  const removedEarly = tryUnlink(path);
  try {
    const result = childProcess().spawnSync("git", args, {
      cwd,
      maxBuffer,
      env: gitEnvironment(run),
      stdio: ["ignore", fd, "pipe"],
    });
    const stderr = result.stderr?.toString("utf8") ?? "";
    if (result.error) return { status: result.status, stdout: "", stderr, error: result.error };
    if (result.status !== 0 && couldNotWrite.test(stderr)) return runThroughPipe(cwd, args, run);
    return { status: result.status, stdout: result.status === 0 ? readWhole(fd) : "", stderr };
  } catch (error) {
    return { status: null, stdout: "", stderr: "", error: error as Error };
  } finally {
    closeSync(fd);
    if (!removedEarly) tryUnlink(path);
  }
}

/** What git says when its output could not be written (`fatal: write failure on 'stdout': No space left on device`). */
const couldNotWrite = /write (?:failure|error)|No space left|File too large|Disk quota/i;

function runThroughPipe(cwd: string, args: string[], run: GitRun): WaitedRun {
  const result = childProcess().spawnSync("git", args, {
    cwd,
    maxBuffer,
    env: gitEnvironment(run),
    stdio: ["ignore", "pipe", "pipe"],
  });
  return {
    status: result.status,
    stdout: result.stdout?.toString("utf8") ?? "",
    stderr: result.stderr?.toString("utf8") ?? "",
    ...(result.error ? { error: result.error } : {}),
  };
}

/** The whole file behind `fd`, from its start (git moved the offset the descriptor shares to its end). */
function readWhole(fd: number): string {
  const size = fstatSync(fd).size;
  if (size > maxBuffer) throw new GitError(`git wrote ${size} bytes, more than the ${maxBuffer} read at once`);
  const buffer = Buffer.allocUnsafe(size);
  for (let read = 0; read < size;) {
    const count = readSync(fd, buffer, read, size - read, read);
    if (count === 0) return buffer.toString("utf8", 0, read);
    read += count;
  }
  return buffer.toString("utf8");
}

function tryUnlink(path: string): boolean {
  try {
    unlinkSync(path);
    return true;
  } catch {
    return false;
  }
}
