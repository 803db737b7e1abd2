/**
 * The files of a tree by directory: each directory that holds files (root-relative, "" for the
 * root, no trailing slash) with the names of the files directly in it. A listing of 100,000 files
 * held so is a few hundred lists of names, not 100,000 paths: the local view reads the names from
 * each directory as they are, and discovery looks at each name once, with what its directory says
 * settled once.
 */
export type FilesByDirectory = ReadonlyMap<string, readonly string[]>;

/**
 * A listing that keeps each directory's names as one string (`\0` between them: no path holds one)
 * and gives them as a list when asked, a fresh one each time. 100,000 names read from the file
 * system and kept a string each outlive two collections of V8's young generation, are copied each
 * time, and fill new pages of its old one; packed, they die young and the old generation holds a
 * string per directory. A consumer reads each directory once (`classify`); one that asks again
 * gets the same names in the same order.
 */
export class PackedFilesByDirectory implements ReadonlyMap<string, readonly string[]> {
  readonly #packed = new Map<string, string>();
  #files = 0;

  /** How many files the listing holds. */
  get fileCount(): number {
    return this.#files;
  }

  /** Sets a directory's names (one or more), in the order they are to be given. */
  setNames(directory: string, names: readonly string[]): void {
    const before = this.#packed.get(directory);
    if (before) this.#files -= before.split("\0").length;
    this.#packed.set(directory, names.join("\0"));
    this.#files += names.length;
  }

  /** Adds a path (`dir/name`, or `name` at the root) after its directory's names. */
  addPath(path: string): void {
    const [directory, name] = directoryAndName(path);
    const names = this.#packed.get(directory);
    this.#packed.set(directory, names ? `${names}\0${name}` : name);
    this.#files++;
  }

  get size(): number {
    return this.#packed.size;
  }

  has(directory: string): boolean {
    return this.#packed.has(directory);
  }

  get(directory: string): string[] | undefined {
    return this.#packed.get(directory)?.split("\0");
  }

  *entries(): MapIterator<[string, string[]]> {
    for (const [directory, names] of this.#packed) yield [directory, names.split("\0")];
  }

  keys(): MapIterator<string> {
    return this.#packed.keys();
  }

  *values(): MapIterator<string[]> {
    for (const names of this.#packed.values()) yield names.split("\0");
  }

  forEach(
    callback: (names: readonly string[], directory: string, map: ReadonlyMap<string, readonly string[]>) => void,
  ): void {
    for (const [directory, names] of this.entries()) callback(names, directory, this);
  }

  [Symbol.iterator](): MapIterator<[string, string[]]> {
    return this.entries();
  }
}

/** A path's directory ("" at the root) and name. */
function directoryAndName(path: string): [string, string] {
  const slash = path.lastIndexOf("/");
  return [slash < 0 ? "" : path.slice(0, slash), path.slice(slash + 1)];
}

/** Adds a path (`dir/name`, or `name` at the root) to its directory's names. */
function addPath(files: Map<string, string[]>, path: string): void {
  const [directory, name] = directoryAndName(path);
  const names = files.get(directory);
  if (names) names.push(name);
  else files.set(directory, [name]);
}

/** Paths by directory. The files of one directory come together in a sorted listing: a path in the directory of the one before it is not split again. */
export function filesByDirectory(paths: Iterable<string>): Map<string, string[]> {
  const files = new Map<string, string[]>();
  let prefix = "";
  let names: string[] | undefined;
  for (const path of paths) {
    if (names !== undefined && path.startsWith(prefix) && path.indexOf("/", prefix.length) < 0) {
      names.push(path.slice(prefix.length));
      continue;
    }
    addPath(files, path);
    const slash = path.lastIndexOf("/");
    prefix = path.slice(0, slash + 1);
    names = files.get(path.slice(0, Math.max(slash, 0)));
  }
  return files;
}

/** Every path, sorted. */
export function pathsOf(files: FilesByDirectory): string[] {
  const paths: string[] = [];
  for (const [directory, names] of files)
    for (const name of names) paths.push(directory === "" ? name : `${directory}/${name}`);
  return paths.sort();
}

/** How many files there are. */
export function fileCount(files: FilesByDirectory): number {
  if (files instanceof PackedFilesByDirectory) return files.fileCount;
  let count = 0;
  for (const names of files.values()) count += names.length;
  return count;
}
