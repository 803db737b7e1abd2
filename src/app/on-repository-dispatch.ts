import type { Context } from "probot";
import { draftSyncRead } from "../use-cases/draft-sync-read.js";
import { parseIsoDateTime } from "../schemas/common.js";
import { renderSyncIssue } from "../scorecard/sync-issue.js";
import { computeScorecard, syncInputsOf, writeScorecard } from "../use-cases/compute-scorecard.js";
import { loadConfig } from "../use-cases/load-config.js";
import { describeSyncIssue, syncEngineeringIssue } from "../use-cases/sync-engineering-issue.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./on-pull-request.js";

/** `POST /repos/{owner}/{repo}/dispatches` with this event type runs the scorecard on demand. */
export const scorecardDispatchType = "cto-copilot-scorecard";

/**
 * The scorecard on demand: `repository_dispatch` with `event_type: cto-copilot-scorecard`
 * (optional `client_payload.now` for a backfill), then the Engineering sync issue when
 * `sync.issue` is on. One run per repository at a time.
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
      const branch = repository.default_branch;
      const { config } = (await loadConfig(useCase.view, branch)).resolved;
      const compute = () => computeScorecard(useCase, config, branch, { explain: true });
      const run = await compute();
      const written = await writeScorecard(useCase, run, {
        mode: config.scorecard.commit,
        branch,
        botBranch: config.scorecard.branch,
        recompute: compute,
      });
      context.log.info(
        written.status === "committed"
          ? `scorecard of ${repository.full_name} committed to ${written.branch} (${written.sha})`
          : `scorecard of ${repository.full_name} not written: ${written.reason}`,
      );
      const { read } = await draftSyncRead(syncInputsOf(run), useCase.drafterFor(config.ai));
      const synced = describeSyncIssue(
        await syncEngineeringIssue(useCase, config.sync, renderSyncIssue(read, run.scorecard)),
      );
      if (synced) context.log.info(`${repository.full_name}: ${synced}`);
    });
  } catch (error) {
    context.log.error({ err: error, repository: repository.full_name }, "scorecard failed");
  }
}
