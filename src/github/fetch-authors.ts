import type { CommitAuthor } from "../discovery/discover.js";
import type { GitHubClient, RepoRef } from "./client.js";

interface AuthorPage {
  repository: {
    ref: {
      target: {
        history?: {
          pageInfo: { hasNextPage: boolean; endCursor: string | null };
          nodes:
            | ({
                author: { name: string | null; email: string | null; user: { login: string } | null } | null;
              } | null)[]
            | null;
        };
      } | null;
    } | null;
  } | null;
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
  let after: string | null = null;
  for (;;) {
    const data: AuthorPage = await client.graphql<AuthorPage>(query, {
      owner: repo.owner,
      name: repo.repo,
      qualified: `refs/heads/${branch}`,
      since: new Date(since).toISOString(),
      after,
    });
    const history = data.repository?.ref?.target?.history;
    if (!history) return { commits, truncated: false };
    for (const node of history.nodes ?? []) {
      if (!node?.author) continue;
      if (commits.length === limit) return { commits, truncated: true };
      const { name, email, user } = node.author;
      commits.push({ name: name ?? "", email: email ?? "", ...(user ? { login: user.login } : {}) });
    }
    if (!history.pageInfo.hasNextPage) return { commits, truncated: false };
    after = history.pageInfo.endCursor;
  }
}
