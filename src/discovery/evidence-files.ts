import type { FilesByDirectory } from "./files-by-directory.js";
import { kindInfo, type FileKind } from "./repository-files.js";
import { classify } from "./repository.js";
import { depthOf } from "./text.js";

/**
 * Files read at most. The App fetches them in GraphQL batches of 50, so 300 is six requests
 * for even the largest monorepo; past it, the files farthest from the root are left out (each
 * kind has its own cap as well, so hundreds of `.tf` files cannot push out the manifests).
 */
export const maxEvidenceFiles = 300;

/**
 * The files whose text discovery reads, closest to the root first, then by path. The listing is
 * sorted into kinds once (`classify`, shared with the detectors); only the few candidates are
 * sorted here. Lockfiles are never read: manifests say what a project
 * chose, lockfiles list everything it pulled in.
 */
export function selectEvidenceFiles(files: FilesByDirectory, bound = maxEvidenceFiles): string[] {
  const candidates: { path: string; kind: FileKind; depth: number }[] = [];
  for (const [kind, paths] of classify(files).byKind)
    if (kindInfo[kind].read) for (const path of paths) candidates.push({ path, kind, depth: depthOf(path) });
  candidates.sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const taken = new Map<FileKind, number>();
  const chosen: string[] = [];
  for (const { path, kind } of candidates) {
    if (chosen.length >= bound) break;
    const cap = kindInfo[kind].cap;
    const count = taken.get(kind) ?? 0;
    if (cap !== undefined && count >= cap) continue;
    taken.set(kind, count + 1);
    chosen.push(path);
  }
  return chosen;
}
