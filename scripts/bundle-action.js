// Bundles the Action into one ESM file, dist/index.js (`npm run bundle`). The same options
// are used by the freshness test, so a stale dist/ fails CI.
import { build } from "esbuild";

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
  logLevel: "warning",
};

if (process.argv[1] === new URL(import.meta.url).pathname) {
  await build({ ...bundleOptions, outfile: new URL("../dist/index.js", import.meta.url).pathname });
  console.log("wrote dist/index.js");
}
