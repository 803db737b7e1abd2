// fs.promises, not node:fs/promises: Node loads it when first used, so a command that writes nothing does not.
import { promises as fs } from "node:fs";
import { basename, dirname, join } from "node:path";
import { SymlinkTargetError } from "./errors.js";

/**
 * Writes a file whole or not at all: a temporary file with a random name created exclusively
 * next to the target (a planted `<file>.tmp-…` symlink cannot redirect it), then a rename.
 */
export async function writeAtomically(path: string, text: string): Promise<void> {
  const existing = await fs.lstat(path).catch(() => undefined);
  if (existing?.isSymbolicLink()) throw new SymlinkTargetError(`${path} is a symbolic link; not writing through it`);
  await fs.mkdir(dirname(path), { recursive: true });
  // Loaded here, not above: a command that writes nothing does not load crypto.
  const { randomBytes } = await import("node:crypto");
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString("hex")}.tmp`);
  await fs.writeFile(temporary, text, { flag: "wx" });
  try {
    await fs.rename(temporary, path);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error;
  }
}
