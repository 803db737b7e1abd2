import type { DeploymentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";

/**
 * `workflow-runs`: completed runs of one workflow (file name or id) on the default branch,
 * newest first, 100 per request; a successful run is a deployment at its completion time, a
 * failed one a failed deployment. Cancelled and skipped runs are not deployments.
 */
export async function fetchWorkflowRunDeployments(
  client: GitHubClient,
  repo: RepoRef,
  workflow: string,
  branch: string,
  since: number,
): Promise<DeploymentEvent[]> {
  const deployments: DeploymentEvent[] = [];
  for (let page = 1; ; page++) {
    const { data } = await client.request("GET /repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs", {
      ...repo,
      workflow_id: workflow,
      branch,
      status: "completed",
      per_page: 100,
      page,
    });
    let older = false;
    for (const run of data.workflow_runs) {
      if (run.conclusion !== "success" && run.conclusion !== "failure") continue;
      const time = Date.parse(run.updated_at);
      deployments.push({
        ref: `run ${run.run_number}`,
        sha: run.head_sha,
        time,
        environment: "production",
        status: run.conclusion === "success" ? "success" : "failure",
        markers: [run.head_branch ?? "", run.display_title],
      });
      if (time <= since && run.conclusion === "success") older = true;
    }
    if (older || data.workflow_runs.length < 100) return deployments;
  }
}
