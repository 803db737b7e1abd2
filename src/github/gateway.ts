import type { Publisher } from "../ports/publisher.js";
import type { RepositoryView } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { githubPublisher } from "./publisher.js";
import { githubRepositoryView } from "./repository-view.js";

export interface GitHubGateway {
  view: RepositoryView;
  publish: Publisher;
}

/**
 * The one gateway to GitHub: the repository view and the publisher of one repository over one
 * authenticated Octokit (Probot's `context.octokit` or the Action's), which already retries
 * 5xx and waits out rate limits. Every operation is paginated and batched here, so use cases
 * never think about it.
 */
export function githubGateway(client: GitHubClient, repo: RepoRef): GitHubGateway {
  return { view: githubRepositoryView(client, repo), publish: githubPublisher(client, repo) };
}
