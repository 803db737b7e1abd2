import * as core from "@actions/core";
import { context } from "@actions/github";
import { renderScorecardSummary } from "../../scorecard/render-summary.js";
import { renderSyncIssue } from "../../scorecard/sync-issue.js";
import { computeScorecard, syncInputsOf, writeScorecard } from "../../use-cases/compute-scorecard.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { describeSyncIssue, syncEngineeringIssue } from "../../use-cases/sync-engineering-issue.js";
import { draftSyncRead } from "../../use-cases/draft-sync-read.js";
import { info, type ActionContext } from "../context.js";

/** `scorecard`: compute on the default branch, outputs and job summary (with the CTO sync read), then the commit or pull request, then the sync issue. */
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
  // The rule-based read for everyone; the model's with ai.enabled and a key (only figures and the repository's data files are sent).
  const drafted = await draftSyncRead(syncInputsOf(run), dryRun ? undefined : useCase.drafterFor?.(config.ai));
  const { read } = drafted;
  await core.summary
    .addRaw(renderScorecardSummary(run.scorecard, dora, run.previous, read), true)
    .addRaw(
      drafted.note || drafted.usage
        ? `\n${drafted.note ?? ""}${drafted.usage ? ` AI read: ${drafted.usage.inputTokens} input and ${drafted.usage.outputTokens} output tokens.` : ""}\n`
        : "",
      true,
    )
    .write();
  const syncIssue = (options: { dryRun?: boolean } = {}) =>
    syncEngineeringIssue(useCase, config.sync, renderSyncIssue(read, run.scorecard), options);
  if (dryRun) {
    info("Dry run: the scorecard was not written.");
    const planned = describeSyncIssue(await syncIssue({ dryRun: true }));
    if (planned) info(planned);
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
  const synced = describeSyncIssue(await syncIssue());
  if (synced) info(synced);
}
