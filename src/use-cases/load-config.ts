import { configPath as defaultConfigPath, resolvedDefaults } from "../config/defaults.js";
import type { ResolvedConfig } from "../config/resolve-config.js";
import type { Diagnostic } from "../findings/diagnostic.js";
import type { ConfigSources, ConfigView } from "../ports/repository-view.js";
import { toDiagnostics } from "../text/line-index.js";

/** The config that applies at a ref: the repository's file, the organisation default, or the defaults. */
export interface LoadedConfig {
  configPath: string;
  sources: ConfigSources;
  resolved: ResolvedConfig;
}

export async function loadConfig(view: ConfigView, ref: string, configPath = defaultConfigPath): Promise<LoadedConfig> {
  const sources = await view.readConfigSources(ref, configPath);
  // Without a config file the defaults apply, and the YAML parser is not loaded.
  if (sources.repository === undefined && sources.organization === undefined)
    return { configPath, sources, resolved: resolvedDefaults() };
  const { resolveConfig } = await import("../config/resolve-config.js");
  return { configPath, sources, resolved: resolveConfig(sources) };
}

/** The repository config file's findings, positioned (the organisation's file has no lines to point at in this repository). */
export function configDiagnostics(loaded: LoadedConfig): Diagnostic[] {
  const text = loaded.sources.repository;
  return text === undefined ? [] : toDiagnostics(loaded.configPath, text, loaded.resolved.repositoryFindings);
}
