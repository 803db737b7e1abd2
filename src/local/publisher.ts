import { join } from "node:path";
import type { FilePublisher } from "../ports/publisher.js";
import { writeAtomically } from "./write-atomically.js";

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
