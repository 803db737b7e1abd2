#!/usr/bin/env node
// Entry point of the `cto-copilot` command: the CLI bundled into lib/cli/bundle/ (built by `npm ci` via
// `prepare`: tsc, then scripts/bundle-cli-chunks.js), one chunk per command, loaded with its
// compiled code kept between runs (bin/load-bundle.js says how). CommonJS (bin/package.json):
// Node starts a CommonJS entry a few milliseconds sooner than an ES module.
const { loadBundle } = require("./load-bundle.js");

const bundle = loadBundle();

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

bundle.exports.run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  bundle.flush();
});
