// Loads the bundled CLI (lib/cli/bundle/*.cjs, built by scripts/bundle-cli-chunks.js), keeping each
// chunk's compiled code between runs. Compiling the chunks a command needs cost it more CPU than
// its work (a third of `validate` on a fresh tree); V8 can hand back a script's compiled code
// (its code cache), which Node 20 does for no module by itself. Each chunk is compiled once per
// version of its text: every file of the bundle is named by a hash of its content (by esbuild),
// the cache entry by that name with the file's size and modification time (no hashing here: a
// hash function costs more to load than it would save), and V8 refuses an entry made by another
// V8 or other flags (the chunk is then compiled and its entry written again).
//
// The cache lives in the user's cache directory ($XDG_CACHE_HOME, else ~/.cache), in directories
// that must be the user's own, real (no links) and writable by no one else, else it is not used;
// each entry is checked whole before V8 sees it (isPrivate, readEntry, sealed). Nothing is written
// when that fails (a read-only home), and NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns it off.
//
// CommonJS, as the command's entry is (bin/package.json): Node starts a CommonJS entry faster than an ES module.
const {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  rmSync,
  writeFileSync,
} = require("node:fs");
const { createRequire } = require("node:module");
const { homedir } = require("node:os");
const { isAbsolute, join, sep } = require("node:path");
const vm = require("node:vm");
const { crc32 } = require("node:zlib");

const bundle = join(__dirname, "..", "lib", "cli", "bundle");

/** This package's own cache directory: one per installed copy and Node version, so that none overwrites another's. */
function cacheDirectory(env) {
  if (env.NODE_DISABLE_COMPILE_CACHE === "1") return undefined;
  // A relative XDG_CACHE_HOME is ignored (the XDG rule): it would put the cache in the user's repository.
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  const copy = `${process.version}-${process.arch}-${bundle.replace(/[^A-Za-z0-9]+/g, "_").slice(-120)}`;
  const ours = join(base, "cto-copilot");
  const compiled = join(ours, "compiled");
  return { path: join(compiled, copy), chain: [ours, compiled, join(compiled, copy)] };
}

/** Made by this user and writable by no one else: a file or directory itself, never a link to one. */
function isOwn(info) {
  // Windows has no owners or modes to compare: a home directory is the user's own there.
  if (process.platform === "win32") return true;
  return info.uid === process.getuid() && (info.mode & 0o022) === 0;
}

/**
 * Every directory of ours, from `cto-copilot/` down, is a real directory (no symbolic link), the
 * user's own and writable by no one else: otherwise someone else could put code there, or point
 * the clean-up at files that are not ours. A cache that fails this is not used at all.
 */
function isPrivate(directory) {
  try {
    return directory.chain.every((path) => {
      const info = lstatSync(path);
      return info.isDirectory() && !info.isSymbolicLink() && isOwn(info);
    });
  } catch {
    return false;
  }
}

/** An entry's file name: the chunk's name, size and modification time (`chunk-AB12CD.cjs.5123.1733443200000`). */
const entryName = /^(?:main|chunk)-[A-Za-z0-9]+\.cjs\.\d+\.\d+$/;

/**
 * An entry is its data behind an 8-byte header (its length and CRC-32): V8 checks the code cache's
 * header only, and a damaged body could crash the process, so a body that does not match is not used.
 */
function sealed(data) {
  const header = Buffer.alloc(8);
  header.writeUInt32LE(data.length, 0);
  header.writeUInt32LE(crc32(data), 4);
  return Buffer.concat([header, data]);
}

/**
 * One buffer for every file the loader reads, grown when a file needs more. What is read is used
 * before the next read: a chunk's text is copied into a string, an entry's code is read by V8 while
 * the chunk is compiled (`new vm.Script` does not keep it). Memory a process touches for the first
 * time costs it a page fault per 4 KiB, which came to more than the reads (measured: a fresh buffer
 * per file cost `validate` some 200 faults).
 */
let scratch = Buffer.allocUnsafeSlow(0);

/**
 * The file behind `descriptor` (its size known) into the scratch buffer from `offset`, with `spare`
 * bytes of room after it; returns how much was read. Valid until the next read.
 */
function readInto(descriptor, size, offset = 0, spare = 0) {
  const needed = offset + size + spare;
  if (scratch.length < needed) scratch = Buffer.allocUnsafeSlow(Math.max(needed, 2 * scratch.length));
  let filled = 0;
  while (filled < size) {
    const read = readSync(descriptor, scratch, offset + filled, size - filled, filled);
    if (read === 0) break; // the file shrank since it was measured
    filled += read;
  }
  return filled;
}

