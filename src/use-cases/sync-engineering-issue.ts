import type { Logger } from "../ports/logger.js";
import type { IssuePublisher } from "../ports/publisher.js";
import type { IssueView } from "../ports/repository-view.js";
import type { Config } from "../schemas/config.js";
import { syncIssueMarker, syncLabel } from "../scorecard/sync-issue.js";

export interface SyncIssueContext {
  view: IssueView;
  publish: IssuePublisher;
  log: Logger;
}

export type SyncIssueOutcome =
  | { status: "skipped"; reason: string }
  /** Dry run: what a run would do. */
  | { status: "planned"; action: "create" | "update" | "unchanged"; number?: number }
  | { status: "created"; number: number; pinned: boolean }
  | { status: "updated" | "unchanged"; number: number };

/**
 * Keeps one "Engineering sync" issue with the CTO sync read (config `sync`):
 *
 * 1. Nothing (not even a read) unless `sync.issue` is on.
 * 2. List the issues with `sync.label`; the sync issue is the one carrying the hidden marker
 *    (the oldest, should two ever exist).
 * 3. None: create the label when missing, create the issue, pin it (once: a person who unpins it
 *    is not overruled; a refusal is logged, pinning is cosmetic). One: edit its title and body
 *    when they differ, open or closed (a closed one stays closed), else leave it.
 */
export async function syncEngineeringIssue(
  context: SyncIssueContext,
  settings: Config["sync"],
  body: string,
  options: { dryRun?: boolean } = {},
): Promise<SyncIssueOutcome> {
  if (!settings.issue) return { status: "skipped", reason: "sync.issue is off in the config" };
  const text = body.includes(syncIssueMarker) ? body : `${syncIssueMarker}\n${body}`;
  const existing = (await context.view.listIssuesWithLabel(settings.label))
    .filter((issue) => issue.body?.includes(syncIssueMarker))
    .sort((a, b) => a.number - b.number)[0];
  if (existing) {
    const same = existing.body === text && existing.title === settings.title;
    if (options.dryRun) return { status: "planned", action: same ? "unchanged" : "update", number: existing.number };
    if (same) return { status: "unchanged", number: existing.number };
    await context.publish.updateIssue(existing.number, { title: settings.title, body: text });
    if (existing.state === "closed")
      context.log.info(
        `The Engineering sync issue #${existing.number} is closed: its text was updated and it was left closed (sync.issue: false stops the updates).`,
      );
    return { status: "updated", number: existing.number };
  }
  if (options.dryRun) return { status: "planned", action: "create" };
  await context.publish.ensureLabels([syncLabel(settings.label)]);
  const number = await context.publish.createIssue({ title: settings.title, body: text, labels: [settings.label] });
  try {
    await context.publish.pinIssue(number);
    return { status: "created", number, pinned: true };
  } catch (error) {
    context.log.info(
      `The Engineering sync issue #${number} was not pinned (${(error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ")}); pin it by hand if you like: GitHub allows 3 pinned issues per repository.`,
    );
    return { status: "created", number, pinned: false };
  }
}

/** One line for the log about what happened to the sync issue; undefined when the feature is off. */
export function describeSyncIssue(outcome: SyncIssueOutcome): string | undefined {
  switch (outcome.status) {
    case "skipped":
      return undefined;
    case "planned":
      return outcome.action === "create"
        ? "Dry run: the Engineering sync issue would be created and pinned."
        : outcome.action === "update"
          ? `Dry run: the Engineering sync issue #${outcome.number} would be updated.`
          : `Dry run: the Engineering sync issue #${outcome.number} is up to date.`;
    case "created":
      return `Created the Engineering sync issue #${outcome.number}${outcome.pinned ? " and pinned it" : ""}.`;
    case "updated":
      return `Updated the Engineering sync issue #${outcome.number}.`;
    case "unchanged":
      return `The Engineering sync issue #${outcome.number} is up to date.`;
  }
}
