import { lstatSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { PackedFilesByDirectory } from "../discovery/files-by-directory.js";
import { childProcess } from "./child-process.js";
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
  /** The names of its files in the listing (those it holds, and those outside a sparse checkout), once it has one. */
  files?: string[];
}

function namesIn(root: string, directory: string): string[] {
  try {
    // No path.join: its normalising cost more than the listing on a tree of small directories.
    return readdirSync(directory === "" ? root : `${root}/${directory}`);
  } catch {
    return [];
  }
}

/**
 * The entry of `open` that is the file named by `listed` from `nameStart` to `end`; undefined when
 * the directory has none of that name.
 */
function entryOf(open: OpenDirectory, listed: string, nameStart: number, end: number): string | undefined {
  if (open.nameSet === undefined) {
    const { names, subdirectories } = open;
    // Skip the directories holding tracked files, listed (and counted) on their own, and git's own.
    while (open.cursor < names.length && (subdirectories.has(names[open.cursor]!) || names[open.cursor] === ".git"))
      open.cursor++;
    const next = names[open.cursor];
    // The entry at the cursor, compared in place: no name is cut out of git's output.
    if (next !== undefined && end - nameStart === next.length && listed.startsWith(next, nameStart)) {
      open.cursor++;
      return next;
    }
    open.nameSet = new Set(names);
    open.namesBySet = new Set();
  }
  const name = listed.slice(nameStart, end);
  open.namesBySet!.add(name);
  return open.nameSet.has(name) ? name : undefined;
}

/** Lists the directory `prefix` (a child of `parent`, or the root) and counts it in its parent when it is there. */
function openDirectory(root: string, prefix: string, parent: OpenDirectory | undefined): OpenDirectory {
  const open: OpenDirectory = {
    prefix,
    names: namesIn(root, prefix.slice(0, -1)),
    cursor: 0,
    // Every field from the start: one shape for every directory, so the scan's optimised code is not thrown away midway.
    nameSet: undefined,
    namesBySet: undefined,
    found: 0,
    subdirectories: new Set(),
    files: undefined,
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

/** The files of the working tree as the scan found them, and what else it holds. */
export interface ScannedTree {
  /** The files, by directory ("" for the root) and name (`FileListing.byDirectory`), each directory's names packed once the scan has left it. */
  byDirectory: PackedFilesByDirectory;
  /** The entries that are neither tracked files nor directories of them: new, or ignored (`untrackedFiles` tells them apart). */
  candidates: string[];
}

/**
 * The files of `git ls-files -z -t --cached` (`listed`) that the working tree holds, and what it
 * holds beside them, from one listing of each directory that holds tracked files: a tracked file
 * the tree lacks (deleted, not yet committed) is left out unless it is outside a sparse checkout
 * (`S`: tracked, need not be there). An unmerged path (one entry per stage) is one file.
 *
 * git's output is read in place, by offsets: a file's name is the directory's own entry (or cut
 * out of the output when the directory does not hold it), and no path is made of it. On 100,000
 * files, making and keeping a string per path cost as much as the rest of the scan; a directory's
 * names are packed into one string as soon as the scan leaves it (`PackedFilesByDirectory`).
 */
export function scanWorkingTree(root: string, listed: string): ScannedTree {
  const byDirectory = new PackedFilesByDirectory();
  const candidates: string[] = [];
  const stack = [openDirectory(root, "", undefined)];
  let open = stack[0]!;
  // A directory the index has left: what else it holds is a candidate, and its files are packed.
  const settle = (directory: OpenDirectory) => {
    addEntriesBeside(directory, candidates);
    if (directory.files !== undefined) byDirectory.setNames(directory.prefix.slice(0, -1), directory.files);
  };
  // The first slash at or after a position of git's output, kept: the files of a directory have
  // none after its prefix, and each search would otherwise run on into the next directory's paths.
  let slash = -1;
  // Each entry is "<tag> <path>\0".
  for (let at = 0; at < listed.length;) {
    let end = listed.indexOf("\0", at);
    if (end < 0) end = listed.length;
    const tag = listed.charCodeAt(at);
    const start = at + 2;
    at = end + 1;
    if (end <= start) continue;
    let nameStart = start + open.prefix.length;
    // Searched only from a position within this entry: every later name starts past it, so the slash
    // kept stays the first after it (`>>> 0`: no slash at all reads as a position past every entry).
    if (nameStart < end && slash < nameStart) slash = listed.indexOf("/", nameStart) >>> 0;
    // Unless the path is a file of the directory at hand (its prefix, and no slash after it), its
    // directory is opened, and those the index has left are settled.
    if (nameStart >= end || slash < end || !listed.startsWith(open.prefix, start)) {
      const last = listed.lastIndexOf("/", end - 1);
      const prefix = last >= start ? listed.slice(start, last + 1) : "";
      while (!prefix.startsWith(open.prefix)) {
        settle(stack.pop()!);
        open = stack[stack.length - 1]!;
      }
      for (let next = prefix.indexOf("/", open.prefix.length); next >= 0; next = prefix.indexOf("/", next + 1)) {
        open = openDirectory(root, prefix.slice(0, next + 1), open);
        stack.push(open);
      }
      nameStart = start + open.prefix.length;
    }
    // An unmerged path has an entry per stage, one after another: the file is counted once.
    const previous = open.files?.[open.files.length - 1];
    if (previous !== undefined && end - nameStart === previous.length && listed.startsWith(previous, nameStart))
      continue;
    const entry = entryOf(open, listed, nameStart, end);
    if (entry !== undefined) open.found++;
    else if (tag !== 83 /* S */) continue;
    (open.files ??= []).push(entry ?? listed.slice(nameStart, end));
  }
  while (stack.length > 0) settle(stack.pop()!);
  return { byDirectory, candidates };
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
    const child = childProcess().spawn("git", ["check-ignore", "-z", "--stdin"], {
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
