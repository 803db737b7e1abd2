import { isUtf8 } from "node:buffer";
import { closeSync, constants, lstatSync, openSync, readdirSync, readFileSync, readSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  workingTree,
  type ContentRequest,
  type FileContent,
  type RepositoryContents,
} from "../ports/repository-view.js";
import { baseBytes, type BaseVersion } from "./base-versions.js";
import { gitMaybe } from "./git.js";
import { readBlobs } from "./read-blobs.js";

// The text as written, a byte order mark included (validation reports it; JSON.parse refuses it).
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

const startsWithBom = (bytes: Uint8Array) => bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;

function content(path: string, byteSize: number, bytes: Uint8Array | undefined, release?: () => void): FileContent {
  if (bytes === undefined) return { path, byteSize, text: null, unread: "too-large" };
  const text = decoder.decode(bytes);
  if (!isUtf8(bytes) || startsWithBom(bytes)) return { path, byteSize, text, bytes };
  // A clean file is held once, as text: a 200 MB data file must not cost its size twice while it is parsed.
  release?.();
  return { path, byteSize, text };
}

/**
 * A regular file of the working tree, read as a file: a symbolic link is reported and never
 * followed (a committed link to /proc/self/environ must not print a job's secrets), a FIFO or a
 * device is not read at all.
 */
async function readWorkingTreeFile(root: string, path: string, maxBytes: number): Promise<FileContent | undefined> {
  const absolute = join(root, path);
  // Synchronous, as the read is: a change of 5,000 files costs 5,000 round trips to the thread pool otherwise.
  const info = lstatSync(absolute, { throwIfNoEntry: false });
  if (info?.isSymbolicLink()) return { path, byteSize: 0, text: null, unread: "symlink" };
  if (!info?.isFile()) return undefined;
  if (info.size > maxBytes) return content(path, info.size, undefined);
  let read: ReturnType<typeof readWhole>;
  try {
    read = readWhole(absolute, info.size);
  } catch (error) {
    // No permission, or swapped for a link since the lstat: a finding about this file, not a crash of the run.
    const { code, message } = error as NodeJS.ErrnoException;
    const problem = code ? `${code}: ${message.split(",")[0]!.replace(/^\w+:\s*/, "")}` : String(error);
    return { path, byteSize: info.size, text: null, unread: "unreadable", problem };
  }
  return content(path, info.size, read.bytes, read.release);
}

// Resizable buffers are in Node 20 (V8 11.3) but in TypeScript's ES2024 library, which would also
// admit APIs Node 20 lacks (Object.groupBy, Promise.withResolvers): declared here alone.
type ResizableArrayBufferConstructor = new (
  byteLength: number,
  options: { maxByteLength: number },
) => ArrayBuffer & { resize(byteLength: number): void };

/** Files above this size are read into a resizable buffer (see readWhole). */
const resizableFrom = 1024 * 1024;

/**
 * The file's bytes, a large file's in a buffer that can be given back at once: a garbage-collected buffer of
 * a 200 MB file lives on while its text is parsed (measured: peak memory 3.5x the file instead
 * of 2.3x), while a resizable one shrunk to nothing returns its pages there and then.
 * Synchronous on purpose: an async readFile takes 512 KiB at a time (400 round trips for a
 * 200 MB file). O_NOFOLLOW: a link swapped in after the lstat is refused, not followed.
 */
function readWhole(absolute: string, size: number): { bytes: Uint8Array; release: () => void } {
  const descriptor = openSync(absolute, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    // A small file in an ordinary buffer: a resizable one costs a mapping and its changes (four
    // system calls a file, a third of the system time of an `adr check` of 5,000 files).
    const resizable =
      size > resizableFrom
        ? new (ArrayBuffer as unknown as ResizableArrayBufferConstructor)(size, { maxByteLength: size })
        : undefined;
    const buffer = resizable ?? new ArrayBuffer(size);
    const bytes = new Uint8Array(buffer);
    let filled = 0;
    while (filled < size) {
      const read = readSync(descriptor, bytes, filled, size - filled, filled);
      if (read === 0) break; // the file shrank since it was measured
      filled += read;
    }
    return { bytes: bytes.subarray(0, filled), release: () => resizable?.resize(0) };
  } finally {
    closeSync(descriptor);
  }
}

/** What the view knows of a ref from the diff that listed its changes, and the working-tree reads it may reuse. */
export interface KnownVersions {
  /** Path -> blob id at the ref: read by id, with no path lookup. */
  blobs?: ReadonlyMap<string, string>;
  /** Path -> blob id and patch to the working tree: rebuilt from the working tree, no read of the blob at all. */
  versions?: ReadonlyMap<string, BaseVersion>;
  /** Working-tree files just read whose base version is known: taken (and forgotten) when the base is asked for. */
  worktreeReads?: Map<string, FileContent | undefined>;
}

