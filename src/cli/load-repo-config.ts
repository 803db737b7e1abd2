import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { configPath, parseConfig } from "../config/parse-config.js";
import { defaultConfig, type Config } from "../schemas/config.js";
import type { Diagnostic } from "../validate/diagnostic.js";
import { toDiagnostics } from "../validate/line-index.js";

export interface RepoConfig {
  config: Config;
  /** Findings in the config file, positioned. */
  diagnostics: Diagnostic[];
  /** Text of the config file, when there is one (for code frames). */
  text?: string;
}

/** Reads `.github/cto-copilot.yml` under `root`; a repository without one gets the defaults. */
export async function loadRepoConfig(root: string): Promise<RepoConfig> {
  let text: string;
  try {
    text = await readFile(join(root, configPath), "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { config: defaultConfig(), diagnostics: [] };
    throw error;
  }
  const parsed = parseConfig(text);
  return { config: parsed.config, diagnostics: toDiagnostics(configPath, text, parsed.findings), text };
}
