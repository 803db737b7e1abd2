import * as core from "@actions/core";
import { context } from "@actions/github";
import { githubGateway } from "../github/gateway.js";
import { pullRequestInfo, type PullRequestPayload } from "../github/pull-request-payload.js";
import { parseIsoDateTime } from "../schemas/common.js";
import { drafterFromEnvironment } from "../use-cases/ai-drafter.js";
import { loadPullRequest } from "../use-cases/pull-request.js";
import { adr } from "./commands/adr.js";
import { dataCheck } from "./commands/data-check.js";
import { debtSync } from "./commands/debt-sync.js";
import { incident, issueOfEvent } from "./commands/incident.js";
import { onboard } from "./commands/onboard.js";
import { orgMerge, orgPlan, orgScorecard } from "./commands/org-scorecard.js";
import { scorecard } from "./commands/scorecard.js";
import { coreLogger, info, type ActionContext } from "./context.js";
import { actionOctokit } from "./octokit.js";

const commands = [
  "auto",
  "data-check",
  "adr",
  "scorecard",
  "debt-sync",
  "incident",
  "onboard",
  "org-plan",
  "org-scorecard",
  "org-merge",
] as const;
type Command = (typeof commands)[number];

/** `auto` picks the commands from the event that started the workflow. */
export function chooseCommands(command: Command, eventName: string): Exclude<Command, "auto">[] {
  if (command !== "auto") return [command];
  if (eventName === "pull_request" || eventName === "pull_request_target") return ["data-check", "adr"];
  if (eventName === "schedule") return ["scorecard", "debt-sync"];
  if (eventName === "workflow_dispatch") return ["scorecard"];
  if (eventName === "push") return ["debt-sync"];
  if (eventName === "issues" || eventName === "issue_comment") return ["incident"];
  return [];
}

/** The `now` input (an ISO 8601 time with a zone), or the run's time. */
function nowInput(): Date {
  const text = core.getInput("now");
  const now = text ? parseIsoDateTime(text) : new Date();
  if (!now)
    throw new Error(`input now must be an ISO 8601 time with a zone (e.g. 2025-11-03T00:00:00Z), not "${text}"`);
  return now;
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
      info(`Nothing to do on ${context.eventName} events with command auto.`);
      return;
    }
    if (selected.some((command) => command.startsWith("org-"))) {
      const client = actionOctokit(core.getInput("github-token", { required: true }));
      // The window follows `now` when given; else the plan's time, else the clock.
      const now = core.getInput("now") ? nowInput() : undefined;
      if (selected.includes("org-merge")) await orgMerge(client, dryRun);
      else if (selected.includes("org-plan")) await orgPlan(client, now);
      else await orgScorecard(client, now);
      return;
    }
    if (selected.includes("onboard")) {
      const gateway = githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo);
      await onboard({ ...gateway, log: coreLogger(), now: () => new Date() }, dryRun);
      return;
    }
    if (selected.includes("incident")) {
      const issue = issueOfEvent();
      if (!issue)
        throw new Error(
          `command incident needs an issues or issue_comment event on an issue, not ${context.eventName}`,
        );
      if (!issue.mayBeIncident) {
        info(`Issue #${issue.number}: a pull request, a bot's comment or no labels; nothing to do for incidents.`);
        return;
      }
      const gateway = githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo);
      await incident(
        {
          ...gateway,
          log: coreLogger(),
          now: () => new Date(),
          drafterFor: drafterFromEnvironment(process.env, coreLogger()),
        },
        issue.number,
        issue.labels,
        dryRun,
      );
      return;
    }
    if (selected.includes("debt-sync")) {
      const push = context.payload as {
        ref?: string;
        repository?: { default_branch?: string };
        commits?: { added?: string[]; modified?: string[]; removed?: string[] }[];
      };
      const branch = push.repository?.default_branch ?? process.env.GITHUB_REF_NAME ?? "main";
      const changed = (push.commits ?? []).flatMap((commit) => [
        ...(commit.added ?? []),
        ...(commit.modified ?? []),
        ...(commit.removed ?? []),
      ]);
      const touchesDebt =
        !push.commits || changed.some((path) => path === "tech_debt.json" || path.endsWith("/tech_debt.json"));
      if (context.eventName === "push" && push.ref !== `refs/heads/${branch}`)
        info(`Debt issues follow ${branch}; this push is to ${push.ref}.`);
      else if (context.eventName === "push" && !touchesDebt)
        info("This push does not change tech_debt.json: the debt issues are left as they are.");
      else {
        const gateway = githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo);
        await debtSync({ ...gateway, log: coreLogger(), now: () => new Date() }, branch, dryRun);
      }
      if (!selected.includes("scorecard")) return;
    }
    if (selected.includes("scorecard")) {
      const gateway = githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo);
      const now = nowInput();
      await scorecard(
        {
          ...gateway,
          log: coreLogger(),
          now: () => now,
          drafterFor: drafterFromEnvironment(process.env, coreLogger()),
        },
        dryRun,
      );
      return;
    }
    const payload = context.payload as unknown as Partial<PullRequestPayload>;
    if (!payload.pull_request || !payload.repository)
      throw new Error(`command ${selected.join(", ")} needs a pull_request event, not ${context.eventName}`);
    const useCase: ActionContext = {
      ...githubGateway(actionOctokit(core.getInput("github-token", { required: true })), context.repo),
      log: coreLogger(),
      now: () => new Date(),
      drafterFor: drafterFromEnvironment(process.env, coreLogger()),
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
