import { lstat, mkdir, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { SymlinkTargetError } from "./errors.js";

/**
 * Writes a file whole or not at all: a temporary file with a random name created exclusively
 * next to the target (a planted `<file>.tmp-…` symlink cannot redirect it), then a rename.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const existing = await lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new SymlinkTargetError(`${path} is a symbolic link; not writing through it`);
  await mkdir(dirname(path), { recursive: true });
  // Loaded here, not above: a command that writes nothing does not load crypto.
  const { randomBytes } = await import("node:crypto");
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  await writeFile(temporary, text, { flag: "wx" });
  try {
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