/** An entry's code cache, when the file is the user's own (opened without following a link) and its body is whole. */
function readEntry(path) {
  let descriptor;
  try {
    descriptor = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const info = fstatSync(descriptor);
    if (!isOwn(info)) return undefined;
    const length = readInto(descriptor, info.size);
    if (length < 8) return undefined;
    const data = scratch.subarray(8, length);
    return scratch.readUInt32LE(0) === data.length && scratch.readUInt32LE(4) === crc32(data) ? data : undefined;
  } catch {
    return undefined;
  } finally {
    if (descriptor !== undefined) closeSync(descriptor);
  }
}

const wrapperStart = "(function (exports, require, module) {";
const wrapperEnd = "\n})";

/**
 * A chunk's text inside its function wrapper, with the size and modification time of the very file
 * read. The chunks are ASCII (esbuild escapes the rest): latin1 takes them as they are, without
 * decoding, and the wrapper is written around them in the scratch buffer (one copy of the text: the string).
 */
function readChunk(file) {
  const descriptor = openSync(file, "r");
  try {
    const { size, mtimeMs } = fstatSync(descriptor);
    const end = wrapperStart.length + readInto(descriptor, size, wrapperStart.length, wrapperEnd.length);
    scratch.write(wrapperStart, 0, "latin1");
    scratch.write(wrapperEnd, end, "latin1");
    return { source: scratch.toString("latin1", 0, end + wrapperEnd.length), size, mtimeMs };
  } finally {
    closeSync(descriptor);
  }
}

/** Loads the bundle's entry (`main-<hash>.cjs`) and returns its exports; `flush()` writes the code cache of the chunks compiled afresh. */
function loadBundle(env = process.env) {
  const directory = cacheDirectory(env);
  const cached = directory !== undefined && isPrivate(directory) ? new Set(readdirSync(directory.path)) : new Set();
  const main = readdirSync(bundle).find((name) => /^main-[A-Z0-9]+\.cjs$/.test(name));
  if (main === undefined) throw new Error(`no CLI bundle in ${bundle}: run \`npm run build\``);
  const nodeRequire = createRequire(join(bundle, main));
  const modules = new Map();
  const compiled = [];

  function load(name) {
    const known = modules.get(name);
    if (known) return known.exports;
    // Joined by hand: both sides are already clean, and path.join per chunk was hot enough to be optimised.
    const file = `${bundle}${sep}${name}`;
    const { source, size, mtimeMs } = readChunk(file);
    const entry = `${name}.${size}.${Math.trunc(mtimeMs)}`;
    // In the scratch buffer: used by the compile below and never kept (the next read overwrites it).
    const cachedData = cached.has(entry) ? readEntry(`${directory.path}${sep}${entry}`) : undefined;
    const script = new vm.Script(source, {
      filename: file,
      ...(cachedData ? { cachedData } : {}),
    });
    if (directory !== undefined && (!cachedData || script.cachedDataRejected)) compiled.push({ name, entry, script });
    const module = { exports: {} };
    modules.set(name, module);
    script.runInThisContext()(
      module.exports,
      (id) => (id.startsWith("./chunk-") ? load(id.slice(2)) : nodeRequire(id)),
      module,
    );
    return module.exports;
  }

  /**
   * Writes the compiled code of the chunks that had none, after the command ran (so it holds the
   * functions the command called, not only the top level); each entry is written whole (renamed
   * into place), and the entries of a chunk's earlier versions are removed.
   */
  function flush() {
    if (compiled.length === 0) return;
    try {
      mkdirSync(directory.path, { recursive: true, mode: 0o700 });
      if (!isPrivate(directory)) return;
      const written = new Set();
      for (const { name, entry, script } of compiled) {
        const temporary = join(directory.path, `${entry}.${process.pid}.tmp`);
        try {
          // `wx`: a new file of ours, never one that is already there (or a link someone left).
          writeFileSync(temporary, sealed(script.createCachedData()), { mode: 0o600, flag: "wx" });
          renameSync(temporary, join(directory.path, entry));
          written.add(name);
        } catch {
          rmSync(temporary, { force: true });
        }
      }
      // Entries of chunks this build no longer has, and of a chunk's earlier texts. Only names an
      // entry can have are ever removed (another process's entry being written is left alone).
      const present = new Set(readdirSync(bundle));
      const current = new Set(compiled.map((chunk) => chunk.entry));
      for (const old of readdirSync(directory.path)) {
        if (!entryName.test(old)) continue;
        const name = old.slice(0, old.indexOf(".cjs.") + 4);
        if (!present.has(name) || (written.has(name) && !current.has(old)))
          rmSync(join(directory.path, old), { force: true });
      }
    } catch {
      // A cache that cannot be written costs the next run its compiling, nothing else.
    }
  }

  return { exports: load(main), flush };
}

module.exports = { loadBundle };
