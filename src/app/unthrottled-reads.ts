import { createProbot, ProbotOctokit, type Probot } from "probot";
import type { GitHubClient } from "../github/client.js";

/**
 * A second Probot on the same credentials whose installation clients do not pace requests (they
 * still retry server errors): the GraphQL queries of the App go through it (see
 * github/queries-beside-writes.ts). Installation tokens are cached by its app authentication, as
 * Probot's own are. Set up by the App's server; without it, queries share the paced client.
 */
let readers: Probot | undefined;

export function enableUnthrottledReads(): void {
  // The function form: it sees (and overrides) the throttle options Probot itself passes.
  const Unpaced = ProbotOctokit.defaults((options: Record<string, unknown>) => ({
    ...options,
    throttle: { ...(options.throttle as object | undefined), enabled: false },
  }));
  readers = createProbot({ overrides: { Octokit: Unpaced } });
}

export function readerFor(installationId: number | undefined): (() => Promise<GitHubClient>) | undefined {
  const probot = readers;
  if (!probot || installationId === undefined) return undefined;
  return async () => (await probot.auth(installationId)) as unknown as GitHubClient;
}
