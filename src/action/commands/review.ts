import * as core from "@actions/core";
import { readFile } from "node:fs/promises";
import { pullRequestInfo } from "../../github/pull-request-payload.js";
import { reviewPullRequest, type CheckKey } from "../../use-cases/review-pull-request.js";
import { eventPayload, info, type ActionRun } from "../context.js";
import { reportAdrCheck } from "./adr.js";
import { reportCost, reportFit } from "./cost-and-fit.js";
import { reportDataCheck } from "./data-check.js";

/** The `infracost-json` input: a file the workflow wrote (infracost diff --format json --out-file ...). */
async function infracostInput(): Promise<{ text: string; origin: string } | undefined> {
  const path = core.getInput("infracost-json");
  if (!path) return undefined;
  try {
    return { text: await readFile(path, "utf8"), origin: path };
  } catch (error) {
    throw new Error(
      `input infracost-json: cannot read ${path} (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * `data-check`, `cost`, `fit` and `adr` (and `auto` on pull requests): the pull-request review with the checks
 * asked for, over one read of config and changed files. Returns why the step fails, if it does.
 */
export async function review(
  action: ActionRun,
  selected: { commands: readonly string[]; checks: readonly CheckKey[] },
): Promise<string[]> {
  const { checks } = selected;
  const payload = eventPayload("pull_request");
  if (!payload?.pull_request)
    throw new Error(`command ${selected.commands.join(", ")} needs a pull_request event, not ${action.eventName}`);
  const infracost = await infracostInput();
  const { outcomes, failures } = await reviewPullRequest(await action.useCase(), pullRequestInfo(payload), {
    only: checks,
    event: payload.action,
    dryRun: action.dryRun,
    ...(action.configPath ? { configPath: action.configPath } : {}),
    ...(infracost ? { infracost } : {}),
  });
  if (outcomes.data) await reportDataCheck(outcomes.data);
  else if (checks.includes("data")) {
    // A label or an edited description cannot change the files at the head: the data check of this head stands.
    info(`Data check: not run on ${payload.action} events; the check of this commit stands.`);
    core.setOutput("conclusion", "skipped");
  }
  if (outcomes.cost) await reportCost(outcomes.cost);
  if (outcomes.fit) await reportFit(outcomes.fit);
  if (outcomes.adr) await reportAdrCheck(outcomes.adr);
  return failures;
}
