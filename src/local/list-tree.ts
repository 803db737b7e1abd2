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
  const [listed, deleted] = await Promise.all([
    gitMaybe(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", ...untrackedExcludeArgs]),
    gitMaybe(root, ["ls-files", "-z", "--deleted"]),
  ]);
  if (listed !== undefined) {
    // A file deleted but not yet committed is gone from what the repository shows.
    const gone = new Set((deleted ?? "").split("\0"));
    const paths = [...new Set(listed.split("\0").filter((path) => path && !gone.has(path)))].sort();
    return { paths, truncated: false };
  }
  const paths: string[] = [];
  await walk(root, "", paths);
  return { paths: paths.sort(), truncated: false };
}
