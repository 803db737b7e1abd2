// Entry point of the single-file CLI (`npm run bundle:cli` writes dist/cli.js): what
// bin/cto-copilot.js does for the package, for a repository that should get no package.json
// and no node_modules (Python, Go, Terraform): `node cto-copilot.js init --discover`.
import { run } from "./main.js";

// A reader that stops early (`| head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
  throw error;
});

process.exitCode = await run(process.argv.slice(2));
