#!/usr/bin/env node
// Entry point of the `cto-copilot` command: the CLI bundled into lib/cli/bundle/ (built by `npm ci` via
// `prepare`: tsc, then scripts/bundle-cli-chunks.js), one chunk per command.
import module from "node:module";

// Node 22.1 and later keep the compiled bundle between runs (in the OS's temp directory), so a
// later start skips most of the compiling; Node 20 has no such cache and starts as before.
// NODE_DISABLE_COMPILE_CACHE=1 turns it off. Enabled before the bundle is imported: it applies to
// the modules loaded after it.
module.enableCompileCache?.();
const { run } = await import("../lib/cli/bundle/main.js");

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
