import picomatch from "picomatch";
import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { pageBack, type Connection } from "./page-back.js";

type TagNode = {
  name: string;
  target: {
    __typename: string;
    oid: string;
    committedDate?: string;
    tagger?: { date: string | null } | null;
    target?: { oid: string; committedDate?: string };
  } | null;
};

/** `tags`: tags matching the pattern; time = tagger date of an annotated tag, else the commit's committer date. */
export function fetchTagDeployments(
  client: GitHubClient,
  repo: RepoRef,
  pattern: string,
  since: number,
): Promise<DeploymentEvent[]> {
  const matches = picomatch(pattern);
  const query = `query Tags($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      refs(refPrefix: "refs/tags/", first: 100, after: $after, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { name target { __typename oid ... on Commit { committedDate } ... on Tag { tagger { date } target { oid ... on Commit { committedDate } } } } }
      }
    }
  }`;
  const timeOf = (node: TagNode) => {
    const target = node.target;
    if (!target) return Number.NaN;
    return Date.parse(
      target.__typename === "Tag"
        ? (target.tagger?.date ?? target.target?.committedDate ?? "")
        : (target.committedDate ?? ""),
    );
  };
  return pageBack<TagNode>(
    client,
    query,
    { owner: repo.owner, name: repo.repo },
    (data) => (data as { repository: { refs: Connection<TagNode> | null } | null }).repository?.refs ?? undefined,
    (node) => {
      const time = timeOf(node);
      const sha = node.target?.__typename === "Tag" ? node.target.target?.oid : node.target?.oid;
      return matches(node.name) && sha && !Number.isNaN(time)
        ? { ref: node.name, sha, time, environment: "production", status: "success", markers: [node.name] }
        : undefined;
    },
    since,
    (node) => timeOf(node),
  );
}
