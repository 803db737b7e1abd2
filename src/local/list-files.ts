// fs.promises, not node:fs/promises: Node loads it when first used, so a command that lists nothing does not.
import { promises as fs } from "node:fs";
import { join, posix, relative, sep } from "node:path";
import { unwalkedDirectories } from "./untracked-excludes.js";

async function walk(directory: string): Promise<string[]> {
  const entries = await fs.readdir(directory, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.isDirectory() && (entry.name.startsWith(".") || unwalkedDirectories.has(entry.name))) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile() || entry.isSymbolicLink()) out.push(path); // a link is listed so that it is reported, never followed
  }
  return out;
}

/** Every file under `directory` (relative to `root`), as sorted root-relative paths with forward slashes; hidden directories and dependency or build trees are skipped. */
export async function listFiles(root: string, directory: string): Promise<string[]> {
  const absolute = await walk(join(root, directory)).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT" || error.code === "ENOTDIR") return [];
    throw error;
  });
  return absolute.map((path) => relative(root, path).split(sep).join(posix.sep)).sort();
}
