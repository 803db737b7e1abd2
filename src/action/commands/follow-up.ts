import * as core from "@actions/core";
import { pathsOfPush } from "../../debt/push-rule.js";
import { followUpForPush } from "../../follow-up/push-rule.js";
import { escapeInline } from "../../markdown/escape.js";
import { eventPayload, info, repositoryUrl, type ActionRun } from "../context.js";

/**
 * `follow-up`: one issue per open action item of the post-mortems and one reminder per accepted
 * ADR past its review date, kept in step with the files (on a push, only when the push changed a
 * post-mortem or an ADR on the default branch); outputs and a job summary of what changed.
 */
export async function followUp(action: ActionRun): Promise<void> {
  const push = eventPayload("push");
  const changedPaths = push?.commits ? pathsOfPush(push.commits) : undefined;
  if (push) {
    // A push that does not list its commits says nothing of what changed: the schedule catches up.
    if (!changedPaths) return info("Follow-up issues: the push event lists no commits; the scheduled run follows up.");
    // Nothing read, no request spent, for a push that cannot have changed a post-mortem or an ADR.
    const decision = followUpForPush({ ref: push.ref, defaultBranch: action.defaultBranch, changedPaths });
    if (!decision.sync) return info(decision.reason);
  }
  const { syncFollowUp } = await import("../../use-cases/sync-follow-up.js");
  const outcome = await syncFollowUp(await action.useCase(), {
    branch: action.defaultBranch,
    repositoryUrl: repositoryUrl(),
    configPath: action.configPath,
    dryRun: action.dryRun,
    ...(changedPaths ? { changedPaths } : {}),
  });
  if (outcome.status === "skipped") return info(`Follow-up issues: ${outcome.reason}.`);
  const { plan } = outcome;
  const counts = {
    created: plan.creates.length,
    updated: plan.updates.length,
    closed: plan.closes.length,
    reopened: plan.reopens.length,
    drift: plan.drift.length,
    deferred: plan.deferred,
  };
  for (const [name, value] of Object.entries(counts)) core.setOutput(`follow-up-${name}`, value);
  if (outcome.backSync) core.setOutput("follow-up-back-sync-pull-request", outcome.backSync.number);
  info(
    `Follow-up issues (at ${outcome.commit.slice(0, 7)}): ${Object.entries(counts)
      .map(([name, value]) => `${value} ${name}`)
      .join(", ")}.`,
  );
  const row = (what: string, subject: string, why: string) =>
    `| ${what} | ${escapeInline(subject)} | ${escapeInline(why)} |`;
  const rows = [
    ...plan.creates.map((create) => row("create", create.subject, create.reason)),
    ...plan.updates.map((update) => row(`edit #${update.number}`, update.subject, update.reason)),
    ...plan.closes.map((close) =>
      row(`close #${close.number} (${close.stateReason.replace("_", " ")})`, close.subject, close.reason),
    ),
    ...plan.reopens.map((reopen) => row(`reopen #${reopen.number}`, reopen.subject, reopen.reason)),
    ...plan.drift.map((drift) =>
      row(`tick #${drift.number}`, `${drift.item.file} row ${drift.item.row}`, drift.reason),
    ),
  ];
  const verb = outcome.status === "planned" ? "would be" : "were";
  const summary = [
    "## Follow-up issues",
    "",
    rows.length === 0
      ? "Every open action item has its issue, every ADR past review its reminder, and every issue matches the files: nothing was written."
      : `These changes ${verb} made${outcome.status === "planned" ? " (dry run)" : ""}:`,
    ...(rows.length > 0 ? ["", "| action | subject | why |", "|---|---|---|", ...rows] : []),
    ...(outcome.backSync
      ? [
          "",
          `${outcome.backSync.created ? "Opened" : "Kept"} pull request #${outcome.backSync.number} ticking the rows of hand-closed issues (followUp.backSync).`,
        ]
      : []),
    ...(plan.deferred > 0
      ? ["", `${plan.deferred} more will be created on the next runs (at most followUp.maxCreatesPerRun per run).`]
      : []),
  ];
  await core.summary.addRaw(summary.join("\n") + "\n").write();
}
