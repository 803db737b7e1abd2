import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { deploymentFromNode, reachesBack, readDeploymentPage } from "./fetch-deployments.js";

/**
 * Repositories read per GraphQL query by the organisation scorecard. Each alias asks for 50
 * deployments with 20 statuses each (1,050 nodes): 20 repositories are 21,000 nodes, far below
 * GitHub's 500,000-node limit, and about 10 points of the hourly 5,000.
 */
export const repositoriesPerQuery = 20;

const deploymentsPerPage = 50;

export interface OrgDeploymentRead {
  repo: RepoRef;
  /** Undefined when the repository could not be read (no access, deleted, renamed mid-run). */
  deployments?: DeploymentEvent[];
  /** Data files asked for, by path: text, or absent when the file does not exist. */
  files?: Map<string, string>;
  problem?: string;
}

type Node = Parameters<typeof deploymentFromNode>[0];
interface Aliased {
  deployments: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; nodes: (Node | null)[] | null };
  [file: `f${number}`]: { text?: string | null } | null;
}

/**
 * The deployments of an environment and some data files of many repositories, 20 repositories
 * per GraphQL query (aliases), newest deployments first. A repository whose window needs more
 * than the first page is followed alone, back until one success at or before `since`; one that
 * cannot be read is reported as such, never failing the others.
 */
export async function fetchOrgDeployments(
  client: GitHubClient,
  repos: readonly RepoRef[],
  options: { environment: string; since: number; files?: readonly string[] },
): Promise<OrgDeploymentRead[]> {
  const files = options.files ?? [];
  const results: OrgDeploymentRead[] = [];
  for (let start = 0; start < repos.length; start += repositoriesPerQuery) {
    const batch = repos.slice(start, start + repositoriesPerQuery);
    const variables: Record<string, unknown> = { environments: [options.environment] };
    const fields = batch.map((repo, index) => {
      variables[`o${index}`] = repo.owner;
      variables[`n${index}`] = repo.repo;
      const fileFields = files
        .map(
          (path, fileIndex) =>
            `f${fileIndex}: object(expression: ${JSON.stringify(`HEAD:${path}`)}) { ... on Blob { text } }`,
        )
        .join(" ");
      return `r${index}: repository(owner: $o${index}, name: $n${index}) {
        deployments(environments: $environments, first: ${deploymentsPerPage}, orderBy: { field: CREATED_AT, direction: DESC }) {
          pageInfo { hasNextPage endCursor }
          nodes { databaseId commitOid createdAt environment statuses(first: 20) { nodes { state createdAt } } }
        }
        ${fileFields}
      }`;
    });
    const declarations = batch.map((_repo, index) => `$o${index}: String!, $n${index}: String!`).join(", ");
    const query = `query OrgDeployments($environments: [String!], ${declarations}) { ${fields.join("\n")} }`;
    // GitHub answers partial data with errors for repositories it cannot resolve: keep the rest.
    const data = await client.graphql<Record<string, Aliased | null>>(query, variables).catch((error: unknown) => {
      const partial = (error as { data?: Record<string, Aliased | null> }).data;
      if (partial) return partial;
      throw error;
    });
    for (const [index, repo] of batch.entries()) {
      const aliased = data[`r${index}`];
      if (!aliased) {
        results.push({ repo, problem: "not readable (no access, deleted or renamed)" });
        continue;
      }
      const deployments = (aliased.deployments.nodes ?? []).flatMap((node) => {
        const deployment = node ? deploymentFromNode(node) : undefined;
        return deployment ? [deployment] : [];
      });
      const read = new Map<string, string>();
      files.forEach((path, fileIndex) => {
        const text = aliased[`f${fileIndex}`]?.text;
        if (typeof text === "string") read.set(path, text);
      });
      let { hasNextPage, endCursor } = aliased.deployments.pageInfo;
      while (hasNextPage && !reachesBack(deployments, options.since)) {
        const page = await readDeploymentPage(client, repo, options.environment, endCursor);
        deployments.push(...page.deployments);
        ({ hasNextPage, endCursor } = page);
      }
      results.push({ repo, deployments, files: read });
    }
  }
  return results;
}
