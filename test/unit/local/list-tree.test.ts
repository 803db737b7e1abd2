import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { pathsOf } from "../../../src/discovery/files-by-directory.js";
import { listWorkingTree } from "../../../src/local/list-tree.js";
import { initGitRepository, tempRepo } from "../../support/cli.js";

function write(root: string, path: string, text = "x\n") {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** A repository with tracked files, then new, ignored, deleted and dependency files in its working tree. */
function workingTree(): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  write(root, ".gitignore", "build/\n*.log\n!keep.log\n");
  for (const path of ["app/main.ts", "app/old.ts", "vendor/lib.go", "README.md"]) write(root, path);
  git("add", ".");
  git("commit", "-q", "-m", "base");
  rmSync(join(root, "app/old.ts"));
  for (const path of [
    "app/new.ts", // new beside tracked files
    "app/debug.log", // ignored by pattern
    "app/keep.log", // re-included
    "services/api/Dockerfile", // in a new directory tree
    "build/out.js", // in an ignored directory
    "app/build/x.js", // in an ignored directory below a tracked one
    "node_modules/left-pad/package.json", // an untracked dependency tree
    "app/node_modules/x/package.json",
    "vendor/new.go", // new, in a tracked dependency tree
    "dist/main.js", // build output
  ])
    write(root, path);
  symlinkSync("../README.md", join(root, "app/readme-link"));
  execFileSync("mkfifo", [join(root, "app/pipe")]);
  mkdirSync(join(root, "empty"));
  mkdirSync(join(root, "nested"));
  initGitRepository(join(root, "nested"));
  write(root, "nested/inner.txt");
  return root;
}

describe("the files of a local working tree", () => {
  it("lists what git knows and what is new, never what is ignored, deleted or an untracked dependency tree", async () => {
    const root = workingTree();
    const paths = pathsOf((await listWorkingTree(root)).byDirectory);
    expect(paths).toEqual([
      ".gitignore",
      "README.md",
      "app/keep.log",
      "app/main.ts",
      "app/new.ts",
      "app/readme-link",
      "nested/",
      "services/api/Dockerfile",
      "vendor/lib.go",
    ]);
  });

  it("says what `git ls-files --cached --others` says of the same tree, less the deleted files", async () => {
    const root = workingTree();
    const excludes = ["node_modules/", "vendor/", "dist/"].map((name) => `--exclude=${name}`);
    const git = (...args: string[]) => execFileSync("git", args, { cwd: root, encoding: "utf8" }).split("\0");
    const deleted = new Set(git("ls-files", "-z", "--deleted"));
    const expected = [
      ...git("ls-files", "-z", "--cached").filter((path) => !deleted.has(path)),
      ...git("ls-files", "-z", "--others", "--exclude-standard", ...excludes),
    ]
      .filter(Boolean)
      .sort();
    expect(pathsOf((await listWorkingTree(root)).byDirectory)).toEqual(expected);
  });

  it("settles each directory where the index interleaves files and directories, a deleted directory, a sparse checkout and a conflict", async () => {
    const root = tempRepo();
    const git = initGitRepository(root);
    // git's order puts `a.txt` and `a-b/` before `a/`, and `pkg/src/` between `pkg/package.json` and `pkg/tsconfig.json`.
    const tracked = ["a.txt", "a/x.ts", "a-b/y.ts", "a0", "pkg/package.json", "pkg/src/index.ts", "pkg/tsconfig.json"];
    for (const path of [
      ...tracked,
      "gone/one.ts",
      "gone/two/three.ts",
      "sparse/s.ts",
      "é/ü.ts",
      "😀/x.ts",
      "\uE000.md",
    ])
      write(root, path);
    write(root, "conflict.txt", "base\n");
    git("add", ".");
    git("commit", "-q", "-m", "base");
    git("checkout", "-q", "-b", "other");
    write(root, "conflict.txt", "theirs\n");
    git("commit", "-q", "-a", "-m", "theirs");
    git("checkout", "-q", "main");
    write(root, "conflict.txt", "ours\n");
    git("commit", "-q", "-a", "-m", "ours");
    expect(() => git("merge", "-q", "other")).toThrow(); // conflict.txt is unmerged: three entries in the index
    rmSync(join(root, "gone"), { recursive: true });
    git("update-index", "--skip-worktree", "sparse/s.ts");
    rmSync(join(root, "sparse/s.ts"));
    rmSync(join(root, "a0"));
    for (const path of [
      "a/new.ts",
      "a.txt.orig",
      "pkg/new.ts",
      "pkg/src/new.ts",
      "pkg/src/deeper/new.ts",
      "😀/new.ts",
      "gone2/x.ts",
    ])
      write(root, path);

    const lines = (...args: string[]) =>
      execFileSync("git", args, { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
    const deleted = new Set(lines("ls-files", "-z", "--deleted"));
    const expected = [
      ...new Set(lines("ls-files", "-z", "--cached").filter((path) => !deleted.has(path))),
      ...lines("ls-files", "-z", "--others", "--exclude-standard"),
    ].sort();
    const paths = pathsOf((await listWorkingTree(root)).byDirectory);
    expect(paths).toEqual(expected);
    // What git says, spelled out: the new files found, the deleted ones gone, the file outside the sparse checkout kept.
    expect(paths).toEqual(
      expect.arrayContaining(["a/new.ts", "pkg/src/deeper/new.ts", "gone2/x.ts", "sparse/s.ts", "conflict.txt"]),
    );
    expect(paths.filter((path) => path.startsWith("gone/") || path === "a0")).toEqual([]);
  });

  it("finds the directory of a path that follows a shorter one after a deep directory", async () => {
    const root = tempRepo();
    const git = initGitRepository(root);
    // git lists `y` after `aaaa/bbbb/cccc/deep.ts` (a path shorter than the directory left behind), then a
    // committed build output, which only the index can list: the scan never walks an untracked `dist/`.
    const paths = ["aaaa/bbbb/cccc/deep.ts", "y", "z/dist/index.js", "é/ü.ts"];
    for (const path of paths) write(root, path);
    git("add", ".");
    git("commit", "-q", "-m", "base");
    expect(pathsOf((await listWorkingTree(root)).byDirectory)).toEqual(paths);
  });
});
