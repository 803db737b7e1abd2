import { lstat, readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import {
  workingTree,
  type ContentRequest,
  type FileContent,
  type RepositoryContents,
} from "../ports/repository-view.js";
import { gitMaybe } from "./git.js";
import { readBlobs } from "./read-blobs.js";

// The text as written, a byte order mark included (validation reports it; JSON.parse refuses it).
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

function content(path: string, byteSize: number, bytes: Uint8Array | undefined): FileContent {
  return bytes === undefined
    ? { path, byteSize, text: null, unread: "too-large" }
    : { path, byteSize, text: decoder.decode(bytes), bytes };
}

/**
 * A regular file of the working tree, read as a file: a symbolic link is reported and never
 * followed (a committed link to /proc/self/environ must not print a job's secrets), a FIFO or a
 * device is not read at all.
 */
async function readWorkingTreeFile(root: string, path: string, maxBytes: number): Promise<FileContent | undefined> {
  const absolute = join(root, path);
  const info = await lstat(absolute).catch(() => undefined);
  if (info?.isSymbolicLink()) return { path, byteSize: 0, text: null, unread: "symlink" };
  if (!info?.isFile()) return undefined;
  return content(path, info.size, info.size > maxBytes ? undefined : await readFile(absolute));
}

/**
 * Files and directory listings from the working tree under `root` (ref `workingTree`), or at a
 * git ref of the repository in `gitDir` (one `git cat-file --batch` for all files).
 */
export async function readLocalContents(
  root: string,
  gitDir: string,
  ref: string,
  wanted: ContentRequest,
): Promise<RepositoryContents> {
  const result: RepositoryContents = { files: new Map(), directories: new Map() };
  const maxBytes = wanted.maxBytes ?? Number.POSITIVE_INFINITY;
  if (ref === workingTree) {
    for (const path of wanted.files ?? []) {
      const file = await readWorkingTreeFile(root, path, maxBytes);
      if (file) result.files.set(path, file);
    }
    for (const directory of wanted.directories ?? []) {
      const names = await readdir(join(root, directory)).catch(() => undefined);
      if (names) result.directories.set(directory, names.sort());
    }
    return result;
  }
  for (const [path, blob] of await readBlobs(gitDir, ref, wanted.files ?? []))
    result.files.set(path, content(path, blob.size, blob.size > maxBytes ? undefined : blob.bytes));
  for (const directory of wanted.directories ?? []) {
    const listing = await gitMaybe(gitDir, ["ls-tree", "-z", "--name-only", `${ref}:./${directory}`, "--"]);
    if (listing !== undefined) result.directories.set(directory, listing.split("\0").filter(Boolean));
  }
  return result;
}

/** A regular file's text, or undefined for a missing file, a link, a FIFO or a device, or one over `maxBytes`. */
export async function readRegularFile(
  absolute: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<string | undefined> {
  const info = await lstat(absolute).catch(() => undefined);
  if (!info?.isFile() || info.size > maxBytes) return undefined;
  return readFile(absolute, "utf8");
}
