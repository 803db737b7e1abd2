import type { IncidentEvent } from "../dora/compute.js";
import type { BranchHead } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { allNodes, type Connection } from "./graphql-pages.js";

/**
 * GraphQL twins of the REST reads the repository scorecard makes (branch head, branch
 * protection, open Dependabot alerts, incident issues): the same answers, but as queries the
 * organisation scorecard's batcher can merge with other repositories' (REST cannot be merged).
 */

const hasErrors = (error: unknown) => Array.isArray((error as { errors?: unknown }).errors);

/** The branch's head commit and tree, like `readBranchHead`; an empty repository or a missing branch is an error. */
export async function readBranchHeadByGraphql(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<BranchHead> {
  const data = await client.graphql<{
    repository: { ref: { target: { oid: string; tree?: { oid: string } } | null } | null } | null;
  }>(
    `query Head($owner: String!, $name: String!, $ref: String!) {
      repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { target { oid ... on Commit { tree { oid } } } } }
    }`,
    { owner: repo.owner, name: repo.repo, ref: `refs/heads/${branch}` },
  );
  const target = data.repository?.ref?.target;
  if (!target?.tree) throw new Error(`branch ${branch} not found (an empty repository has none)`);
  return { sha: target.oid, tree: target.tree.oid };
}

/** Keeps the data of a response whose errors are about fields this token may not read (they come back null). */
function keepPartial<T>(error: unknown): T {
  if (hasErrors(error) && (error as { data?: T }).data) return (error as { data: T }).data;
  throw error;
}

/** Whether a branch protection rule covers the branch: undefined when the branch or the rule cannot be read. */
export async function readBranchProtectionByGraphql(
  client: GitHubClient,
  repo: RepoRef,
  branch: string,
): Promise<boolean | undefined> {
  type Result = { repository: { ref: { branchProtectionRule: { id: string } | null } | null } | null };
  const data = await client
    .graphql<Result>(
      `query Protection($owner: String!, $name: String!, $ref: String!) {
        repository(owner: $owner, name: $name) { ref(qualifiedName: $ref) { branchProtectionRule { id } } }
      }`,
      { owner: repo.owner, name: repo.repo, ref: `refs/heads/${branch}` },
    )
    .catch((error: unknown) => {
      // Without the permission to read it, GitHub answers the rule null with an error: unknown, not unprotected.
      const { errors } = error as { errors?: { path?: unknown[] }[] };
      if (errors?.some((e) => e.path?.includes("branchProtectionRule"))) return undefined;
      return keepPartial<Result>(error);
    });
  const ref = data?.repository?.ref;
  return ref ? ref.branchProtectionRule !== null : undefined;
}

/** Open Dependabot alerts: undefined when this token may not read them (they need their own permission). */
export async function countOpenDependabotAlertsByGraphql(
  client: GitHubClient,
  repo: RepoRef,
): Promise<number | undefined> {
  type Result = { repository: { vulnerabilityAlerts: { totalCount: number } | null } | null };
  const data = await client
    .graphql<Result>(
      `query Alerts($owner: String!, $name: String!) {
        repository(owner: $owner, name: $name) { vulnerabilityAlerts(states: [OPEN], first: 1) { totalCount } }
      }`,
      { owner: repo.owner, name: repo.repo },
    )
    .catch(keepPartial<Result>);
  return data.repository?.vulnerabilityAlerts?.totalCount;
}

type IssueNode = {
  number: number;
  title: string;
  createdAt: string;
  closedAt: string | null;
  stateReason: string | null;
};

/** Issues with the incident label updated since `since`, as incidents (closed as not planned or duplicate: not incidents), like `listIncidentIssues`. */
export async function listIncidentIssuesByGraphql(
  client: GitHubClient,
  repo: RepoRef,
  label: string,
  since: number,
): Promise<IncidentEvent[]> {
  const issues = await allNodes<IssueNode>(client, {
    query: `query Incidents($owner: String!, $name: String!, $labels: [String!], $since: DateTime, $after: String) {
        repository(owner: $owner, name: $name) {
          issues(labels: $labels, filterBy: { since: $since }, first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
            pageInfo { hasNextPage endCursor }
            nodes { number title createdAt closedAt stateReason(enableDuplicate: true) }
          }
        }
      }`,
    variables: { owner: repo.owner, name: repo.repo, labels: [label], since: new Date(since).toISOString() },
    connection: (data) => (data as { repository: { issues: Connection<IssueNode> } | null }).repository?.issues,
    missing: "error",
  });
  return issues
    .filter((issue) => issue.stateReason !== "NOT_PLANNED" && issue.stateReason !== "DUPLICATE")
    .map((issue) => ({
      id: `#${issue.number}`,
      issue: issue.number,
      title: issue.title,
      started: Date.parse(issue.createdAt),
      resolved: issue.closedAt ? Date.parse(issue.closedAt) : null,
    }));
}
