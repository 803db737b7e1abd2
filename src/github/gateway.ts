import type { Publisher } from "../ports/publisher.js";
import type { RepositoryView } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { githubPublisher } from "./publisher.js";
import { githubRepositoryView } from "./repository-view.js";
import { tokenIdentity, type IdentityReader } from "./token-identity.js";

export interface GitHubGateway {
  view: RepositoryView;
  publish: Publisher;
}

/**
 * The one gateway to GitHub: the repository view and the publisher of one repository over one
 * authenticated Octokit (Probot's `context.octokit` or the Action's), which already retries
 * 5xx and waits out rate limits. Every operation is paginated and batched here, so use cases
 * never think about it. `self` says who the token writes as, for what counts as ours
 * (src/markdown/ownership.ts): the App passes its own account; by default the token is asked.
 */
export function githubGateway(
  client: GitHubClient,
  repo: RepoRef,
  self: IdentityReader = tokenIdentity(client),
): GitHubGateway {
  return { view: githubRepositoryView(client, repo, self), publish: githubPublisher(client, repo, self) };
}
