import picomatch from "picomatch";
import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";

interface Connection<T> {
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  nodes: (T | null)[] | null;
}

/**
 * Pages back through a newest-first GraphQL connection, 100 at a time, until an item older
 * than `since` has been seen (one is kept: the change set of the first deployment in the window needs it).
 */
async function pageBack<T>(client: GitHubClient, query: string, variables: Record<string, unknown>, pick: (data: unknown) => Connection<T> | undefined, toEvent: (node: T) => DeploymentEvent | undefined, since: number, orderTime: (node: T) => number): Promise<DeploymentEvent[]> {
  const events: DeploymentEvent[] = [];
  let after: string | null = null;
  for (;;) {
    const connection = pick(await client.graphql(query, { ...variables, after }));
    if (!connection) throw new Error(`repository ${String(variables.owner)}/${String(variables.name)} not found`);
    let older = false;
    for (const node of connection.nodes ?? []) {
      if (!node) continue;
      const event = toEvent(node);
      if (event) events.push(event);
      if (orderTime(node) <= since && event) older = true;
    }
    if (!connection.pageInfo.hasNextPage || older) return events;
    after = connection.pageInfo.endCursor;
  }
}

type ReleaseNode = { tagName: string; name: string | null; isDraft: boolean; isPrerelease: boolean; publishedAt: string | null; tagCommit: { oid: string } | null };

/** `releases`: published, non-draft, non-prerelease releases; time = publication. */
export function fetchReleaseDeployments(client: GitHubClient, repo: RepoRef, since: number): Promise<DeploymentEvent[]> {
  const query = `query Releases($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      releases(first: 100, after: $after, orderBy: { field: CREATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { tagName name isDraft isPrerelease publishedAt tagCommit { oid } }
      }
    }
  }`;
  return pageBack<ReleaseNode>(
    client,
    query,
    { owner: repo.owner, name: repo.repo },
    (data) => (data as { repository: { releases: Connection<ReleaseNode> } | null }).repository?.releases,
    (node) =>
      node.isDraft || node.isPrerelease || !node.publishedAt || !node.tagCommit
        ? undefined
        : { ref: node.tagName, sha: node.tagCommit.oid, time: Date.parse(node.publishedAt), environment: "production", status: "success", markers: [node.tagName, node.name ?? ""] },
    since,
    (node) => Date.parse(node.publishedAt ?? "9999-01-01"),
  );
}

type TagNode = { name: string; target: { __typename: string; oid: string; committedDate?: string; tagger?: { date: string | null } | null; target?: { oid: string; committedDate?: string } } | null };

/** `tags`: tags matching the pattern; time = tagger date of an annotated tag, else the commit's committer date. */
export function fetchTagDeployments(client: GitHubClient, repo: RepoRef, pattern: string, since: number): Promise<DeploymentEvent[]> {
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
    return Date.parse(target.__typename === "Tag" ? (target.tagger?.date ?? target.target?.committedDate ?? "") : (target.committedDate ?? ""));
  };
  return pageBack<TagNode>(
    client,
    query,
    { owner: repo.owner, name: repo.repo },
    (data) => (data as { repository: { refs: Connection<TagNode> | null } | null }).repository?.refs ?? undefined,
    (node) => {
      const time = timeOf(node);
      const sha = node.target?.__typename === "Tag" ? node.target.target?.oid : node.target?.oid;
      return matches(node.name) && sha && !Number.isNaN(time) ? { ref: node.name, sha, time, environment: "production", status: "success", markers: [node.name] } : undefined;
    },
    since,
    (node) => timeOf(node),
  );
}

type PullNode = { number: number; mergedAt: string | null; updatedAt: string; headRefName: string; mergeCommit: { oid: string } | null; labels: { nodes: ({ name: string } | null)[] | null } | null };

/** `merges`: pull requests merged into the default branch; time = merge time; labels and branch can say hotfix. */
export function fetchMergeDeployments(client: GitHubClient, repo: RepoRef, baseBranch: string, since: number): Promise<DeploymentEvent[]> {
  const query = `query Merges($owner: String!, $name: String!, $base: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      pullRequests(states: [MERGED], baseRefName: $base, first: 100, after: $after, orderBy: { field: UPDATED_AT, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { number mergedAt updatedAt headRefName mergeCommit { oid } labels(first: 20) { nodes { name } } }
      }
    }
  }`;
  return pageBack<PullNode>(
    client,
    query,
    { owner: repo.owner, name: repo.repo, base: baseBranch },
    (data) => (data as { repository: { pullRequests: Connection<PullNode> } | null }).repository?.pullRequests,
    (node) =>
      node.mergedAt && node.mergeCommit
        ? { ref: `#${node.number}`, sha: node.mergeCommit.oid, time: Date.parse(node.mergedAt), environment: "production", status: "success", markers: [node.headRefName, ...(node.labels?.nodes ?? []).flatMap((label) => (label ? [label.name] : []))] }
        : undefined,
    since,
    // Ordered by update: a pull request updated before `since` was merged before it too.
    (node) => Date.parse(node.updatedAt),
  );
}
