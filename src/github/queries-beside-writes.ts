import type { GitHubClient } from "./client.js";

const isMutation = (query: string) => /^\s*mutation\b/.test(query);

/**
 * The same client, with GraphQL queries sent through `reader`: a client of the same
 * installation without request pacing. Octokit's throttling paces every POST, and GraphQL is a
 * POST: a query then waits behind every check run and comment of the installation (a burst of
 * 20 pull requests took 140 s to drain, each one's reads queued after the others' writes).
 * Reads create no content, so GitHub's pacing guidance does not apply to them; mutations and
 * REST writes keep the pacing.
 */
export function queriesBesideWrites(client: GitHubClient, reader: () => Promise<GitHubClient>): GitHubClient {
  let readerClient: Promise<GitHubClient> | undefined;
  const graphql = (async (query: string, parameters?: Record<string, unknown>) => {
    if (isMutation(query)) return client.graphql(query, parameters);
    readerClient ??= reader();
    return (await readerClient).graphql(query, parameters);
  }) as unknown as GitHubClient["graphql"];
  return Object.assign(Object.create(client) as GitHubClient, { graphql });
}
