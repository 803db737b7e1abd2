import * as core from "@actions/core";
import { debtSyncForPush, pathsOfPush } from "../../debt/push-rule.js";
import { escapeInline } from "../../markdown/escape.js";
import { eventPayload, info, repositoryUrl, type ActionRun } from "../context.js";

/**
 * `debt-sync`: one issue per open debt item, kept in step with tech_debt.json (on a push, only
 * when the push changed it); outputs and a job summary of what changed.
 */
export async function debtSync(action: ActionRun): Promise<void> {
  const push = eventPayload("push");
  // A payload without its commits (not one GitHub sends) says nothing of what changed.
  const changedPaths = push?.commits ? pathsOfPush(push.commits) : undefined;
  if (push) {
    // Nothing read, no request spent, for a push that cannot have changed the debt file.
    const decision = debtSyncForPush({ ref: push.ref, defaultBranch: action.defaultBranch, changedPaths });
    if (!decision.sync) return info(decision.reason);
  }
  const { syncDebtIssues } = await import("../../use-cases/sync-debt-issues.js");
  const outcome = await syncDebtIssues(await action.useCase(), {
    branch: action.defaultBranch,
    repositoryUrl: repositoryUrl(),
    configPath: action.configPath,
    dryRun: action.dryRun,
    ...(changedPaths ? { changedPaths } : {}),
  });
  if (outcome.status === "skipped") {
    info(`Debt issues: ${outcome.reason}.`);
    return;
  }
  const { plan } = outcome;
  const counts = {
    created: plan.creates.length,
    updated: plan.updates.length,
    closed: plan.closes.length,
    reopened: plan.reopens.length,
    drift: plan.drift.length,
    deferred: plan.deferred,
  };
  for (const [name, value] of Object.entries(counts)) core.setOutput(`debt-${name}`, value);
  if (outcome.backSync) core.setOutput("debt-back-sync-pull-request", outcome.backSync.number);
  const verb = outcome.status === "planned" ? "would be" : "were";
  info(
    `Debt issues (${outcome.file} at ${outcome.commit.slice(0, 7)}): ${Object.entries(counts)
      .map(([name, value]) => `${value} ${name}`)
      .join(", ")}.`,
  );
  const rows = [
    ...plan.creates.map((create) => `| create | ${escapeInline(create.id)} | ${escapeInline(create.reason)} |`),
    ...plan.updates.map(
      (update) => `| edit #${update.number} | ${escapeInline(update.id)} | ${escapeInline(update.reason)} |`,
    ),
    ...plan.closes.map(
      (close) =>
        `| close #${close.number} (${close.stateReason.replace("_", " ")}) | ${escapeInline(close.id)} | ${escapeInline(close.reason)} |`,
    ),
    ...plan.reopens.map(
      (reopen) => `| reopen #${reopen.number} | ${escapeInline(reopen.id)} | ${escapeInline(reopen.reason)} |`,
    ),
    ...plan.drift.map(
      (drift) => `| left closed #${drift.number} | ${escapeInline(drift.id)} | ${escapeInline(drift.reason)} |`,
    ),
  ];
  const summary = [
    `## Tech-debt issues`,
    "",
    rows.length === 0
      ? "Every open debt item has its issue, and every issue matches tech_debt.json: nothing was written."
      : `These changes ${verb} made${outcome.status === "planned" ? " (dry run)" : ""}:`,
    ...(rows.length > 0 ? ["", "| action | item | why |", "|---|---|---|", ...rows] : []),
    ...(outcome.backSync
      ? [
          "",
          `${outcome.backSync.created ? "Opened" : "Updated"} pull request #${outcome.backSync.number} to mark the items of hand-closed issues resolved (debt.backSync).`,
        ]
      : []),
    ...(plan.deferred > 0
      ? [
          "",
          `${plan.deferred} more issue${plan.deferred === 1 ? "" : "s"} will be created on the next runs (at most debt.maxCreatesPerRun per run).`,
        ]
      : []),
  ];
  await core.summary.addRaw(summary.join("\n") + "\n").write();
}
