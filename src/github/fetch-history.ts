import type { CommitInfo } from "../dora/commit-graph.js";
import { revertedCommitIn } from "../dora/remediation.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { allNodes, type Connection } from "./graphql-pages.js";

interface CommitNode {
  oid: string;
  authoredDate: string;
  messageHeadline: string;
  messageBody: string;
  author: { name: string | null; email: string | null; user: { login: string } | null } | null;
  parents: { nodes: ({ oid: string } | null)[] | null };
}

interface HistoryPage {
  repository: { object: { history?: Connection<CommitNode> } | null } | null;
}

const query = `query History($owner: String!, $name: String!, $oid: GitObjectID!, $since: GitTimestamp, $after: String) {
  repository(owner: $owner, name: $name) {
    object(oid: $oid) {
      ... on Commit {
        history(first: 100, since: $since, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { oid authoredDate messageHeadline messageBody author { name email user { login } } parents(first: 2) { nodes { oid } } }
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
  const nodes = await allNodes<CommitNode>(client, {
    query,
    variables: { owner: repo.owner, name: repo.repo, oid: tip, since: new Date(since).toISOString() },
    connection: (data) => (data as HistoryPage).repository?.object?.history,
    // Not a commit here (or no repository): no history to read.
    missing: "end",
  });
  return nodes.map((node) => {
    const revertOf = revertedCommitIn(node.messageBody);
    const author = authorOf(node.author);
    return {
      sha: node.oid,
      parents: (node.parents.nodes ?? []).flatMap((parent) => (parent ? [parent.oid] : [])),
      authorTime: Date.parse(node.authoredDate),
      subject: node.messageHeadline,
      ...(revertOf ? { revertOf } : {}),
      ...(author ? { author } : {}),
    };
  });
}

/** `Name <email>`, or the login (a bot's login ends in `[bot]`). */
function authorOf(actor: CommitNode["author"]): string | undefined {
  if (!actor) return undefined;
  const login = actor.user?.login;
  const named = actor.name ? `${actor.name} <${actor.email ?? ""}>` : undefined;
  return login && !named?.includes(login) ? `${named ?? ""} ${login}`.trim() : named;
}
