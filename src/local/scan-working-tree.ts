import { spawn } from "node:child_process";
import { lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { gitEnvironment } from "./git.js";
import { unwalkedDirectories } from "./untracked-excludes.js";

/** One directory of the working tree that holds tracked files, as read once. */
interface ScannedDirectory {
  /** Its entries, as the file system lists them (Node sorts them by name, as git sorts the index). */
  names: readonly string[];
  /**
   * How far the index's files of this directory have been found in `names`: both come in the same
   * order, so a file is usually the entry at the cursor (directories holding tracked files between them).
   */
  cursor: number;
  /** `names` as a set, built only once a file is not at the cursor (deleted, or beside new entries). */
  nameSet?: ReadonlySet<string>;
  /** How many of them are tracked files or directories holding tracked files. */
  found: number;
  /** The names of its directories that hold tracked files. */
  subdirectories: Set<string>;
}

function namesIn(root: string, directory: string): string[] {
  try {
    return readdirSync(join(root, directory));
  } catch {
    return [];
  }
}

/** Whether the file `path` (its name from `nameStart` on) is an entry of its directory. */
function isPresent(scanned: ScannedDirectory, path: string, nameStart: number): boolean {
  if (scanned.nameSet === undefined) {
    const { names, subdirectories } = scanned;
    // Skip the directories holding tracked files, listed (and counted) on their own, and git's own.
    while (
      scanned.cursor < names.length &&
      (subdirectories.has(names[scanned.cursor]!) || names[scanned.cursor] === ".git")
    )
      scanned.cursor++;
    const next = names[scanned.cursor];
    // The entry at the cursor, compared in place: no name is cut out of the path.
    if (next !== undefined && path.length - nameStart === next.length && path.startsWith(next, nameStart)) {
      scanned.cursor++;
      return true;
    }
    scanned.nameSet = new Set(names);
  }
  return scanned.nameSet.has(nameStart === 0 ? path : path.slice(nameStart));
}

/**
 * What the working tree holds beside the index, from one listing of each directory that holds
 * tracked files: the tracked files it lacks (deleted, not yet committed), and the entries that
 * are neither tracked files nor directories of them (`candidates`: new files and directories,
 * or ignored ones; `untrackedFiles` tells them apart). A directory whose entries are all
 * tracked, the usual case, is settled by counting. `skipWorktree` files (outside a sparse
 * checkout) are tracked but need not be there.
 */
export function scanWorkingTree(
  root: string,
  tracked: readonly string[],
  skipWorktree: ReadonlySet<string>,
): { missing: Set<string>; candidates: string[] } {
  const directories = new Map<string, ScannedDirectory>();
  const directoryAt = (directory: string): ScannedDirectory => {
    const known = directories.get(directory);
    if (known) return known;
    const scanned: ScannedDirectory = {
      names: namesIn(root, directory),
      cursor: 0,
      found: 0,
      subdirectories: new Set(),
    };
    directories.set(directory, scanned);
    if (directory !== "") {
      const slash = directory.lastIndexOf("/");
      const parent = directoryAt(slash < 0 ? "" : directory.slice(0, slash));
      const name = directory.slice(slash + 1);
      parent.subdirectories.add(name);
      if (parent.nameSet?.has(name) ?? parent.names.includes(name)) parent.found++;
    }
    return scanned;
  };
  directoryAt("");
  const missing = new Set<string>();
  // The index lists a directory's files one after another: its name is cut once per run of them.
  let runSlash = -2;
  let runDirectory = "";
  let scanned = directoryAt("");
  for (const path of tracked) {
    const slash = path.lastIndexOf("/");
    if (slash !== runSlash || (slash > 0 && !path.startsWith(runDirectory))) {
      runSlash = slash;
      runDirectory = slash < 0 ? "" : path.slice(0, slash);
      scanned = directoryAt(runDirectory);
    }
    if (isPresent(scanned, path, slash + 1)) scanned.found++;
    else if (!skipWorktree.has(path)) missing.add(path);
  }
  // git's own directory is never part of the listing.
  const holdsMore = ({ names, found }: ScannedDirectory) => names.length - (names.includes(".git") ? 1 : 0) > found;
  const crowded = new Set([...directories].flatMap(([directory, scanned]) => (holdsMore(scanned) ? [directory] : [])));
  return { missing, candidates: crowded.size === 0 ? [] : entriesBeside(tracked, directories, crowded) };
}

/** The entries of the `crowded` directories that are neither tracked files nor directories holding some. */
function entriesBeside(
  tracked: readonly string[],
  directories: ReadonlyMap<string, ScannedDirectory>,
  crowded: ReadonlySet<string>,
): string[] {
  const trackedNames = new Map<string, Set<string>>([...crowded].map((directory) => [directory, new Set()]));
  for (const path of tracked) {
    const slash = path.lastIndexOf("/");
    const names = trackedNames.get(slash < 0 ? "" : path.slice(0, slash));
    names?.add(path.slice(slash + 1));
  }
  const candidates: string[] = [];
  for (const [directory, names] of trackedNames) {
    const { names: present, subdirectories } = directories.get(directory)!;
    for (const name of present)
      if (name !== ".git" && !names.has(name) && !subdirectories.has(name))
        candidates.push(directory ? `${directory}/${name}` : name);
  }
  return candidates;
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