/** Working-tree files larger than this are not read again to rebuild their base: the blob is read instead. */
const maxRebuiltBytes = 4 * 1024 * 1024;

/**
 * Files and directory listings from the working tree under `root` (ref `workingTree`), or at a
 * git ref of the repository in `gitDir` (one `git cat-file --batch` for all files; by blob id
 * where `known.blobs` has the path at that ref; rebuilt from the working tree where
 * `known.versions` has its patch and the result is that very blob).
 */
export async function readLocalContents(
  root: string,
  gitDir: string,
  ref: string,
  wanted: ContentRequest,
  known: KnownVersions = {},
): Promise<RepositoryContents> {
  const result: RepositoryContents = { files: new Map(), directories: new Map() };
  const maxBytes = wanted.maxBytes ?? Number.POSITIVE_INFINITY;
  if (ref === workingTree) {
    for (const path of wanted.files ?? []) {
      const file = await readWorkingTreeFile(root, path, maxBytes);
      if (file) result.files.set(path, file);
      // Kept for the base read only while small: a large file is read again rather than held.
      if (known.worktreeReads && known.versions?.has(path) && (file?.byteSize ?? 0) <= maxRebuiltBytes)
        known.worktreeReads.set(path, file);
    }
    for (const directory of wanted.directories ?? []) {
      const names = listDirectory(join(root, directory));
      if (names) result.directories.set(directory, names.sort());
    }
    return result;
  }
  const files = wanted.files ?? [];
  const rebuilt = known.versions ? await rebuiltBases(root, files, known) : new Map<string, Uint8Array>();
  const unbuilt = rebuilt.size === 0 ? files : files.filter((path) => !rebuilt.has(path));
  const blobs = await readBlobs(gitDir, ref, unbuilt, known.blobs);
  for (const path of files) {
    const bytes = rebuilt.get(path) ?? blobs.get(path)?.bytes;
    const size = rebuilt.get(path)?.length ?? blobs.get(path)?.size;
    if (bytes !== undefined && size !== undefined)
      result.files.set(path, content(path, size, size > maxBytes ? undefined : bytes));
  }
  for (const directory of wanted.directories ?? []) {
    const listing = await gitMaybe(gitDir, ["ls-tree", "-z", "--name-only", `${ref}:./${directory}`, "--"]);
    if (listing !== undefined) result.directories.set(directory, listing.split("\0").filter(Boolean));
  }
  return result;
}

/**
 * The base versions of `paths` rebuilt from the working tree and the diff's patches, each checked
 * against its blob id (a file changed since the diff, or one git filters, is read as a blob).
 * A read of the working tree asked for at the same time goes first: its texts are reused.
 */
async function rebuiltBases(
  root: string,
  paths: readonly string[],
  known: KnownVersions,
): Promise<Map<string, Uint8Array>> {
  const rebuilt = new Map<string, Uint8Array>();
  if (!paths.some((path) => known.versions!.has(path))) return rebuilt;
  // The working-tree read runs on promises already settled: it is done before the next turn of the event loop.
  await new Promise((resolve) => setImmediate(resolve));
  for (const path of paths) {
    const version = known.versions!.get(path);
    if (version === undefined) continue;
    const read = known.worktreeReads?.has(path)
      ? known.worktreeReads.get(path)
      : await readWorkingTreeFile(root, path, maxRebuiltBytes);
    known.worktreeReads?.delete(path);
    // A file gone from the working tree (removed): its patch holds the whole base.
    const after = read === undefined ? "" : read.text;
    if (after === null || read?.bytes !== undefined) continue;
    const bytes = baseBytes(after, version);
    if (bytes) rebuilt.set(path, bytes);
  }
  return rebuilt;
}

/**
 * The names in a working-tree directory, or undefined when there is none (or it cannot be read).
 * Synchronous, as the reads are: most asked-for directories do not exist, and an asynchronous
 * miss costs a round trip to the thread pool and an error with a stack.
 */
function listDirectory(absolute: string): string[] | undefined {
  try {
    return statSync(absolute, { throwIfNoEntry: false }) ? readdirSync(absolute) : undefined;
  } catch {
    return undefined;
  }
}

/** A regular file's text, or undefined for a missing file, a link, a FIFO or a device, or one over `maxBytes`. */
export async function readRegularFile(
  absolute: string,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<string | undefined> {
  // Synchronous, as the other working-tree reads are (see listDirectory).
  let info: ReturnType<typeof lstatSync>;
  try {
    info = lstatSync(absolute, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!info?.isFile() || info.size > maxBytes) return undefined;
  return readFileSync(absolute, "utf8");
}
