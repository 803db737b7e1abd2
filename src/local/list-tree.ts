import { readdirSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import type { FileListing } from "../ports/repository-view.js";
import { gitMaybe } from "./git.js";
import { untrackedExcludeArgs, unwalkedDirectories } from "./untracked-excludes.js";

async function walk(root: string, prefix: string, out: string[]): Promise<void> {
  const entries = await readdir(join(root, prefix), { withFileTypes: true }).catch(() => []);
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
 */
export async function listWorkingTree(root: string): Promise<FileListing> {
  // -t tags each path: `?` untracked, `S` skip-worktree (outside a sparse checkout), else tracked.
  const listed = await gitMaybe(root, [
    "ls-files",
    "-z",
    "-t",
    "--cached",
    "--others",
    "--exclude-standard",
    ...untrackedExcludeArgs,
  ]);
  if (listed !== undefined) {
    const entries = listed
      .split("\0")
      .filter((entry) => entry.length > 2)
      .map((entry) => ({ tag: entry[0], path: entry.slice(2) }));
    // A file deleted but not yet committed is gone from what the repository shows.
    const gone = missingFrom(
      root,
      entries.filter((entry) => entry.tag !== "?" && entry.tag !== "S").map((entry) => entry.path),
    );
    const paths = [...new Set(entries.map((entry) => entry.path).filter((path) => !gone.has(path)))].sort();
    return { paths, truncated: false };
  }
  const paths: string[] = [];
  await walk(root, "", paths);
  return { paths: paths.sort(), truncated: false };
}

/**
 * The tracked paths missing from the working tree, found with one listing per directory rather
 * than `git ls-files --deleted`, which stats every tracked file (100,000 lstat calls, 0.15 s of
 * system time in a large monorepo, against some 1,000 directory listings).
 */
function missingFrom(root: string, tracked: readonly string[]): Set<string> {
  const byDirectory = new Map<string, string[]>();
  for (const path of tracked) {
    const slash = path.lastIndexOf("/");
    const directory = slash < 0 ? "" : path.slice(0, slash);
    const names = byDirectory.get(directory) ?? [];
    names.push(path.slice(slash + 1));
    byDirectory.set(directory, names);
  }
  const missing = new Set<string>();
  for (const [directory, names] of byDirectory) {
    let present: Set<string>;
    try {
      present = new Set(readdirSync(join(root, directory)));
    } catch {
      present = new Set();
    }
    for (const name of names) if (!present.has(name)) missing.add(directory ? `${directory}/${name}` : name);
  }
  return missing;
}
