import type { Context } from "probot";
import { parseIsoDateTime } from "../schemas/common.js";
import { computeScorecard, writeScorecard } from "../use-cases/compute-scorecard.js";
import { loadConfig } from "../use-cases/load-config.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./on-pull-request.js";

/** `POST /repos/{owner}/{repo}/dispatches` with this event type runs the scorecard on demand. */
export const scorecardDispatchType = "cto-copilot-scorecard";

/**
 * The scorecard on demand: `repository_dispatch` with `event_type: cto-copilot-scorecard`
 * (optional `client_payload.now` for a backfill). One run per repository at a time.
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
      const written = await writeScorecard(useCase, await compute(), {
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
    });
  } catch (error) {
    context.log.error({ err: error, repository: repository.full_name }, "scorecard failed");
  }
}
