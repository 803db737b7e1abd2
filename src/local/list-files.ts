import { readdirSync } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { unwalkedDirectories } from "./untracked-excludes.js";

/**
 * Synchronous: the directories listed here are the data and ADR trees (a few hundred files as a
 * rule), read before anything else can go on; node:fs/promises cost `validate` more to load than the walk.
 */
function walk(directory: string): string[] {
  const entries = readdirSync(directory, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (entry.name.startsWith(".") || unwalkedDirectories.has(entry.name))) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...walk(path));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(path); // a link is listed so that it is reported, never followed
  }
  return out;
}

/** Every file under `directory` (relative to `root`), as sorted root-relative paths with forward slashes; hidden directories and dependency or build trees are skipped. */
export async function listFiles(root: string, directory: string): Promise<string[]> {
  let absolute: string[];
  try {
    absolute = walk(join(root, directory));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "ENOENT" && code !== "ENOTDIR") throw error;
    absolute = [];
  }
  return absolute.map((path) => relative(root, path).split(sep).join(posix.sep)).sort();
}
