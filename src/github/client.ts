import type { Octokit } from "@octokit/core";
import type { PaginateInterface } from "@octokit/plugin-paginate-rest";

/**
 * The Octokit the gateway needs: Probot's `context.octokit` and the Action's `getOctokit()`
 * are both this (same @octokit/core, with pagination), already authenticated, and already
 * retrying 5xx and waiting out rate limits (plugin-retry, plugin-throttling).
 */
export type GitHubClient = Octokit & { paginate: PaginateInterface };

export interface RepoRef {
  owner: string;
  repo: string;
}
