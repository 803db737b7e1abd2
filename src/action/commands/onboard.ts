import * as core from "@actions/core";
import { renderFirstSyncMarkdown } from "../../discovery/first-sync.js";
import { dataLayoutOf } from "../../schemas/data-files.js";
import { discoverRepository } from "../../use-cases/discover-repository.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { onboardRepository } from "../../use-cases/onboard-repository.js";
import { info, type ActionRun } from "../context.js";

/**
 * `onboard` (workflow_dispatch): what the App does on install, on request. A person ran it, so a
 * closed onboarding pull request does not stop it; an open one, tech_stack.json, or
 * `onboarding: false` still do. The first CTO sync goes to the job summary either way.
 */
export async function onboard(action: ActionRun): Promise<void> {
  const useCase = await action.useCase();
  const branch = action.defaultBranch;
  if (action.dryRun) {
    const { config } = (await loadConfig(useCase.view, branch)).resolved;
    const head = await useCase.view.readHead(branch);
    const run = await discoverRepository(useCase.view, config, { ref: head.sha, branch, now: useCase.now() });
    await core.summary
      .addRaw(
        renderFirstSyncMarkdown(
          run,
          { ...run.read, windowDays: config.dora.windowDays, notes: run.notes },
          { dataDir: dataLayoutOf(config).dataDir },
        ),
        true,
      )
      .write();
    info("Dry run: no pull request was opened.");
    return;
  }
  const outcome = await onboardRepository(useCase, { branch, requested: true });
  core.setOutput("onboarding-status", outcome.status);
  if (outcome.status === "skipped") {
    info(`No onboarding pull request: ${outcome.reason}.`);
    return;
  }
  core.setOutput("onboarding-pull-request", outcome.pullRequest.number);
  if (outcome.status === "exists") {
    info(`The onboarding pull request is open already: #${outcome.pullRequest.number} ${outcome.pullRequest.url}`);
    return;
  }
  await core.summary.addRaw(outcome.body, true).write();
  info(
    `Opened the onboarding pull request #${outcome.pullRequest.number} (${outcome.files.length} files): ${outcome.pullRequest.url}`,
  );
}
