import { isSourceKind, kindsIn, type Ecosystem, type FileKind } from "./repository-files.js";
import type { FilesByDirectory } from "./files-by-directory.js";
import { cleanText, depthOf } from "./text.js";

/** The repository as the detectors see it: its files by kind (closest to the root first) and the texts that were read. */
export interface Repository {
  /** The files of a kind; source files are only counted (`sourceCounts`). */
  files(kind: FileKind): readonly string[];
  /** How many source files of an ecosystem each directory holds directly (languages are weighed by directory, not file by file). */
  sourceCounts(ecosystem: Ecosystem): ReadonlyMap<string, number>;
  /** A file's text, cleaned (BOM, line ends) and capped; undefined when it was not read. */
  text(path: string): string | undefined;
}

/** A listing sorted into kinds: the files of each kind, and the source files counted per directory. */
export interface Classified {
  byKind: ReadonlyMap<FileKind, readonly string[]>;
  sourceCounts: ReadonlyMap<FileKind, ReadonlyMap<string, number>>;
}

/** Listings already sorted: the evidence files and the detectors sort the same listing, and it is done once. */
const classifiedListings = new WeakMap<FilesByDirectory, Classified>();

/**
 * Sorts a listing into kinds, once per listing, a directory at a time: what a directory says is
 * settled once, then each file is looked up by its name. The lists of configuration files are
 * sorted (closest to the root first) so findings never depend on the listing's order; source
 * files are only counted, per directory.
 */
export function classify(files: FilesByDirectory): Classified {
  const known = classifiedListings.get(files);
  if (known) return known;
  const byKind = new Map<FileKind, string[]>();
  const sourceCounts = new Map<FileKind, Map<string, number>>();
  const count = (kind: FileKind, directory: string, files: number) => {
    let counts = sourceCounts.get(kind);
    if (!counts) sourceCounts.set(kind, (counts = new Map()));
    counts.set(directory, (counts.get(directory) ?? 0) + files);
  };
  for (const [directory, names] of files) {
    const kindOfName = kindsIn(directory);
    if (kindOfName !== undefined) classifyDirectory(directory, names, kindOfName, byKind, count);
  }
  for (const list of byKind.values()) sortByDepthThenPath(list);
  const classified = { byKind, sourceCounts };
  classifiedListings.set(files, classified);
  return classified;
}

/** The files of one directory into `byKind`, its source files counted per kind (`count`). */
function classifyDirectory(
  directory: string,
  names: readonly string[],
  kindOfName: (name: string) => FileKind | undefined,
  byKind: Map<FileKind, string[]>,
  count: (kind: FileKind, directory: string, files: number) => void,
): void {
  const prefix = directory === "" ? "" : `${directory}/`;
  // A directory's source files are mostly of one language: counted in runs, not one by one.
  let runKind: FileKind | undefined;
  let runCount = 0;
  for (const name of names) {
    const kind = kindOfName(name);
    if (kind === undefined) continue;
    if (isSourceKind(kind)) {
      // Source files are counted, never listed: the languages are weighed by directory.
      if (kind !== runKind) {
        if (runKind !== undefined) count(runKind, directory, runCount);
        runKind = kind;
        runCount = 0;
      }
      runCount++;
      continue;
    }
    const path = prefix + name;
    const list = byKind.get(kind);
    if (list) list.push(path);
    else byKind.set(kind, [path]);
  }
  if (runKind !== undefined) count(runKind, directory, runCount);
}

/** Sorts paths closest to the root first, then by path (`byDepthThenPath`), each path's depth counted once. */
function sortByDepthThenPath(paths: string[]): void {
  const keyed = paths.map((path) => ({ path, depth: depthOf(path) }));
  keyed.sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  keyed.forEach(({ path }, index) => (paths[index] = path));
}

const noCounts: ReadonlyMap<string, number> = new Map();

/** The detectors' view of a listing and the texts read from it. */
export function repositoryOf(files: FilesByDirectory, contents: ReadonlyMap<string, string>): Repository {
  const { byKind, sourceCounts } = classify(files);
  const texts = new Map<string, string | undefined>();
  return {
    files: (kind) => byKind.get(kind) ?? [],
    sourceCounts: (ecosystem) => sourceCounts.get(`source.${ecosystem}`) ?? noCounts,
    text(path) {
      if (!texts.has(path)) texts.set(path, cleanText(contents.get(path)));
      return texts.get(path);
    },
  };
}
