import { configPath as defaultConfigPath, resolveConfig, type ResolvedConfig } from "../config/resolve-config.js";
import type { ConfigSources } from "../github/read-config.js";
import type { ChangedFile } from "../github/list-pull-request-files.js";
import type { UseCaseContext } from "./context.js";

/** What the webhook or the event file says about a pull request. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  title: string;
  body: string;
  author: string;
  requestedReviewers: string[];
  labels: string[];
  draft: boolean;
  /** `https://github.com/owner/repo` (or the GHES equivalent). */
  repositoryUrl: string;
}

/** What the use cases of one pull request event share, read once: config and changed files. */
export interface PullRequestSnapshot {
  configPath: string;
  sources: ConfigSources;
  resolved: ResolvedConfig;
  changed: ChangedFile[];
}

/** Reads the config (repository and organisation default) and the changed files, in parallel. */
export async function loadPullRequest(context: UseCaseContext, pr: { number: number; headSha: string }, configPath = defaultConfigPath): Promise<PullRequestSnapshot> {
  const [sources, changed] = await Promise.all([context.github.readConfigSources(pr.headSha, configPath), context.github.listPullRequestFiles(pr.number)]);
  return { configPath, sources, resolved: resolveConfig(sources), changed };
}
