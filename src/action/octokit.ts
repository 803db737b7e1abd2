import * as core from "@actions/core";
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import type { GitHubClient } from "../github/client.js";
import { connectionCode, unreachableHint } from "./failure-hint.js";

let warnedUnreachable = false;

/** Node's fetch, saying at the first connection failure what is wrong, instead of retrying in silence. */
const fetchSayingWhy: typeof fetch = async (input, init) => {
  try {
    return await globalThis.fetch(input, init);
  } catch (error) {
    const code = connectionCode(error);
    if (code && !warnedUnreachable) {
      warnedUnreachable = true;
      core.warning(`${unreachableHint(code)} Retrying a few times (about 15 s) before giving up.`);
    }
    throw error;
  }
};

/**
 * The Action's Octokit: GITHUB_API_URL (github.com or GitHub Enterprise Server), retries on
 * 5xx, and waits out primary and secondary rate limits (Retry-After honoured) twice before
 * giving up. Node's global fetch is used so requests go where the runner's network says.
 */
export function actionOctokit(token: string): GitHubClient {
  const octokit = getOctokit(
    token,
    {
      request: { fetch: fetchSayingWhy },
      throttle: {
        onRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          core.warning(`GitHub rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
          return retryCount < 2;
        },
        onSecondaryRateLimit: (
          retryAfter: number,
          options: { method: string; url: string },
          _octokit: unknown,
          retryCount: number,
        ) => {
          core.warning(`GitHub secondary rate limit on ${options.method} ${options.url}; retrying in ${retryAfter} s`);
          return retryCount < 2;
        },
      },
    },
    retry,
    throttling,
  );
  return octokit as unknown as GitHubClient;
}
