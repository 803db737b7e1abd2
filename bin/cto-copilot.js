#!/usr/bin/env node
// Entry point of the `cto-copilot` command: the compiled CLI lives in lib/ (built by `npm ci` via `prepare`).
import { run } from "../lib/cli/main.js";

process.exitCode = await run(process.argv.slice(2));
