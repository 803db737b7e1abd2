import * as core from "@actions/core";
import { explainFailure } from "./failure-hint.js";
import type { CheckKey } from "../use-cases/review-pull-request.js";
import { debtSync } from "./commands/debt-sync.js";
import { followUp } from "./commands/follow-up.js";
import { incident } from "./commands/incident.js";
import { onboard } from "./commands/onboard.js";
import { orgMerge } from "./commands/org-merge.js";
import { orgPlan } from "./commands/org-plan.js";
import { orgScorecard } from "./commands/org-scorecard.js";
import { review } from "./commands/review.js";
import { scorecard } from "./commands/scorecard.js";
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

const reviewHandler: Handler = (action, selected) => {
  const commands = selected.filter((command) => reviewChecks[command] !== undefined);
  return review(action, { commands, checks: commands.map((command) => reviewChecks[command]!) });
};

/** Every command of the Action, by the name the `command` input gives. */
const commandTable: Record<CommandName, Handler> = {
  "data-check": reviewHandler,
  cost: reviewHandler,
  fit: reviewHandler,
  adr: reviewHandler,
  scorecard,
  "debt-sync": debtSync,
  "follow-up": followUp,
  incident,
  onboard,
  "org-plan": orgPlan,
  "org-scorecard": orgScorecard,
  "org-merge": orgMerge,
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

/** Tells the runner which inputs are secrets, so it masks them wherever they are printed; returns them. */
function maskSecrets(): string[] {
  const secrets = [core.getInput("github-token"), process.env.ANTHROPIC_API_KEY ?? ""].filter(
    (secret) => secret !== "",
  );
  for (const secret of secrets) core.setSecret(secret);
  return secrets;
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
    await explainFailure(error, (text) => redactSecrets(text, secrets));
  }
}
