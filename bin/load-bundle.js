// Loads the bundled CLI (lib/cli/bundle/*.cjs, built by scripts/bundle-cli-chunks.js), keeping each
// chunk's compiled code between runs. Compiling the chunks a command needs cost it more CPU than
// its work (a third of `validate` on a fresh tree); V8 can hand back a script's compiled code
// (its code cache), which Node 20 does for no module by itself. Each chunk is compiled once per
// version of its text: every file of the bundle is named by a hash of its content (by esbuild),
// the cache entry by that name with the file's size and modification time (no hashing here: a
// hash function costs more to load than it would save), and V8 refuses an entry made by another
// V8 or other flags (the chunk is then compiled and its entry written again).
//
// The cache lives in the user's cache directory ($XDG_CACHE_HOME, else ~/.cache), in a directory
// only the user can read; nothing is written when that fails (a read-only home), and
// NODE_DISABLE_COMPILE_CACHE=1 (Node's own switch) turns it off.
//
// CommonJS, as the command's entry is (bin/package.json): Node starts a CommonJS entry faster than an ES module.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const { createRequire } = require("node:module");
const { homedir } = require("node:os");
const { isAbsolute, join } = require("node:path");
const vm = require("node:vm");

const bundle = join(__dirname, "..", "lib", "cli", "bundle");

/** This package's own cache directory: one per installed copy and Node version, so that none overwrites another's. */
function cacheDirectory(env) {
  if (env.NODE_DISABLE_COMPILE_CACHE === "1") return undefined;
  // A relative XDG_CACHE_HOME is ignored (the XDG rule): it would put the cache in the user's repository.
  const base = env.XDG_CACHE_HOME && isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : join(homedir(), ".cache");
  const copy = `${process.version}-${process.arch}-${bundle.replace(/[^A-Za-z0-9]+/g, "_").slice(-120)}`;
  return join(base, "cto-copilot", "compiled", copy);
}

/** A directory of ours: made by this user, for this user only. A directory someone else can write to is not used. */
function isPrivate(directory) {
  try {
    const info = statSync(directory);
    // Windows has no owners or modes to compare: a home directory is the user's own there.
    if (process.platform === "win32") return info.isDirectory();
    return info.isDirectory() && info.uid === process.getuid() && (info.mode & 0o022) === 0;
  } catch {
    return false;
  }
}

/** Loads the bundle's entry (`main-<hash>.cjs`) and returns its exports; `flush()` writes the code cache of the chunks compiled afresh. */
function loadBundle(env = process.env) {
  const directory = cacheDirectory(env);
  const cached = directory !== undefined && isPrivate(directory) ? new Set(readdirSync(directory)) : new Set();
  const main = readdirSync(bundle).find((name) => /^main-[A-Z0-9]+\.cjs$/.test(name));
  if (main === undefined) throw new Error(`no CLI bundle in ${bundle}: run \`npm run build\``);
  const nodeRequire = createRequire(join(bundle, main));
  const modules = new Map();
  const compiled = [];

  function load(name) {
    const known = modules.get(name);
    if (known) return known.exports;
    const file = join(bundle, name);
    // The chunks are ASCII (esbuild escapes the rest): latin1 reads them as they are, without decoding.
    const source = readFileSync(file, "latin1");
    const { size, mtimeMs } = statSync(file);
    const entry = `${name}.${size}.${Math.trunc(mtimeMs)}`;
    let cachedData;
    if (cached.has(entry)) {
      try {
        cachedData = readFileSync(join(directory, entry));
      } catch {
        cachedData = undefined;
      }
    }
    const script = new vm.Script(`(function (exports, require, module) {${source}\n})`, {
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
      mkdirSync(directory, { recursive: true, mode: 0o700 });
      if (!isPrivate(directory)) return;
      const written = new Set();
      for (const { name, entry, script } of compiled) {
        const temporary = join(directory, `${entry}.${process.pid}.tmp`);
        try {
          writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
          renameSync(temporary, join(directory, entry));
          written.add(name);
        } catch {
          rmSync(temporary, { force: true });
        }
      }
      // Entries of chunks this build no longer has, and of a chunk's earlier texts (another
      // process's entry being written is left alone).
      const present = new Set(readdirSync(bundle));
      const current = new Set(compiled.map((chunk) => chunk.entry));
      for (const old of readdirSync(directory)) {
        if (old.endsWith(".tmp")) continue;
        const name = old.slice(0, old.indexOf(".cjs.") + 4);
        if (!present.has(name) || (written.has(name) && !current.has(old)))
          rmSync(join(directory, old), { force: true });
      }
    } catch {
      // A cache that cannot be written costs the next run its compiling, nothing else.
    }
  }

  return { exports: load(main), flush };
}

module.exports = { loadBundle };
