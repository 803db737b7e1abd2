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
  exitOnceWritten(code);
});

/**
 * Ends the process once what it wrote has reached stdout and stderr (a pipe takes writes
 * asynchronously: each write's callback runs after every earlier one). The command is done when
 * `run` resolves: leaving by the event loop running dry would only add the tear-down of V8's heap,
 * page by page (measured: 1-3% of the CPU of `scorecard` and `discover`, more the larger the heap).
 */
function exitOnceWritten(code) {
  let pending = 2;
  const written = () => {
    if (--pending === 0) process.exit(code);
  };
  process.stdout.write("", written);
  process.stderr.write("", written);
}
