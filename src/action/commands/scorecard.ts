import * as core from "@actions/core";
import { context } from "@actions/github";
import { renderScorecardSummary } from "../../scorecard/render-summary.js";
import { computeScorecard, writeScorecard } from "../../use-cases/compute-scorecard.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { info, type ActionContext } from "../context.js";

/** `scorecard`: compute on the default branch, outputs and job summary, then the commit or pull request. */
export async function scorecard(useCase: ActionContext, dryRun: boolean): Promise<void> {
  const payload = context.payload as { repository?: { default_branch?: string } };
  const branch = payload.repository?.default_branch ?? process.env.GITHUB_REF_NAME ?? "main";
  const { resolved } = await loadConfig(useCase.view, branch, core.getInput("config-path") || undefined);
  if (!resolved.valid)
    core.warning("The CTO Co-Pilot config has errors; the defaults are used (run cto-copilot validate).");
  const { config } = resolved;
  const compute = () => computeScorecard(useCase, config, branch, { explain: true });
  const run = await compute();
  const { dora } = run;
  core.setOutput("deployments", dora.deploymentFrequency.deployments);
  core.setOutput("deployment-frequency", dora.deploymentFrequency.perWeek);
  core.setOutput("lead-time-hours", dora.leadTimeForChanges.medianHours ?? "");
  core.setOutput("change-failure-rate", dora.changeFailureRate.rate ?? "");
  core.setOutput("time-to-restore-hours", dora.timeToRestore.medianHours ?? "");
  core.setOutput("rework-rate", dora.reworkRate.rate ?? "");
  await core.summary.addRaw(renderScorecardSummary(run.scorecard, dora, run.previous), true).write();
  if (dryRun) {
    info("Dry run: the scorecard was not written.");
    return;
  }
  const written = await writeScorecard(useCase, run, {
    mode: config.scorecard.commit,
    branch,
    botBranch: config.scorecard.branch,
    recompute: compute,
  });
  if (written.status === "committed") {
    core.setOutput("scorecard-commit", written.sha ?? "");
    info(
      `Scorecard committed to ${written.branch} as ${(written.sha ?? "").slice(0, 7)}${written.attempts > 1 ? ` after ${written.attempts} attempts (the branch moved meanwhile)` : ""}.`,
    );
    if (written.pullRequest) {
      core.setOutput("scorecard-pull-request", written.pullRequest.number);
      info(
        `${written.pullRequest.created ? "Opened" : "Updated"} pull request #${written.pullRequest.number}: ${written.pullRequest.url}`,
      );
    }
  } else info(`Scorecard not written: ${written.reason}.`);
}
