import { spawn } from "node:child_process";
import { lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gitEnvironment } from "./git.js";
import { unwalkedDirectories } from "./untracked-excludes.js";

/**
 * A directory of the working tree that holds tracked files, open while the index lists its files.
 * git sorts the index by path, so a directory's files and subdirectories come one after another:
 * the directories open at any time are the ancestors of the file at hand (a stack), and each is
 * listed once and settled when the index leaves it.
 */
interface OpenDirectory {
  /** Its path and a slash ("" for the root): every path of the index in it starts with this. */
  prefix: string;
  /** Its entries, as the file system lists them (Node sorts them by name, as git sorts the index). */
  names: readonly string[];
  /**
   * How far the index's files of this directory have been found in `names`: both come in the same
   * order, so a file is usually the entry at the cursor (directories holding tracked files between them).
   */
  cursor: number;
  /** `names` as a set, built only once a file is not at the cursor (deleted, or beside new entries). */
  nameSet?: ReadonlySet<string>;
  /** The tracked files' names looked up in `nameSet` (those before the cursor were found in place). */
  namesBySet?: Set<string>;
  /** How many of them are tracked files or directories holding tracked files. */
  found: number;
  /** The names of its directories that hold tracked files. */
  subdirectories: Set<string>;
}

function namesIn(root: string, directory: string): string[] {
  try {
    // No path.join: its normalising cost more than the listing on a tree of small directories.
    return readdirSync(directory === "" ? root : `${root}/${directory}`);
  } catch {
    return [];
  }
}

/** Whether the file `path` (its name from `nameStart` on) is an entry of its directory. */
function isPresent(open: OpenDirectory, path: string, nameStart: number): boolean {
  if (open.nameSet === undefined) {
    const { names, subdirectories } = open;
    // Skip the directories holding tracked files, listed (and counted) on their own, and git's own.
    while (open.cursor < names.length && (subdirectories.has(names[open.cursor]!) || names[open.cursor] === ".git"))
      open.cursor++;
    const next = names[open.cursor];
    // The entry at the cursor, compared in place: no name is cut out of the path.
    if (next !== undefined && path.length - nameStart === next.length && path.startsWith(next, nameStart)) {
      open.cursor++;
      return true;
    }
    open.nameSet = new Set(names);
    open.namesBySet = new Set();
  }
  const name = path.slice(nameStart);
  open.namesBySet!.add(name);
  return open.nameSet.has(name);
}

/** Lists the directory `prefix` (a child of `parent`, or the root) and counts it in its parent when it is there. */
function openDirectory(root: string, prefix: string, parent: OpenDirectory | undefined): OpenDirectory {
  const open: OpenDirectory = {
    prefix,
    names: namesIn(root, prefix.slice(0, -1)),
    cursor: 0,
    found: 0,
    subdirectories: new Set(),
  };
  if (parent) {
    const name = prefix.slice(parent.prefix.length, -1);
    parent.subdirectories.add(name);
    if (parent.nameSet?.has(name) ?? parent.names.includes(name)) parent.found++;
  }
  return open;
}

/**
 * The entries of a settled directory that are neither tracked files nor directories holding
 * some (nor git's own), added to `candidates`. A directory whose entries are all accounted for,
 * the usual case, is settled by counting.
 */
function addEntriesBeside(open: OpenDirectory, candidates: string[]): void {
  const { names, found, cursor, subdirectories, namesBySet } = open;
  if (names.length <= found || names.length - (names.includes(".git") ? 1 : 0) <= found) return;
  // An entry before the cursor was found in place as a file, or skipped as a directory of them.
  for (let index = cursor; index < names.length; index++) {
    const name = names[index]!;
    if (name !== ".git" && !subdirectories.has(name) && !namesBySet?.has(name)) candidates.push(open.prefix + name);
  }
}

/**
 * The files of `git ls-files -z -t --cached` (`listed`) that the working tree holds, and what it
 * holds beside them, from one listing of each directory that holds tracked files: a tracked file
 * the tree lacks (deleted, not yet committed) is left out unless it is outside a sparse checkout
 * (`S`: tracked, need not be there); `candidates` are the entries that are neither tracked files
 * nor directories of them (new files and directories, or ignored ones: `untrackedFiles` tells them
 * apart). `paths` come in git's order, one per path (an unmerged path has one entry per stage);
 * `ascending`: whether that order is JavaScript's too.
 */
