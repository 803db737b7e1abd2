import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";

interface DeploymentNode {
  databaseId: number | null;
  commitOid: string;
  createdAt: string;
  environment: string | null;
  statuses: { nodes: ({ state: string; createdAt: string } | null)[] | null } | null;
}

interface Page {
  repository: {
    deployments: {
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: (DeploymentNode | null)[] | null;
    };
  } | null;
}

const query = `query Deployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(environments: $environments, first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
      pageInfo { hasNextPage endCursor }
      nodes { databaseId commitOid createdAt environment statuses(first: 20) { nodes { state createdAt } } }
    }
  }
}`;

/** A deployment's outcome from its statuses: the time of its first success, or failed. */
export function deploymentFromNode(node: DeploymentNode): DeploymentEvent | undefined {
  const statuses = (node.statuses?.nodes ?? [])
    .filter((status): status is { state: string; createdAt: string } => status !== null)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const success = statuses.find((status) => status.state === "SUCCESS");
  const failure = statuses.find((status) => status.state === "FAILURE" || status.state === "ERROR");
  if (!success && !failure) return undefined; // still pending, or never reported: not a deployment yet
  return {
    ref: String(node.databaseId ?? node.commitOid.slice(0, 7)),
    sha: node.commitOid,
    time: Date.parse((success ?? failure)!.createdAt),
    environment: node.environment ?? "production",
    status: success ? "success" : "failure",
  };
}

/** One page (100) of an environment's deployments, newest first, after a cursor. */
export async function readDeploymentPage(
  client: GitHubClient,
  repo: RepoRef,
  environment: string,
  after: string | null,
): Promise<{ deployments: DeploymentEvent[]; hasNextPage: boolean; endCursor: string | null }> {
  const data: Page = await client.graphql<Page>(query, {
    owner: repo.owner,
    name: repo.repo,
    environments: [environment],
    after,
  });
  const connection = data.repository?.deployments;
  if (!connection) throw new Error(`repository ${repo.owner}/${repo.repo} not found`);
  return {
    deployments: (connection.nodes ?? []).flatMap((node) => {
      const deployment = node ? deploymentFromNode(node) : undefined;
      return deployment ? [deployment] : [];
    }),
    hasNextPage: connection.pageInfo.hasNextPage,
    endCursor: connection.pageInfo.endCursor,
  };
}

/** Whether the deployments read reach back to one success at or before `since` (the window's first change set needs it). */
export const reachesBack = (deployments: readonly DeploymentEvent[], since: number) =>
  deployments.some((deployment) => deployment.status === "success" && deployment.time <= since);

/**
 * Deployments of one environment, newest first, 100 per GraphQL query with their statuses
 * (no request per deployment). Reads back only until it has one successful deployment older
 * than `since` (the change set of the first deployment in the window needs it).
 */
export async function fetchDeployments(
  client: GitHubClient,
  repo: RepoRef,
  environment: string,
  since: number,
): Promise<DeploymentEvent[]> {
  const deployments: DeploymentEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const page = await readDeploymentPage(client, repo, environment, after);
    deployments.push(...page.deployments);
    if (!page.hasNextPage || reachesBack(deployments, since)) return deployments;
    after = page.endCursor;
  }
}
