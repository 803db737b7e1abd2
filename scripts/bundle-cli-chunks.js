// Bundles the CLI for the package (`npm run build`, after tsc): lib/cli/bundle/main-<hash>.cjs and one chunk per command
// (esbuild's code splitting keeps each command's `await import()` lazy). Node then reads a few
// files instead of resolving and compiling some 300 modules one by one, which cost `scorecard`
// and `validate` more CPU than their work. bin/cto-copilot.js runs the bundle; lib/ keeps the
// modules for those who import them.
//
// The chunks are split as ES modules, then each is turned into a CommonJS function body (its
// imports become `require("./chunk-….cjs")`, its `await import()` a promised require): Node 20
// keeps no compiled code of an ES module between runs, but a script's compiled code can be kept
// (V8's code cache), and bin/cto-copilot.js keeps it.
import { readFileSync, rmSync, mkdirSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { build, transform } from "esbuild";
import { bundleOptions } from "./bundle-action.js";

/**
 * commander loads node:child_process as it loads, for subcommands that are programs of their own
 * (this CLI has none), and the module brings dgram and the process wrappers with it: `validate`,
 * which starts no child, paid for them on every run. commander's require of it gets a stand-in that
 * loads the module when a property is first read.
 */
const childProcessOnFirstUse = {
  name: "child-process-on-first-use",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, ({ importer, kind }) => {
      if (!/[\\/]node_modules[\\/]commander[\\/]/.test(importer)) return undefined;
      // The stand-in has no properties of its own until used: an ES import of it would read as empty.
      if (kind !== "require-call")
        return {
          errors: [{ text: `commander imports child_process by ${kind}: the stand-in here serves require() only` }],
        };
      return { path: "child_process", namespace: "on-first-use" };
    });
    build.onLoad({ filter: /.*/, namespace: "on-first-use" }, () => ({
      contents:
        'let loaded;\nmodule.exports = new Proxy({}, { get: (_, key) => (loaded ??= require("node:child_process"))[key] });\n',
      loader: "js",
    }));
  },
};

const outdir = new URL("../lib/cli/bundle/", import.meta.url).pathname;
const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
const { outputFiles } = await build({
  ...bundleOptions,
  plugins: [...bundleOptions.plugins, childProcessOnFirstUse],
  // `require` is the loader's (bin/cto-copilot.js), not one made from import.meta.
  banner: {},
  entryPoints: [new URL("../src/cli/main.ts", import.meta.url).pathname],
  // The version is written in: a chunk has no import.meta to find package.json from.
  define: { "process.env.CTO_COPILOT_BUNDLED_VERSION": JSON.stringify(version) },
  outdir,
  splitting: true,
  // Every file is named by a hash of its content, the entry too: bin/load-bundle.js keeps compiled
  // code under these names, so a changed file is never given another text's code.
  entryNames: "[name]-[hash]",
  chunkNames: "chunk-[hash]",
  write: false,
});

// Chunks are named by their content hash: the previous build's would stay beside the new ones.
rmSync(outdir, { recursive: true, force: true });
mkdirSync(outdir, { recursive: true });
for (const file of outputFiles) {
  const { code } = await transform(file.text, {
    format: "cjs",
    platform: "node",
    target: "node20",
    minifyWhitespace: true,
    minifySyntax: true,
    // `import("./chunk-X.js")` becomes a promised require: a script compiled by the loader has no module loader.
    supported: { "dynamic-import": false },
    logLevel: "warning",
  });
  const cjs = code.replace(/require\("\.\/(chunk-[A-Z0-9]+)\.js"\)/g, 'require("./$1.cjs")');
  if (/\bimport\.meta\b/.test(cjs)) throw new Error(`${basename(file.path)} uses import.meta, which a chunk cannot`);
  writeFileSync(file.path.replace(/\.js$/, ".cjs"), cjs);
}
