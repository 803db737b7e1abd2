import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { GitHubClient } from "./client.js";

/**
 * An Octokit for a run outside GitHub's hosts (the CLI): a token, GitHub.com or an Enterprise
 * Server API URL, retries on 5xx, and rate limits waited out (twice) with a warning.
 */
export function standaloneClient(options: {
  token: string;
  apiUrl?: string;
  warn: (message: string) => void;
}): GitHubClient {
  const Client = Octokit.plugin(paginateRest, retry, throttling);
  const waitOut =
    (kind: string) =>
    (retryAfter: number, request: { method: string; url: string }, _octokit: unknown, retryCount: number) => {
      options.warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}; retrying in ${retryAfter} s`);
      return retryCount < 2;
    };
  return new Client({
    auth: options.token,
    baseUrl: (options.apiUrl ?? "https://api.github.com").replace(/\/$/, ""),
    userAgent: "cto-copilot",
    throttle: { onRateLimit: waitOut("primary"), onSecondaryRateLimit: waitOut("secondary") },
  }) as unknown as GitHubClient;
}
