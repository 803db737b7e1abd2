import type { CheckRunPlan, ExistingCheckRun } from "../report/check-run.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** GitHub accepts at most 50 annotations per create or update request. */
const annotationsPerRequest = 50;

/** The newest check run of this name on a commit, if any (created by this app or token). */
export async function findCheckRun(
  client: GitHubClient,
  repo: RepoRef,
  sha: string,
  name: string,
): Promise<ExistingCheckRun | undefined> {
  const { data } = await client.request("GET /repos/{owner}/{repo}/commits/{ref}/check-runs", {
    ...repo,
    ref: sha,
    check_name: name,
    filter: "latest",
    per_page: 1,
  });
  const run = data.check_runs[0];
  if (!run) return undefined;
  return {
    id: Number(run.id),
    status: run.status,
    conclusion: run.conclusion,
    title: run.output.title,
    summary: run.output.summary,
  };
}

/** Creates a completed check run; annotations beyond the first 50 follow in updates of 50. */
export async function createCheckRun(client: GitHubClient, repo: RepoRef, plan: CheckRunPlan): Promise<number> {
  const output = { title: plan.title, summary: plan.summary };
  const { data } = await client.request("POST /repos/{owner}/{repo}/check-runs", {
    ...repo,
    name: plan.name,
    head_sha: plan.headSha,
    status: "completed",
    conclusion: plan.conclusion,
    output: { ...output, annotations: plan.annotations.slice(0, annotationsPerRequest) },
  });
  for (let start = annotationsPerRequest; start < plan.annotations.length; start += annotationsPerRequest) {
    await client.request("PATCH /repos/{owner}/{repo}/check-runs/{check_run_id}", {
      ...repo,
      check_run_id: data.id,
      output: { ...output, annotations: plan.annotations.slice(start, start + annotationsPerRequest) },
    });
  }
  return Number(data.id);
}
