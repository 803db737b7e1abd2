import type { CommitAuthor } from "../discovery/discover.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { graphqlPages, type Connection } from "./graphql-pages.js";

interface AuthorNode {
  author: { name: string | null; email: string | null; user: { login: string } | null } | null;
}

interface AuthorPage {
  repository: { ref: { target: { history?: Connection<AuthorNode> } | null } | null } | null;
}

const query = `query Authors($owner: String!, $name: String!, $qualified: String!, $since: GitTimestamp, $after: String) {
  repository(owner: $owner, name: $name) {
    ref(qualifiedName: $qualified) {
      target {
        ... on Commit {
          history(first: 100, since: $since, after: $after) {
            pageInfo { hasNextPage endCursor }
            nodes { author { name email user { login } } }
          }
        }
      }
    }
  }
}`;

/**
 * The authors of a branch's commits since `since`, 100 per GraphQL query, stopping at `limit`
 * commits: a team's size shows long before its thousandth commit of the quarter.
 */
export async function fetchCommitAuthors(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
  since: number,
  limit: number,
): Promise<{ commits: CommitAuthor[]; truncated: boolean }> {
  const commits: CommitAuthor[] = [];
  const pages = graphqlPages<AuthorNode>(client, {
    query,
    variables: {
      owner: repo.owner,
      name: repo.repo,
      qualified: `refs/heads/${branch}`,
      since: new Date(since).toISOString(),
    },
    connection: (data) => (data as AuthorPage).repository?.ref?.target?.history,
    // No such branch (or no repository): no authors to read.
    missing: "end",
  });
  for await (const page of pages) {
    for (const node of page) {
      if (!node.author) continue;
      if (commits.length === limit) return { commits, truncated: true };
      const { name, email, user } = node.author;
      commits.push({ name: name ?? "", email: email ?? "", ...(user ? { login: user.login } : {}) });
    }
  }
  return { commits, truncated: false };
}
