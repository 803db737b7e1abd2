import type { Scorecard } from "../schemas/scorecard.js";
import { renderSyncRead, type SyncRead } from "./sync-read.js";

/** The hidden marker that makes an issue the Engineering sync issue (with the `sync.label` label). */
export const syncIssueMarker = "<!-- cto-copilot:engineering-sync -->";

/** The label the sync issue gets when it is created, with its colour and description. */
export const syncLabel = (name: string) => ({
  name,
  color: "1d76db",
  description: "The CTO sync read, rewritten by CTO Co-Pilot after each scorecard run",
});

/**
 * The body of the Engineering sync issue: the marker, where the read comes from, the read.
 * Deterministic (the same read and scorecard give the same body), so an unchanged read is no edit.
 */
export function renderSyncIssue(read: SyncRead, scorecard: Scorecard): string {
  return (
    [
      syncIssueMarker,
      `The CTO sync read of the engineering scorecard of ${scorecard.generatedAt.slice(0, 10)} (${scorecard.maturityStage} stage): what stands, the one priority, what waits, the next moves. Each figure comes from \`engineering_scorecard.json\`, where each status says why.`,
      "",
      renderSyncRead(read).trimEnd(),
      "",
      "---",
      "",
      "CTO Co-Pilot rewrites this issue after each scorecard run, so edits to it do not last; discuss in the comments. `sync.issue: false` in `.github/cto-copilot.yml` stops it.",
    ].join("\n") + "\n"
  );
}
