import { defaultConfigValues } from "./default-config.js";
import type { ResolvedConfig } from "./resolve-config.js";

/** Where the repository config lives. */
export const configPath = ".github/cto-copilot.yml";

/** The config of a repository with no config file, and no organisation default: the defaults, valid (no schema loaded). */
export function resolvedDefaults(): ResolvedConfig {
  return {
    config: defaultConfigValues(),
    valid: true,
    source: "defaults",
    repositoryFindings: [],
    organizationFindings: [],
  };
}
