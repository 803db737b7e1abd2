import { isSourceKind, kindsIn, type Ecosystem, type FileKind } from "./repository-files.js";
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
const classifiedListings = new WeakMap<readonly string[], Classified>();

/**
 * Sorts a listing into kinds in one pass, once per listing. The lists of configuration files are
 * sorted (closest to the root first) so findings never depend on the listing's order; source
 * files are only counted, per directory.
 */
export function classify(paths: readonly string[]): Classified {
  const known = classifiedListings.get(paths);
  if (known) return known;
  const byKind = new Map<FileKind, string[]>();
  const sourceCounts = new Map<FileKind, Map<string, number>>();
  // Files of one directory come together in a sorted listing: its name is cut once per run, and
  // its source files counted in the run, not file by file.
  let runDirectory = "";
  let runPrefix = "";
  let runKinds = kindsIn("");
  let runKind: FileKind | undefined;
  let runCount = 0;
  const endRun = () => {
    if (runKind === undefined) return;
    let counts = sourceCounts.get(runKind);
    if (!counts) sourceCounts.set(runKind, (counts = new Map()));
    counts.set(runDirectory, (counts.get(runDirectory) ?? 0) + runCount);
    runKind = undefined;
    runCount = 0;
  };
  for (const path of paths) {
    // Another directory than the run's: the path does not start with its prefix, or goes deeper.
    if (!path.startsWith(runPrefix) || path.indexOf("/", runPrefix.length) >= 0) {
      endRun();
      const slash = path.lastIndexOf("/");
      runDirectory = slash < 0 ? "" : path.slice(0, slash);
      runPrefix = slash < 0 ? "" : path.slice(0, slash + 1);
      runKinds = kindsIn(runDirectory);
    }
    if (runKinds === undefined) continue;
    const kind = runKinds(path, runPrefix === "" ? path : path.slice(runPrefix.length));
    if (kind === undefined) continue;
    if (isSourceKind(kind)) {
      // Source files are counted, never listed: the languages are weighed by directory.
      if (kind !== runKind) {
        endRun();
        runKind = kind;
      }
      runCount++;
      continue;
    }
    const list = byKind.get(kind);
    if (list) list.push(path);
    else byKind.set(kind, [path]);
  }
  endRun();
  for (const list of byKind.values()) sortByDepthThenPath(list);
  const classified = { byKind, sourceCounts };
  classifiedListings.set(paths, classified);
  return classified;
}

/** Sorts paths closest to the root first, then by path (`byDepthThenPath`), each path's depth counted once. */
function sortByDepthThenPath(paths: string[]): void {
  const keyed = paths.map((path) => ({ path, depth: depthOf(path) }));
  keyed.sort((a, b) => a.depth - b.depth || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  keyed.forEach(({ path }, index) => (paths[index] = path));
}

const noCounts: ReadonlyMap<string, number> = new Map();

/** The detectors' view of a listing and the texts read from it. */
export function repositoryOf(paths: readonly string[], contents: ReadonlyMap<string, string>): Repository {
  const { byKind, sourceCounts } = classify(paths);
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
