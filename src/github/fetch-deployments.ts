import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readBack, type Connection } from "./graphql-pages.js";

interface DeploymentNode {
  databaseId: number | null;
  commitOid: string;
  createdAt: string;
  environment: string | null;
  statuses: { nodes: ({ state: string; createdAt: string } | null)[] | null } | null;
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
function deploymentFromNode(node: DeploymentNode): DeploymentEvent | undefined {
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

/**
 * Deployments of one environment, newest first, 100 per GraphQL query with their statuses
 * (no request per deployment). Reads back only until it has one successful deployment older
 * than `since` (the change set of the first deployment in the window needs it).
 */
export function fetchDeployments(
  client: GitHubClient,
  repo: RepoRef,
  environment: string,
  since: number,
): Promise<DeploymentEvent[]> {
  return readBack<DeploymentNode, DeploymentEvent>(
    client,
    {
      query,
      variables: { owner: repo.owner, name: repo.repo, environments: [environment] },
      connection: (data) =>
        (data as { repository: { deployments: Connection<DeploymentNode> } | null }).repository?.deployments,
      missing: "error",
    },
    since,
    // A failed deployment does not end the read: the change set needs a successful one before the window.
    {
      item: deploymentFromNode,
      time: (_node, deployment) => (deployment.status === "success" ? deployment.time : undefined),
    },
  );
}
