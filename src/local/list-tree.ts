// fs.promises, not node:fs/promises: Node loads it when first used, so a command that lists nothing does not.
import { promises as fs } from "node:fs";
import { join } from "node:path";
import { filesByDirectory } from "../discovery/files-by-directory.js";
import type { FileListing } from "../ports/repository-view.js";
import { gitMaybe, gitMaybeSync } from "./git.js";
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
  const listed = gitMaybeSync(root, ["ls-files", "-z", "-t", "--cached"], { wholeRepository: true });
  if (listed !== undefined) {
    const { byDirectory, candidates } = scanWorkingTree(root, listed);
    const untracked = (await untrackedFiles(root, candidates)) ?? (await listUntrackedByGit(root));
    for (const path of untracked) byDirectory.addPath(path);
    return { byDirectory, truncated: false };
  }
  const paths: string[] = [];
  await walk(root, "", paths);
  return { byDirectory: filesByDirectory(paths.sort()), truncated: false };
}

/** The untracked files as git lists them, when `git check-ignore` could not say what is ignored. */
async function listUntrackedByGit(root: string): Promise<string[]> {
  const listed = await gitMaybe(root, ["ls-files", "-z", "--others", "--exclude-standard", ...untrackedExcludeArgs], {
    wholeRepository: true,
  });
  return (listed ?? "").split("\0").filter(Boolean);
}
