import * as core from "@actions/core";
import { renderScorecardSummary } from "../../scorecard/render-summary.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { runScorecard, type ScorecardRunOutcome } from "../../use-cases/run-scorecard.js";
import { describeSyncIssue } from "../../use-cases/sync-engineering-issue.js";
import { info, type ActionRun } from "../context.js";

/** `scorecard`: the scorecard run on the default branch; its figures as outputs, the explained scorecard and the CTO sync read in the job summary. */
export async function scorecard(action: ActionRun): Promise<void> {
  const now = action.now ?? new Date();
  // One time for the whole run: the window, the files' dates and the sync read agree.
  const useCase = { ...(await action.useCase()), now: () => now };
  const { resolved } = await loadConfig(useCase.view, action.defaultBranch, action.configPath);
  if (!resolved.valid)
    core.warning("The CTO Co-Pilot config has errors; the defaults are used (run cto-copilot validate).");
  const outcome = await runScorecard({ ...useCase, issues: useCase }, resolved.config, {
    branch: action.defaultBranch,
    explain: true,
    dryRun: action.dryRun,
  });
  setFigureOutputs(outcome);
  await writeSummary(outcome);
  reportWritten(outcome);
  const synced = outcome.syncIssue ? describeSyncIssue(outcome.syncIssue) : undefined;
  if (synced) info(synced);
}

function setFigureOutputs({ run: { dora } }: ScorecardRunOutcome): void {
  core.setOutput("deployments", dora.deploymentFrequency.deployments);
  core.setOutput("deployment-frequency", dora.deploymentFrequency.perWeek);
  core.setOutput("lead-time-hours", dora.leadTimeForChanges.medianHours ?? "");
  core.setOutput("change-failure-rate", dora.changeFailureRate.rate ?? "");
  core.setOutput("time-to-restore-hours", dora.timeToRestore.medianHours ?? "");
  core.setOutput("rework-rate", dora.reworkRate.rate ?? "");
}

async function writeSummary({ run, drafted }: ScorecardRunOutcome): Promise<void> {
  const usage = drafted.usage
    ? ` AI read: ${drafted.usage.inputTokens} input and ${drafted.usage.outputTokens} output tokens.`
    : "";
  await core.summary
    .addRaw(renderScorecardSummary(run.scorecard, run.dora, run.previous, drafted.read), true)
    .addRaw(drafted.note || usage ? `\n${drafted.note ?? ""}${usage}\n` : "", true)
    .write();
}

function reportWritten({ written }: ScorecardRunOutcome): void {
  if (written.status === "dry-run") return info("Dry run: the scorecard was not written.");
  if (written.status === "skipped") return info(`Scorecard not written: ${written.reason}.`);
  core.setOutput("scorecard-commit", written.sha ?? "");
  const retried = written.attempts > 1 ? ` after ${written.attempts} attempts (the branch moved meanwhile)` : "";
  info(`Scorecard committed to ${written.branch} as ${(written.sha ?? "").slice(0, 7)}${retried}.`);
  if (!written.pullRequest) return;
  core.setOutput("scorecard-pull-request", written.pullRequest.number);
  const verb = written.pullRequest.created ? "Opened" : "Updated";
  info(`${verb} pull request #${written.pullRequest.number}: ${written.pullRequest.url}`);
}
