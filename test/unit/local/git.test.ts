import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { git, GitError, gitMaybeSync, type GitRun } from "../../../src/local/git.js";
import { initGitRepository, tempRepo } from "../../support/cli.js";

/** A repository with one commit of `count` files whose names are long enough to fill many pipe buffers. */
function repositoryOf(count: number): string {
  const root = tempRepo();
  const run = initGitRepository(root);
  for (let index = 0; index < count; index++) writeFileSync(join(root, `file-${index}-${"é".repeat(20)}.txt`), "x\n");
  run("add", ".");
  run("commit", "-q", "-m", "files");
  return root;
}

/** The temporary files of git's output left in `directory` (none once a run has ended). */
const leftovers = (directory: string) => readdirSync(directory).filter((name) => name.startsWith("cto-copilot-git-"));

describe("git run until it ends, its output through a temporary file", () => {
  it("reads the whole output, UTF-8 names included, and leaves no temporary file behind", async () => {
    const root = repositoryOf(2_000);
    const scratch = mkdtempSync(join(tmpdir(), "cto-copilot-git-test-"));
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = scratch;
    try {
      const listed = gitMaybeSync(root, ["ls-files", "-z"])!.split("\0").filter(Boolean);
      expect(listed).toHaveLength(2_000);
      expect(listed).toContain(`file-1999-${"é".repeat(20)}.txt`);
      const log = await git(root, ["log", "--format=%s"], { blocking: true });
      expect(log).toBe("files\n");
      expect(leftovers(scratch)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it("says which git command failed and why, in one line, and undefined where failure is an answer", async () => {
    const root = repositoryOf(1);
    expect(gitMaybeSync(root, ["log", "no-such-ref"])).toBeUndefined();
    await expect(git(root, ["log", "no-such-ref"], { blocking: true })).rejects.toThrow(GitError);
    await expect(git(root, ["log", "no-such-ref"], { blocking: true })).rejects.toThrow(
      /^git log no-such-ref failed: fatal: ambiguous argument 'no-such-ref'/,
    );
  });

  it("runs a failing git command once: its failure is the answer", async () => {
    const root = repositoryOf(1);
    const trace = join(root, "trace.log");
    const previous = process.env.GIT_TRACE;
    process.env.GIT_TRACE = trace;
    try {
      expect(gitMaybeSync(root, ["log", "no-such-ref"])).toBeUndefined();
      await expect(git(root, ["log", "no-such-ref"], { blocking: true })).rejects.toThrow(GitError);
    } finally {
      if (previous === undefined) delete process.env.GIT_TRACE;
      else process.env.GIT_TRACE = previous;
    }
    expect(readFileSync(trace, "utf8").match(/built-in: git log no-such-ref/g)).toHaveLength(2);
  });

  it("still answers through a pipe when no temporary file can be made", () => {
    const root = repositoryOf(3);
    const previous = process.env.TMPDIR;
    process.env.TMPDIR = join(root, "no-such-directory");
    try {
      expect(gitMaybeSync(root, ["ls-files", "-z"])).toBe(
        [0, 1, 2].map((index) => `file-${index}-${"é".repeat(20)}.txt\0`).join(""),
      );
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
    }
  });
});

describe("the environment of a git child", () => {
  /** The environment the git child of `git()` sees, through an alias that prints it. */
  async function childEnvironment(root: string, run: GitRun = {}): Promise<Map<string, string>> {
    const printed = await git(root, ["-c", "alias.print-environment=!env", "print-environment"], run);
    return new Map(printed.split("\n").flatMap((line) => (line.includes("=") ? [splitOnce(line)] : [])));
  }
  const splitOnce = (line: string): [string, string] => [
    line.slice(0, line.indexOf("=")),
    line.slice(line.indexOf("=") + 1),
  ];

  /** Runs `body` with GLIBC_TUNABLES set to `value` (unset when undefined), then puts it back. */
  async function withTunables<T>(value: string | undefined, body: () => Promise<T>): Promise<T> {
    const previous = process.env.GLIBC_TUNABLES;
    if (value === undefined) delete process.env.GLIBC_TUNABLES;
    else process.env.GLIBC_TUNABLES = value;
    try {
      return await body();
    } finally {
      if (previous === undefined) delete process.env.GLIBC_TUNABLES;
      else process.env.GLIBC_TUNABLES = previous;
    }
  }

  it("asks every git not to flush each record, and keeps the rest of ours", async () => {
    const root = repositoryOf(1);
    for (const run of [{}, { blocking: true }, { wholeRepository: true }, { blocking: true, wholeRepository: true }]) {
      const seen = await withTunables(undefined, () => childEnvironment(root, run));
      expect(seen.get("GIT_FLUSH")).toBe("0");
      expect(seen.get("HOME")).toBe(process.env.HOME);
    }
  });

  it("asks malloc for huge pages for a read of the whole repository only, waited for or not", async () => {
    const root = repositoryOf(1);
    for (const blocking of [false, true]) {
      const whole = await withTunables(undefined, () => childEnvironment(root, { blocking, wholeRepository: true }));
      expect(whole.get("GLIBC_TUNABLES")).toBe("glibc.malloc.hugetlb=1");
      // A small read would pay for a huge page it does not fill: none is asked for.
      const small = await withTunables(undefined, () => childEnvironment(root, { blocking }));
      expect(small.has("GLIBC_TUNABLES")).toBe(false);
    }
  });

  it("adds huge pages to the user's own tunables, and never overrides a choice of theirs about them", async () => {
    const root = repositoryOf(1);
    const whole = { wholeRepository: true };
    const [added, small, ours] = await withTunables("glibc.malloc.arena_max=2", async () => [
      await childEnvironment(root, whole),
      await childEnvironment(root),
      process.env.GLIBC_TUNABLES,
    ]);
    expect(added.get("GLIBC_TUNABLES")).toBe("glibc.malloc.arena_max=2:glibc.malloc.hugetlb=1");
    expect(small.get("GLIBC_TUNABLES")).toBe("glibc.malloc.arena_max=2");
    // Our own environment is left as it was: only the child's is changed.
    expect(ours).toBe("glibc.malloc.arena_max=2");
    const kept = await withTunables("glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2", () =>
      childEnvironment(root, whole),
    );
    expect(kept.get("GLIBC_TUNABLES")).toBe("glibc.malloc.hugetlb=0:glibc.malloc.arena_max=2");
  });
});
