import { readdir, readFile, stat } from "node:fs/promises";
import { join, posix, relative, sep } from "node:path";
import picomatch from "picomatch";
import { classifyDataFile, type DataFile } from "../validate/validate-files.js";

export interface DataDirContents {
  /** The files the validator looks at, read unless over the size limit. */
  files: DataFile[];
  /** Every file path under the data directory (for cross-references). */
  knownPaths: string[];
}

async function walk(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    if (entry.name.startsWith(".") && entry.isDirectory()) continue;
    const path = join(directory, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}

/**
 * Reads the data directory under `root`. Files larger than `maxBytes` are listed with their
 * size but not read; files matching an `ignore` glob (relative to the data directory) are skipped.
 */
export async function readDataDir(root: string, dataDir: string, maxBytes: number, ignore: readonly string[]): Promise<DataDirContents> {
  const isIgnored = ignore.length > 0 ? picomatch([...ignore], { dot: true }) : () => false;
  const absolutePaths = (await walk(join(root, dataDir))).sort();
  const knownPaths = absolutePaths.map((path) => relative(root, path).split(sep).join(posix.sep));
  const files: DataFile[] = [];
  for (const [index, path] of knownPaths.entries()) {
    if (classifyDataFile(path, dataDir).type === "ignored") continue;
    if (isIgnored(posix.relative(dataDir, path))) continue;
    const absolute = absolutePaths[index]!;
    const { size } = await stat(absolute);
    files.push(size > maxBytes ? { path, size } : { path, size, bytes: await readFile(absolute) });
  }
  return { files, knownPaths };
}
