import type { Context } from "probot";
import { parseIsoDateTime } from "../schemas/iso-time.js";
import { loadConfig } from "../use-cases/load-config.js";
import { runScorecard } from "../use-cases/run-scorecard.js";
import { describeSyncIssue } from "../use-cases/sync-engineering-issue.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./use-case-context.js";

/** `POST /repos/{owner}/{repo}/dispatches` with this event type runs the scorecard on demand. */
export const scorecardDispatchType = "cto-copilot-scorecard";

/**
 * The scorecard on demand: `repository_dispatch` with `event_type: cto-copilot-scorecard`
 * (optional `client_payload.now` for a backfill): the scorecard run, with the Engineering sync
 * issue when `sync.issue` is on. One run per repository at a time.
 */
export async function onRepositoryDispatch(context: Context<"repository_dispatch">, queue: KeyedQueue): Promise<void> {
  const { action, repository } = context.payload;
  if (action !== scorecardDispatchType) return;
  const clientPayload = (context.payload.client_payload ?? {}) as { now?: string };
  try {
    await queue.run(`${repository.full_name}:scorecard`, async () => {
      const now = clientPayload.now ? parseIsoDateTime(clientPayload.now) : new Date();
      if (!now) throw new Error(`client_payload.now is not an ISO 8601 time with a zone: ${clientPayload.now}`);
      const useCase = { ...useCaseContext(context), now: () => now };
      const { config } = (await loadConfig(useCase.view, repository.default_branch)).resolved;
      const { written, syncIssue } = await runScorecard({ ...useCase, issues: useCase }, config, {
        branch: repository.default_branch,
        explain: true,
      });
      context.log.info(
        written.status === "committed"
          ? `scorecard of ${repository.full_name} committed to ${written.branch} (${written.sha})`
          : `scorecard of ${repository.full_name} not written: ${written.status === "skipped" ? written.reason : "dry run"}`,
      );
      const synced = syncIssue ? describeSyncIssue(syncIssue) : undefined;
      if (synced) context.log.info(`${repository.full_name}: ${synced}`);
    });
  } catch (error) {
    context.log.error({ err: error, repository: repository.full_name }, "scorecard failed");
  }
}
