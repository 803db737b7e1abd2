import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readBack, type Connection } from "./graphql-pages.js";

type ReleaseNode = {
  tagName: string;
  name: string | null;
  isDraft: boolean;
  isPrerelease: boolean;
  publishedAt: string | null;
  tagCommit: { oid: string } | null;
};

const query = `query Releases($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { tagName name isDraft isPrerelease publishedAt tagCommit { oid } }
      }
    }
  }`;

/** A published release as a deployment of its tag's commit. */
const releaseDeployment = (node: ReleaseNode): DeploymentEvent | undefined =>
  node.isDraft || node.isPrerelease || !node.publishedAt || !node.tagCommit
    ? undefined
    : {
        ref: node.tagName,
        sha: node.tagCommit.oid,
        time: Date.parse(node.publishedAt),
        environment: "production",
        status: "success",
        markers: [node.tagName, node.name ?? ""],
      };

/** `releases`: published, non-draft, non-prerelease releases; time = publication. */
export function fetchReleaseDeployments(
  client: GitHubClient,
  repo: RepoRef,
  since: number,
): Promise<DeploymentEvent[]> {
  return readBack<ReleaseNode, DeploymentEvent>(
    client,
    {
      query,
      variables: { owner: repo.owner, name: repo.repo },
      connection: (data) => (data as { repository: { releases: Connection<ReleaseNode> } | null }).repository?.releases,
      missing: "error",
    },
    since,
    {
      item: releaseDeployment,
      time: (node) => Date.parse(node.publishedAt ?? "9999-01-01"),
    },
  );
}
