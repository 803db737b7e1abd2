// Bundles the CLI for the package (`npm run build`, after tsc): lib/cli/bundle/main.js and one chunk per command
// (esbuild's code splitting keeps each command's `await import()` lazy). Node then reads a few
// files instead of resolving and compiling some 300 modules one by one, which cost `scorecard`
// and `validate` more CPU than their work. bin/cto-copilot.js runs the bundle; lib/ keeps the
// modules for those who import them.
import { rmSync } from "node:fs";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-action.js";

const outdir = new URL("../lib/cli/bundle/", import.meta.url).pathname;
// Chunks are named by their content hash: the previous build's would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });
await build({
  ...bundleOptions,
  entryPoints: [new URL("../src/cli/main.ts", import.meta.url).pathname],
  // Chunks sit three levels below the package, as src/cli/program/shared.ts does, so it finds package.json.
  outdir,
  splitting: true,
  chunkNames: "chunk-[hash]",
  // Less text for V8 to scan at every start; names are kept, so a stack trace (DEBUG=cto-copilot) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
});
