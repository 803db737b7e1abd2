import type { OrgRepository } from "../org/plan-shards.js";
import type { OrgView } from "../ports/org-view.js";
import type { GitHubClient } from "./client.js";
import { batchingClient, type BatchOptions, type BatchStats } from "./graphql-batcher.js";
import { githubBatchedRepositoryView } from "./repository-view.js";

/**
 * The organisation over GitHub's API: its repositories from one REST listing (100 a page), and
 * a view of each whose GraphQL reads are merged with the other repositories' (`batchingClient`).
 */
export function githubOrgView(client: GitHubClient, options: BatchOptions = {}): { org: OrgView; stats: BatchStats } {
  const batcher = batchingClient(client, options);
  const org: OrgView = {
    listRepositories: async (organization) => {
      try {
        const repos = await client.paginate("GET /orgs/{org}/repos", { org: organization, type: "all", per_page: 100 });
        return repos.map((repo): OrgRepository => ({
          fullName: repo.full_name,
          archived: repo.archived ?? false,
          fork: repo.fork,
          topics: repo.topics ?? [],
          ...(repo.default_branch ? { defaultBranch: repo.default_branch } : {}),
        }));
      } catch (error) {
        if ((error as { status?: number }).status === 404)
          throw new Error(
            `organisation ${organization} not found, or this token cannot list its repositories (an installation token of a GitHub App installed on it can)`,
          );
        throw error;
      }
    },
    repository: (fullName) => {
      const slash = fullName.indexOf("/");
      return githubBatchedRepositoryView(batcher.client, {
        owner: fullName.slice(0, slash),
        repo: fullName.slice(slash + 1),
      });
    },
  };
  return { org, stats: batcher.stats };
}
