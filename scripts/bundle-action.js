// Bundles the Action (`npm run bundle`): dist/index.js, a small ESM entry, and dist/chunks/, the
// code each command loads when it runs (esbuild's code splitting keeps every `await import()`
// lazy). An event with nothing to do then reads a few kilobytes instead of compiling megabytes.
// The same options are used by the freshness test, so a stale dist/ fails CI.
import { rmSync } from "node:fs";
import { build } from "esbuild";

/**
 * Packages whose import does nothing the Action relies on until their exports are used: the HTTP
 * stack behind @actions/core's OIDC client (a feature we never call). Saying so lets esbuild leave
 * them out of the entry, where nothing uses them; the chunks that do use them keep them whole.
 */
const unusedUnlessCalled = /^(undici|tunnel|@actions\/http-client)(\/|$)/;
const sideEffectFreeWhenUnused = {
  name: "side-effect-free-when-unused",
  setup(build) {
    build.onResolve({ filter: unusedUnlessCalled }, async ({ path, ...rest }) => {
      if (rest.pluginData?.resolving) return undefined;
      const resolved = await build.resolve(path, { ...rest, pluginData: { resolving: true } });
      return resolved.errors.length > 0 ? undefined : { ...resolved, sideEffects: false };
    });
  },
};

export const bundleOptions = {
  entryPoints: [new URL("../src/action/index.ts", import.meta.url).pathname],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // Prefer ES module builds: jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow.
  mainFields: ["module", "main"],
  // Some dependencies (tunnel, via @actions/http-client) are CommonJS and call require().
  banner: {
    js: "import { createRequire as __ctoCreateRequire } from 'node:module';\nconst require = __ctoCreateRequire(import.meta.url);",
  },
  legalComments: "none",
  // Less text to decode and compile at every start (a third of the Action's start-up was reading
  // and compiling 4.8 MB); names are kept, so a stack trace still reads.
  minifyWhitespace: true,
  minifySyntax: true,
  plugins: [sideEffectFreeWhenUnused],
  logLevel: "warning",
};

const dist = new URL("../dist/", import.meta.url).pathname;

/** The Action's build: dist/index.js and its chunks, named by content so a change anywhere changes index.js. */
export const actionBundleOptions = {
  ...bundleOptions,
  outdir: dist,
  splitting: true,
  chunkNames: "chunks/[hash]",
};

if (process.argv[1] === new URL(import.meta.url).pathname) {
  // The previous build's chunks would stay beside the new ones.
  rmSync(new URL("chunks/", `file://${dist}`), { recursive: true, force: true });
  const { outputFiles } = await build({ ...actionBundleOptions, write: true, metafile: false });
  console.log(`wrote dist/index.js and its chunks${outputFiles ? ` (${outputFiles.length} files)` : ""}`);
}
