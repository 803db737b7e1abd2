import { Octokit } from "@octokit/core";
import { paginateRest } from "@octokit/plugin-paginate-rest";
import type { GitHubEmulator } from "./emulator/server.js";
import type { RepoState } from "./emulator/state.js";

/**
 * The baseline our deployments reader is measured against: the obvious REST way, listing
 * deployments and asking for each one's statuses. Returns how many requests it took.
 */
export async function naiveDeploymentRequests(
  github: GitHubEmulator,
  repo: RepoState,
  environment = "production",
): Promise<number> {
  const start = github.requests.length;
  const octokit = new (Octokit.plugin(paginateRest))({ auth: "ghs_naive", baseUrl: github.restUrl });
  const target = { owner: repo.owner, repo: repo.name };
  const deployments = await octokit.paginate("GET /repos/{owner}/{repo}/deployments", {
    ...target,
    environment,
    per_page: 100,
  });
  for (const deployment of deployments)
    await octokit.request("GET /repos/{owner}/{repo}/deployments/{deployment_id}/statuses", {
      ...target,
      deployment_id: deployment.id,
    });
  return github.requests.length - start;
}
