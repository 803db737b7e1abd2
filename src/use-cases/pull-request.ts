import { configPath as defaultConfigPath, resolveConfig } from "../config/resolve-config.js";
import type { ChangedFile, ChangeRef, ChangeView, ConfigView } from "../ports/repository-view.js";
import type { LoadedConfig } from "./load-config.js";

/** What the use cases of one change (a pull request event, a local diff) share, read once: config and changed files. */
export interface PullRequestSnapshot extends LoadedConfig {
  changed: ChangedFile[];
}

/** Reads the config (repository and organisation default) at the head and the changed files, in parallel. */
export async function loadPullRequest(
  view: ConfigView & ChangeView,
  change: ChangeRef,
  configPath = defaultConfigPath,
): Promise<PullRequestSnapshot> {
  const [sources, changed] = await Promise.all([
    view.readConfigSources(change.headSha, configPath),
    view.listChangedFiles(change),
  ]);
  return { configPath, sources, resolved: resolveConfig(sources), changed };
}
