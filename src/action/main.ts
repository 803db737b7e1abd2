import * as core from "@actions/core";
import type { CheckKey } from "../use-cases/review-pull-request.js";
import { actionRun, info, type ActionRun } from "./context.js";
import { redactSecrets } from "./redact-secrets.js";

const commands = [
  "data-check",
  "cost",
  "fit",
  "adr",
  "scorecard",
  "debt-sync",
  "follow-up",
  "incident",
  "onboard",
  "org-plan",
  "org-scorecard",
  "org-merge",
] as const;
type CommandName = (typeof commands)[number];

/** A command of the `command` input: it reports through the runner and returns why the step fails, if it does. */
type Handler = (action: ActionRun, selected: readonly CommandName[]) => Promise<string[] | void>;

/** The pull-request checks each command selects: `data-check`, `cost`, `fit` and `adr` share one review. */
const reviewChecks: Partial<Record<CommandName, CheckKey>> = {
  "data-check": "data",
  cost: "cost",
  fit: "fit",
  adr: "adr",
};

const reviewHandler: Handler = async (action, selected) => {
  const { review } = await import("./commands/review.js");
  const commands = selected.filter((command) => reviewChecks[command] !== undefined);
  return review(action, { commands, checks: commands.map((command) => reviewChecks[command]!) });
};

// Each command, and what it needs (Octokit, the schemas, the engines), is loaded when it runs: an
// event pays only for its own command, and one with nothing to do for none. A new command: one line.
/** Every command of the Action, by the name the `command` input gives. */
const commandTable: Record<CommandName, Handler> = {
  "data-check": reviewHandler,
  cost: reviewHandler,
  fit: reviewHandler,
  adr: reviewHandler,
  scorecard: async (action) => (await import("./commands/scorecard.js")).scorecard(action),
  "debt-sync": async (action) => (await import("./commands/debt-sync.js")).debtSync(action),
  "follow-up": async (action) => (await import("./commands/follow-up.js")).followUp(action),
  incident: async (action) => (await import("./commands/incident.js")).incident(action),
  onboard: async (action) => (await import("./commands/onboard.js")).onboard(action),
  "org-plan": async (action) => (await import("./commands/org-plan.js")).orgPlan(action),
  "org-scorecard": async (action) => (await import("./commands/org-scorecard.js")).orgScorecard(action),
  "org-merge": async (action) => (await import("./commands/org-merge.js")).orgMerge(action),
};
const commandNames: readonly string[] = ["auto", ...commands];

/** What `auto` runs on each event that started the workflow, in order. */
const automatic: Readonly<Record<string, readonly CommandName[]>> = {
  pull_request: ["data-check", "cost", "fit", "adr"],
  pull_request_target: ["data-check", "cost", "fit", "adr"],
  schedule: ["debt-sync", "follow-up", "scorecard"],
  workflow_dispatch: ["scorecard"],
  push: ["debt-sync", "follow-up"],
  issues: ["incident"],
  issue_comment: ["incident"],
};

/** The commands to run: the one named, or those `auto` picks for the event. */
export function chooseCommands(command: string, eventName: string): readonly CommandName[] {
  if (!commandNames.includes(command))
    throw new Error(`input command must be one of ${commandNames.join(", ")}, not "${command}"`);
  return command === "auto" ? (automatic[eventName] ?? []) : [command as CommandName];
}

/**
 * Tells the runner the token input is a secret, so it masks it wherever it is printed; returns
 * the secrets to scrub from what the Action prints itself (ANTHROPIC_API_KEY comes from the
 * workflow's secrets, which the runner already masks).
 */
function maskSecrets(): string[] {
  const token = core.getInput("github-token");
  if (token) core.setSecret(token);
  return [token, process.env.ANTHROPIC_API_KEY ?? ""].filter((secret) => secret !== "");
}

/** The Action's entry point: the only place that turns errors into a failed step (never printing a token). */
export async function run(): Promise<void> {
  const secrets = maskSecrets();
  try {
    const action = actionRun();
    const selected = chooseCommands(core.getInput("command") || "auto", action.eventName);
    if (selected.length === 0) return info(`Nothing to do on ${action.eventName} events with command auto.`);
    const failures: string[] = [];
    // Commands that share a handler (the review's checks) run as one.
    for (const handler of new Set(selected.map((command) => commandTable[command])))
      failures.push(...((await handler(action, selected)) ?? []));
    if (failures.length > 0) core.setFailed(redactSecrets(`CTO Co-Pilot: ${failures.join("; ")}`, secrets));
  } catch (error) {
    core.setFailed(redactSecrets(error instanceof Error ? error.message : String(error), secrets));
    const { explainFailure } = await import("./failure-hint.js");
    await explainFailure(error, (text) => redactSecrets(text, secrets));
  }
}
