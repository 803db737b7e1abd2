import { mkdir, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { FilePublisher } from "../ports/publisher.js";

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** Publishes files into the working tree under `root` (the CLI's `--write`). */
export function localPublisher(root: string): FilePublisher {
  return {
    async writeFiles(write) {
      const paths = Object.keys(write.files);
      for (const path of paths) await writeAtomically(join(root, path), write.files[path]!);
      return { branch: "working tree", paths };
    },
  };
}
