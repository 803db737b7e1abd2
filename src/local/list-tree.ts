// fs.promises, not node:fs/promises: Node loads it when first used, so a command that lists nothing does not.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import type { FileListing } from "../ports/repository-view.js";
import { gitMaybe } from "./git.js";
import { scanWorkingTree, untrackedFiles } from "./scan-working-tree.js";
import { untrackedExcludeArgs, unwalkedDirectories } from "./untracked-excludes.js";

async function walk(root: string, prefix: string, out: string[]): Promise<void> {
  const entries = await fs.readdir(join(root, prefix), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const path = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!unwalkedDirectories.has(entry.name)) await walk(root, path, out);
    } else if (entry.isFile()) out.push(path);
  }
}

/**
 * The files of the working tree under `root`: in a git repository the files git knows plus new
 * ones it does not ignore (what a commit of `init --discover` would see, build output excluded),
 * never an untracked dependency or build tree (`untracked-excludes.ts`), else every file (hidden ones too: `.github/workflows` and `.gitlab-ci.yml` say a lot).
 *
 * git is asked for its index only: one listing of each directory that holds tracked files finds
 * both the tracked files deleted and the new entries (`scan-working-tree.ts`), where
 * `ls-files --others` would list every directory a second time (its walk cost more than the
 * rest of `discover` on 100,000 files); `git check-ignore` settles only what is new.
 */
export async function listWorkingTree(root: string): Promise<FileListing> {
  // -t tags each path: `S` skip-worktree (outside a sparse checkout), else tracked.
  const listed = await gitMaybe(root, ["ls-files", "-z", "-t", "--cached"]);
  if (listed !== undefined) {
    const { tracked, skipWorktree, ascending } = splitListing(listed);
    const { missing, candidates } = scanWorkingTree(root, tracked, skipWorktree);
    const present = missing.size === 0 ? tracked : tracked.filter((path) => !missing.has(path));
    const untracked = (await untrackedFiles(root, candidates)) ?? (await listUntrackedByGit(root));
    return { paths: mergeSorted(untracked, present, ascending), truncated: false };
  }
  const paths: string[] = [];
  await walk(root, "", paths);
  return { paths: paths.sort(), truncated: false };
}

/** The untracked files as git lists them, when `git check-ignore` could not say what is ignored. */
async function listUntrackedByGit(root: string): Promise<string[]> {
  const listed = await gitMaybe(root, ["ls-files", "-z", "--others", "--exclude-standard", ...untrackedExcludeArgs]);
  return (listed ?? "").split("\0").filter(Boolean).sort();
}

/**
 * The entries of `git ls-files -z -t --cached`, in path order; an unmerged path (one entry per
 * stage) once. `skipWorktree`: the files outside a sparse checkout, tracked but not checked out.
 * `ascending`: whether git's order (by bytes) is JavaScript's too (see `mergeSorted`).
 */
function splitListing(listed: string): { tracked: string[]; skipWorktree: Set<string>; ascending: boolean } {
  const tracked: string[] = [];
  const skipWorktree = new Set<string>();
  let ascending = true;
  let previous = "";
  // Each entry is "<tag> <path>\0": the path is cut straight out of the output, one string per file.
  for (let at = 0; at < listed.length;) {
    let end = listed.indexOf("\0", at);
    if (end < 0) end = listed.length;
    const tag = listed.charCodeAt(at);
    const path = end - at > 2 ? listed.slice(at + 2, end) : "";
    at = end + 1;
    if (path === "" || path === previous) continue;
    if (ascending && tracked.length > 0 && !(previous < path)) ascending = false;
    previous = path;
    tracked.push(path);
    if (tag === 83 /* S */) skipWorktree.add(path);
  }
  return { tracked, skipWorktree, ascending };
}

const isAscending = (paths: readonly string[]) => {
  for (let index = 1; index < paths.length; index++) if (!(paths[index - 1]! < paths[index]!)) return false;
  return true;
};

/**
 * Two listings as one, sorted and without repeats (`secondAscending`: whether the second is in order, as found when it was read). git sorts each by bytes, which is the order
 * of JavaScript's comparison for nearly every name; when a list is not in that order (a name
 * past U+FFFF beside one in U+E000-U+FFFF), the whole is sorted again.
 */
function mergeSorted(first: readonly string[], second: readonly string[], secondAscending: boolean): string[] {
  if (!isAscending(first) || !secondAscending) return [...new Set([...first, ...second])].sort();
  if (first.length === 0) return [...second];
  const merged: string[] = [];
  let a = 0;
  let b = 0;
  while (a < first.length || b < second.length) {
    const next = b >= second.length || (a < first.length && first[a]! <= second[b]!) ? first[a++]! : second[b++]!;
    if (merged.length === 0 || merged[merged.length - 1] !== next) merged.push(next);
  }
  return merged;
}
