// Bundles the CLI into one file, dist/cli.js (`npm run bundle:cli`): Node.js is all it needs,
// so a Python, Go or Terraform repository runs `node cli.js init --discover` without a
// package.json or node_modules of its own. The release workflow attaches it to each GitHub
// release as cto-copilot.mjs. Not committed (dist/cli.js is ignored): it is built on demand.
import { readFileSync } from "node:fs";
import { build } from "esbuild";
import { bundleOptions } from "./bundle-action.js";

const { version } = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));

export const cliBundleOptions = {
  ...bundleOptions,
  entryPoints: [new URL("../src/cli/standalone.ts", import.meta.url).pathname],
  // The version is written in: the bundle has no package.json beside it to read.
  define: { "process.env.CTO_COPILOT_BUNDLED_VERSION": JSON.stringify(version) },
  banner: { js: `#!/usr/bin/env node\n${bundleOptions.banner.js}` },
};

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const outfile = process.argv[2] ?? new URL("../dist/cli.js", import.meta.url).pathname;
  await build({ ...cliBundleOptions, outfile });
  console.log(`wrote ${outfile}`);
}
