import * as core from "@actions/core";
import { context } from "@actions/github";
import { createGateway } from "../github/gateway.js";
import type { UseCaseContext } from "../use-cases/context.js";
import { reviewDataFiles } from "../use-cases/review-data-files.js";
import { actionOctokit } from "./octokit.js";
import { reportWithoutCheckRun } from "./report.js";

const commands = ["auto", "data-check"] as const;
type Command = (typeof commands)[number];

function coreLogger(): UseCaseContext["log"] {
  return { debug: core.debug, info: core.info, warn: core.warning, error: core.error };
}

/** `auto` picks the command from the event that started the workflow. */
function chooseCommand(command: Command, eventName: string): Exclude<Command, "auto"> | undefined {
  if (command !== "auto") return command;
  if (eventName === "pull_request" || eventName === "pull_request_target") return "data-check";
  return undefined;
}

async function dataCheck(dryRun: boolean): Promise<void> {
  const payload = context.payload as { pull_request?: { number: number; head: { sha: string } } };
  if (!payload.pull_request) throw new Error(`command data-check needs a pull_request event, not ${context.eventName}`);
  const token = core.getInput("github-token", { required: true });
  const client = actionOctokit(token);
  const github = createGateway(client, context.repo);
  const pr = { number: payload.pull_request.number, headSha: payload.pull_request.head.sha };
  const useCase: UseCaseContext = { github, log: coreLogger(), now: () => new Date() };
  const configPath = core.getInput("config-path") || undefined;
  const outcome = await reviewDataFiles(useCase, pr, { dryRun, configPath });

  if (outcome.status === "skipped") {
    core.info(outcome.reason);
    core.setOutput("conclusion", "skipped");
    return;
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
  if (plan.conclusion === "failure") core.setFailed(`${plan.title} (see the annotations)`);
}

/** The Action's entry point: the only place that turns errors into a failed step. */
export async function run(): Promise<void> {
  try {
    const input = core.getInput("command") || "auto";
    if (!(commands as readonly string[]).includes(input)) throw new Error(`input command must be one of ${commands.join(", ")}, not "${input}"`);
    // A runner always passes action.yml's defaults; an empty value only happens outside one.
    const dryRun = core.getInput("dry-run") === "" ? false : core.getBooleanInput("dry-run");
    const command = chooseCommand(input as Command, context.eventName);
    if (!command) {
      core.info(`Nothing to do on ${context.eventName} events with command auto.`);
      return;
    }
    await dataCheck(dryRun);
  } catch (error) {
    core.setFailed(error instanceof Error ? error.message : String(error));
  }
}
