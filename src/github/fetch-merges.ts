import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readBack, type Connection } from "./graphql-pages.js";

type PullNode = {
  number: number;
  mergedAt: string | null;
  updatedAt: string;
  headRefName: string;
  mergeCommit: { oid: string } | null;
  labels: { nodes: ({ name: string } | null)[] | null } | null;
};

const query = `query Merges($owner: String!, $name: String!, $base: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequests(states: [MERGED], baseRefName: $base, first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { number mergedAt updatedAt headRefName mergeCommit { oid } labels(first: 20) { nodes { name } } }
      }
    }
  }`;

/** A merged pull request as a deployment of its merge commit. */
const mergeDeployment = (node: PullNode): DeploymentEvent | undefined =>
  node.mergedAt && node.mergeCommit
    ? {
        ref: `#${node.number}`,
        sha: node.mergeCommit.oid,
        time: Date.parse(node.mergedAt),
        environment: "production",
        status: "success",
        markers: [node.headRefName, ...(node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : []))],
      }
    : undefined;

/** `merges`: pull requests merged into the default branch; time = merge time; labels and branch can say hotfix. */
export function fetchMergeDeployments(
  client: GitHubClient,
  repo: RepoRef,
  baseBranch: string,
  since: number,
): Promise<DeploymentEvent[]> {
  return readBack<PullNode, DeploymentEvent>(
    client,
    {
      query,
      variables: { owner: repo.owner, name: repo.repo, base: baseBranch },
      connection: (data) =>
        (data as { repository: { pullRequests: Connection<PullNode> } | null }).repository?.pullRequests,
      missing: "error",
    },
    since,
    {
      item: mergeDeployment,
      // Ordered by update: a pull request updated before `since` was merged before it too.
      time: (node) => Date.parse(node.updatedAt),
    },
  );
}
