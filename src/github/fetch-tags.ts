import type { DeploymentEvent } from "../dora/compute.js";
import type { DeploymentRead } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { readBack, type Connection } from "./graphql-pages.js";

/** A tag's target: a commit, or an annotated tag whose own target may be another tag (up to three deep here). */
type Target = {
  __typename: string;
  oid: string;
  committedDate?: string;
  tagger?: { date: string | null } | null;
  target?: Target | null;
};
type TagNode = { name: string; target: Target | null };

const commitFields = "... on Commit { committedDate }";
const tagTarget = (depth: number): string =>
  `__typename oid ${commitFields}${depth > 0 ? ` ... on Tag { tagger { date } target { ${tagTarget(depth - 1)} } }` : ""}`;

/** The commit a ref's target leads to, peeling tags of tags; undefined when it leads elsewhere (a tree, a blob) or too deep. */
function peel(target: Target | null | undefined): Target | undefined {
  for (let current = target; current; current = current.target) if (current.__typename === "Commit") return current;
  return undefined;
}

const query = `query Tags($owner: String!, $name: String!, $after: String) {
    repository(owner: $owner, name: $name) {
      refs(refPrefix: "refs/tags/", first: 100, after: $after, orderBy: { field: TAG_COMMIT_DATE, direction: DESC }) {
        pageInfo { hasNextPage endCursor }
        nodes { name target { ${tagTarget(3)} } }
      }
    }
  }`;

/** When a tag was made: the outermost annotated tag's date, else its commit's. */
const timeOf = (node: TagNode) =>
  Date.parse(
    (node.target?.__typename === "Tag" ? node.target.tagger?.date : undefined) ??
      peel(node.target)?.committedDate ??
      "",
  );

/** A selected tag as a deployment; one that leads to no commit is skipped with a note. */
function tagDeployment(node: TagNode, notes: string[]): DeploymentEvent | undefined {
  const commit = peel(node.target);
  const time = timeOf(node);
  if (!commit || Number.isNaN(time)) {
    notes.push(`tag ${node.name} does not lead to a commit: skipped`);
    return undefined;
  }
  return { ref: node.name, sha: commit.oid, time, environment: "production", status: "success", markers: [node.name] };
}

/**
 * `tags`: tags the matcher selects; time = tagger date of an annotated tag (the outermost one),
 * else the commit's committer date. Tags of tags are peeled; a tag of something else is skipped
 * and named in the notes.
 */
export async function fetchTagDeployments(
  client: GitHubClient,
  repo: RepoRef,
  matches: (name: string) => boolean,
  since: number,
): Promise<DeploymentRead> {
  const notes: string[] = [];
  const deployments = await readBack<TagNode, DeploymentEvent>(
    client,
    {
      query,
      variables: { owner: repo.owner, name: repo.repo },
      connection: (data) => (data as { repository: { refs: Connection<TagNode> | null } | null }).repository?.refs,
      missing: "error",
    },
    since,
    {
      item: (node) => (matches(node.name) ? tagDeployment(node, notes) : undefined),
      time: timeOf,
    },
  );
  return { deployments, notes };
}