export function scanWorkingTree(
  root: string,
  listed: string,
): { paths: string[]; candidates: string[]; ascending: boolean } {
  const paths: string[] = [];
  const candidates: string[] = [];
  let ascending = true;
  let previous = "";
  const stack = [openDirectory(root, "", undefined)];
  let open = stack[0]!;
  // Each entry is "<tag> <path>\0": the path is cut straight out of the output, one string per file.
  for (let at = 0; at < listed.length;) {
    let end = listed.indexOf("\0", at);
    if (end < 0) end = listed.length;
    const tag = listed.charCodeAt(at);
    const path = end - at > 2 ? listed.slice(at + 2, end) : "";
    at = end + 1;
    if (!(previous < path)) {
      if (path === previous || path === "") continue; // an unmerged path's next stage
      ascending = false;
    }
    previous = path;
    // The usual case: a file of the directory at hand.
    if (!(path.startsWith(open.prefix) && path.indexOf("/", open.prefix.length) < 0)) {
      const prefix = path.slice(0, path.lastIndexOf("/") + 1);
      while (!prefix.startsWith(open.prefix)) {
        addEntriesBeside(stack.pop()!, candidates);
        open = stack[stack.length - 1]!;
      }
      for (let slash = prefix.indexOf("/", open.prefix.length); slash >= 0; slash = prefix.indexOf("/", slash + 1)) {
        open = openDirectory(root, prefix.slice(0, slash + 1), open);
        stack.push(open);
      }
    }
    if (isPresent(open, path, open.prefix.length)) {
      open.found++;
      paths.push(path);
    } else if (tag === 83 /* S */) paths.push(path);
  }
  while (stack.length > 0) addEntriesBeside(stack.pop()!, candidates);
  return { paths, candidates, ascending };
}

type EntryKind = "file" | "directory" | "repository";

/** What an untracked entry is: a file or a link (listed, never followed), a directory, another repository; undefined for a FIFO, a device or a socket. */
function entryKind(root: string, path: string): EntryKind | undefined {
  const info = lstatSync(join(root, path), { throwIfNoEntry: false });
  if (info === undefined) return undefined;
  if (info.isFile() || info.isSymbolicLink()) return "file";
  if (!info.isDirectory()) return undefined;
  const gitEntry = statSync(join(root, path, ".git"), { throwIfNoEntry: false });
  return gitEntry === undefined ? "directory" : "repository";
}

/** Whether a path lies in (or is) a directory named like an untracked dependency or build tree. */
function inUntrackedTree(path: string, kind: EntryKind): boolean {
  const segments = path.split("/");
  // The last segment is a tree only when it is a directory: a file named `build` is a file.
  const directories = kind === "file" ? segments.slice(0, -1) : segments;
  return directories.some((segment) => unwalkedDirectories.has(segment));
}

/** The paths among `paths` that git ignores (.gitignore, info/exclude, core.excludesFile); undefined when git cannot say. */
function ignoredAmong(root: string, paths: readonly string[]): Promise<Set<string> | undefined> {
  return new Promise((resolve) => {
    const child = spawn("git", ["check-ignore", "-z", "--stdin"], {
      cwd: root,
      stdio: ["pipe", "pipe", "ignore"],
      env: gitEnvironment(),
    });
    let output = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => (output += chunk));
    child.on("error", () => resolve(undefined));
    // 0: some are ignored, 1: none is.
    child.on("close", (code) =>
      resolve(code === 0 || code === 1 ? new Set(output.split("\0").filter(Boolean)) : undefined),
    );
    child.stdin.on("error", () => resolve(undefined));
    child.stdin.end(paths.map((path) => `${path}\0`).join(""));
  });
}

/**
 * The untracked files among the scan's candidates, as `git ls-files --others --exclude-standard`
 * lists them: ignored entries left out (an ignored directory is not entered), a directory that is
 * another repository listed as `dir/`, FIFOs and devices left out, and never anything inside an
 * untracked dependency or build tree (`untracked-excludes.ts`). One `git check-ignore` per level of
 * new directories, none when nothing is new. Sorted; undefined when git cannot tell what it ignores.
 */
export async function untrackedFiles(root: string, candidates: readonly string[]): Promise<string[] | undefined> {
  const files: string[] = [];
  let pending = candidates;
  while (pending.length > 0) {
    const entries = pending.flatMap((path) => {
      const kind = entryKind(root, path);
      return kind === undefined || inUntrackedTree(path, kind) ? [] : [{ path, kind }];
    });
    if (entries.length === 0) break;
    const ignored = await ignoredAmong(
      root,
      entries.map((entry) => entry.path),
    );
    if (ignored === undefined) return undefined;
    const next: string[] = [];
    for (const { path, kind } of entries) {
      if (ignored.has(path)) continue;
      if (kind === "file") files.push(path);
      else if (kind === "repository") files.push(`${path}/`);
      else for (const name of namesIn(root, path)) if (name !== ".git") next.push(`${path}/${name}`);
    }
    pending = next;
  }
  return files.sort();
}
