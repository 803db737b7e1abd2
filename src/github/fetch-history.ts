import type { CommitInfo } from "../dora/commit-graph.js";
import { revertedCommitIn } from "../dora/remediation.js";
import type { GitHubClient, RepoRef } from "./client.js";

interface HistoryPage {
  repository: {
    object: {
      history?: {
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        nodes:
          | ({
              oid: string;
              authoredDate: string;
              messageHeadline: string;
              messageBody: string;
              parents: { nodes: ({ oid: string } | null)[] | null };
            } | null)[]
          | null;
      };
    } | null;
  } | null;
}

const query = `query History($owner: String!, $name: String!, $oid: GitObjectID!, $since: GitTimestamp, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: 100, since: $since, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { oid authoredDate messageHeadline messageBody parents(first: 2) { nodes { oid } } }
        }
      }
    }
  }
}`;

/**
 * The history of a commit back to `since`, 100 commits per GraphQL query, newest first (the
 * order the change-set walk reads fastest). Only what the window needs is read.
 */
export async function fetchHistory(
  client: GitHubClient,
  repo: RepoRef,
  tip: string,
  since: number,
): Promise<CommitInfo[]> {
  const commits: CommitInfo[] = [];
  let after: string | null = null;
  for (;;) {
    const data: HistoryPage = await client.graphql<HistoryPage>(query, {
      owner: repo.owner,
      name: repo.repo,
      oid: tip,
      since: new Date(since).toISOString(),
      after,
    });
    const history = data.repository?.object?.history;
    if (!history) return commits;
    for (const node of history.nodes ?? []) {
      if (!node) continue;
      const revertOf = revertedCommitIn(node.messageBody);
      commits.push({
        sha: node.oid,
        parents: (node.parents.nodes ?? []).flatMap((parent) => (parent ? [parent.oid] : [])),
        authorTime: Date.parse(node.authoredDate),
        subject: node.messageHeadline,
        ...(revertOf ? { revertOf } : {}),
      });
    }
    if (!history.pageInfo.hasNextPage) return commits;
    after = history.pageInfo.endCursor;
  }
}
