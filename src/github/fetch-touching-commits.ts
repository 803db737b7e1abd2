import picomatch from "picomatch";
import type { GitHubClient, RepoRef } from "./client.js";
import { allNodes, type Connection } from "./graphql-pages.js";

interface CommitNode {
  oid: string;
  parents: { totalCount: number };
}

interface HistoryPage {
  repository: { object: { history?: Connection<CommitNode> } | null } | null;
}

const query = `query TouchingHistory($owner: String!, $name: String!, $oid: GitObjectID!, $since: GitTimestamp, $path: String, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: 100, since: $since, path: $path, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { oid parents { totalCount } }
        }
      }
    }
  }
}`;

/**
 * The non-merge commits of a commit's history back to `since` that change something under the
 * directory each glob starts with (`packages/core/**` -> `packages/core`): GitHub's history
 * filters by one path, not by a glob. 100 commits per GraphQL query.
 */
export async function fetchTouchingCommits(
  client: GitHubClient,
  repo: RepoRef,
  tip: string,
  since: number,
  globs: readonly string[],
): Promise<string[]> {
  const directories = [...new Set(globs.map((glob) => picomatch.scan(glob).base))];
  const found: string[] = [];
  for (const directory of directories) {
    const nodes = await allNodes<CommitNode>(client, {
      query,
      variables: {
        owner: repo.owner,
        name: repo.repo,
        oid: tip,
        since: new Date(since).toISOString(),
        ...(directory ? { path: directory } : {}),
      },
      connection: (data) => (data as HistoryPage).repository?.object?.history,
      missing: "end",
    });
    for (const node of nodes) if (node.parents.totalCount <= 1) found.push(node.oid);
  }
  return found;
}
