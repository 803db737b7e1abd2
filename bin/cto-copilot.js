#!/usr/bin/env node
// Entry point of the `cto-copilot` command: the compiled CLI lives in lib/ (built by `npm ci` via `prepare`).
import { run } from "../lib/cli/main.js";

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
