import * as core from "@actions/core";
import { context } from "@actions/github";
import { githubGateway, type GitHubGateway } from "../github/gateway.js";
import { pullRequestInfo, type PullRequestPayload } from "../github/pull-request-payload.js";
import type { Logger } from "../ports/logger.js";
import type { PullRequestInfo } from "../ports/pull-request.js";
import { renderScorecardSummary } from "../scorecard/render-summary.js";
import { computeScorecard, writeScorecard } from "../use-cases/compute-scorecard.js";
import { loadConfig } from "../use-cases/load-config.js";
import { loadPullRequest, type PullRequestSnapshot } from "../use-cases/pull-request.js";
import { reviewAdr } from "../use-cases/review-adr.js";
import { reviewDataFiles } from "../use-cases/review-data-files.js";
import { actionOctokit } from "./octokit.js";
import { reportWithoutCheckRun } from "./report-without-check-run.js";

const commands = ["auto", "data-check", "adr", "scorecard"] as const;
type Command = (typeof commands)[number];

type UseCaseContext = GitHubGateway & { log: Logger; now: () => Date };

function coreLogger(): Logger {
  return { debug: core.debug, info: core.info, warn: core.warning, error: core.error };
}

/** `auto` picks the commands from the event that started the workflow. */
export function chooseCommands(command: Command, eventName: string): Exclude<Command, "auto">[] {
  if (command !== "auto") return [command];
  if (eventName === "pull_request" || eventName === "pull_request_target") return ["data-check", "adr"];
  if (eventName === "schedule" || eventName === "workflow_dispatch") return ["scorecard"];
  return [];
}

async function dataCheck(
  useCase: UseCaseContext,
  pr: PullRequestInfo,
  snapshot: PullRequestSnapshot,
  dryRun: boolean,
): Promise<boolean> {
  const outcome = await reviewDataFiles(useCase, pr, { dryRun, snapshot });
  if (outcome.status === "skipped") {
    core.info(outcome.reason);
    core.setOutput("conclusion", "skipped");
    return true;
  }
  const { plan } = outcome;
  const errors = plan.annotations.filter((annotation) => annotation.annotation_level === "failure").length;
  core.setOutput("conclusion", plan.conclusion);
  core.setOutput("errors", errors);
  core.setOutput("warnings", plan.annotations.length - errors);
  if (outcome.status === "posted" || outcome.status === "unchanged") {
    core.setOutput("check-run-id", outcome.checkRunId);
    await core.summary.addHeading(`${plan.name}: ${plan.title}`, 2).addRaw(plan.summary, true).write();
  } else {
    const reason =
      outcome.status === "dry-run"
        ? "Dry run: no check run was created."
        : "This token cannot create check runs (a pull request from a fork gets a read-only GITHUB_TOKEN), so the findings are reported as workflow annotations.";
    await reportWithoutCheckRun(plan, reason);
  }
  return plan.conclusion !== "failure";
}

async function adr(
  useCase: UseCaseContext,
  pr: PullRequestInfo,
  snapshot: PullRequestSnapshot,
  dryRun: boolean,
): Promise<boolean> {
  const outcome = await reviewAdr(useCase, pr, {
    snapshot,
    dryRun,
    event: (context.payload as { action?: string }).action,
  });
  core.setOutput("adr-status", outcome.status);
  core.setOutput("adr-triggered", String(outcome.changes.length > 0));
  core.info(`ADR: ${outcome.status} (${outcome.changes.length} infrastructure changes), comment ${outcome.comment}`);
  if (
    outcome.status === "suggested" &&
    (outcome.comment === "read-only" || outcome.comment === "dry-run" || outcome.check.status === "read-only")
  ) {
    const why =
      outcome.comment === "dry-run"
        ? "Dry run: no comment was written."
        : "This token cannot comment on the pull request (a fork's read-only GITHUB_TOKEN), so the suggestion is shown here.";
    core.warning(`${outcome.plan?.title ?? "ADR suggested"}: see the job summary`);
    await core.summary
      .addHeading("CTO Co-Pilot / ADR", 2)
      .addRaw(`> ${why}\n\n`)
      .addRaw(outcome.commentBody ?? "", true)
      .write();
  }
  return outcome.plan?.conclusion !== "failure";
}

async function scorecard(useCase: UseCaseContext, dryRun: boolean): Promise<void> {
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
    core.info("Dry run: the scorecard was not written.");
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
    core.info(
      `Scorecard committed to ${written.branch} as ${(written.sha ?? "").slice(0, 7)}${written.attempts > 1 ? ` after ${written.attempts} attempts (the branch moved meanwhile)` : ""}.`,
    );
    if (written.pullRequest) {
      core.setOutput("scorecard-pull-request", written.pullRequest.number);
      core.info(
        `${written.pullRequest.created ? "Opened" : "Updated"} pull request #${written.pullRequest.number}: ${written.pullRequest.url}`,
      );
    }
  } else core.info(`Scorecard not written: ${written.reason}.`);
}

/** The Action's entry point: the only place that turns errors into a failed step. */
export async function run(): Promise<void> {
  try {
    const input = core.getInput("command") || "auto";
    if (!(commands as readonly string[]).includes(input))
      throw new Error(`input command must be one of ${commands.join(", ")}, not "${input}"`);
    // A runner always passes action.yml's defaults; an empty value only happens outside one.
    const dryRun = core.getInput("dry-run") === "" ? false : core.getBooleanInput("dry-run");
    const selected = chooseCommands(input as Command, context.eventName);
    if (selected.length === 0) {
      core.info(`Nothing to do on ${context.eventName} events with command auto.`);
      return;
    }
    if (selected.includes("scorecard")) {
      const gateway = githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo);
      const nowInput = core.getInput("now");
      const now = nowInput ? new Date(nowInput) : new Date();
      if (Number.isNaN(now.getTime())) throw new Error(`input now must be an ISO 8601 time, not "${nowInput}"`);
      await scorecard({ ...gateway, log: coreLogger(), now: () => now }, dryRun);
      return;
    }
    const payload = context.payload as unknown as Partial<PullRequestPayload>;
    if (!payload.pull_request || !payload.repository)
      throw new Error(`command ${selected.join(", ")} needs a pull_request event, not ${context.eventName}`);
    const useCase: UseCaseContext = {
      ...githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo),
      log: coreLogger(),
      now: () => new Date(),
    };
    const pr = pullRequestInfo(payload as PullRequestPayload);
    const snapshot = await loadPullRequest(useCase.view, pr, core.getInput("config-path") || undefined);
    const failures: string[] = [];
    if (selected.includes("data-check") && !(await dataCheck(useCase, pr, snapshot, dryRun)))
      failures.push("the data files have errors (see the annotations)");
    if (selected.includes("adr") && !(await adr(useCase, pr, snapshot, dryRun)))
      failures.push("an ADR is required for this infrastructure change (adr.require)");
    if (failures.length > 0) core.setFailed(`CTO Co-Pilot: ${failures.join("; ")}`);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
