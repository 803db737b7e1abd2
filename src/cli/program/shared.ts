import { createRequire } from "node:module";

/** How every command finds its repository. */
export const rootHelp =
  "repository root (default: found from the current directory: the nearest holding data/engineering or .github/cto-copilot.yml, else the git top level)";

/** The package's version: written into the single-file CLI when it is bundled, else read from package.json. */
export const packageJson = {
  version:
    process.env.CTO_COPILOT_BUNDLED_VERSION ??
    (createRequire(import.meta.url)("../../../package.json") as { version: string }).version,
};

/** Records a command's exit code for `run` to return. */
export type SetExit = (code: number) => void;
