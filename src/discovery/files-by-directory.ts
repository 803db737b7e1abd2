/**
 * The files of a tree by directory: each directory that holds files (root-relative, "" for the
 * root, no trailing slash) with the names of the files directly in it. A listing of 100,000 files
 * held so is a few hundred lists of names, not 100,000 paths: the local view reads the names from
 * each directory as they are, and discovery looks at each name once, with what its directory says
 * settled once.
 */
export type FilesByDirectory = ReadonlyMap<string, readonly string[]>;

/** Adds a path (`dir/name`, or `name` at the root) to its directory's names. */
export function addPath(files: Map<string, string[]>, path: string): void {
  const slash = path.lastIndexOf("/");
  const directory = slash < 0 ? "" : path.slice(0, slash);
  const name = path.slice(slash + 1);
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
  let count = 0;
  for (const names of files.values()) count += names.length;
  return count;
}
