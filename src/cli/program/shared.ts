import { createRequire } from "node:module";

/** How every command finds its repository. */
export const rootHelp =
  "repository root (default: found from the current directory: the nearest holding data/engineering or .github/cto-copilot.yml, else the git top level)";

export const packageJson = createRequire(import.meta.url)("../../../package.json") as { version: string };

/** Records a command's exit code for `run` to return. */
export type SetExit = (code: number) => void;
