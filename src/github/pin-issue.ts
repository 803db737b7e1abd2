import type { GitHubClient, RepoRef } from "./client.js";

/**
 * Pins an issue (GraphQL `pinIssue`; REST has no endpoint for it): one query for the issue's
 * node id and whether it is pinned already, then the mutation only when it is not. GitHub
 * refuses a fourth pinned issue, and tokens without the right to pin: the caller decides
 * whether that matters.
 */
export async function pinIssue(client: GitHubClient, repo: RepoRef, number: number): Promise<void> {
  const query = `query IssueToPin($owner: String!, $name: String!, $number: Int!) {
    repository(owner: $owner, name: $name) { issue(number: $number) { id isPinned } }
  }`;
  type Result = { repository: { issue: { id: string; isPinned: boolean | null } | null } | null };
  const data = await client.graphql<Result>(query, { owner: repo.owner, name: repo.repo, number });
  const issue = data.repository?.issue;
  if (!issue) throw new Error(`issue #${number} of ${repo.owner}/${repo.repo} not found`);
  if (issue.isPinned) return;
  const mutation = `mutation PinIssue($input: PinIssueInput!) { pinIssue(input: $input) { issue { number } } }`;
  await client.graphql(mutation, { input: { issueId: issue.id } });
}
