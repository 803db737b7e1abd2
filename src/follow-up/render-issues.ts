import { posix } from "node:path";
import { codeSpan, escapeInline, neutralizeReferences } from "../markdown/escape.js";
import type { ActionItem } from "./action-items.js";
import { ownedBody } from "../markdown/ownership.js";
import { actionDigest, actionItemMarkerName, adrReviewMarkerName, closedBySyncMarker } from "./markers.js";

/** GitHub refuses issue titles over 256 characters. */
const maxTitle = 256;

const oneLineTitle = (text: string) => {
  const title = neutralizeReferences(text.replace(/[\r\n]+/g, " ").trim());
  return title.length <= maxTitle ? title : `${title.slice(0, maxTitle - 1)}…`;
};

/** An ADR as its reminder shows it. */
export interface ReviewedAdr {
  path: string;
  title: string;
  status?: string;
  date?: string;
  reviewDate?: string;
  /** The first words of its Decision section. */
  decision?: string;
}

export const actionItemTitle = (item: ActionItem) => oneLineTitle(item.action);
export const adrReviewTitle = (adr: ReviewedAdr) => oneLineTitle(`Review decision: ${adr.title}`);

/**
 * An action item's issue: the row's words made inert, owner, due date, a link to the row of the
 * post-mortem, and the marker. The owner is shown, not mentioned: assigning is the notification.
 */
export function actionItemBody(item: ActionItem, rowUrl: string, closedBySync = false): string {
  const name = actionItemMarkerName({ file: item.file, row: item.row, digest: actionDigest(item.action) });
  return ownedBody(
    name,
    [
      ...(closedBySync ? [closedBySyncMarker] : []),
      `An action item of the post-mortem ${codeSpan(posix.basename(item.file))}.`,
      "",
      "| | |",
      "|---|---|",
      `| Action | ${escapeInline(item.action)} |`,
      `| Owner | ${item.owner ? escapeInline(item.owner) : "nobody named"} |`,
      `| Due | ${item.due ?? "no date"} |`,
      `| Status | ${item.status === "done" ? "✅ done" : "🔲 open"} |`,
      "",
      `Kept in step with [the row in the post-mortem](${rowUrl}) by CTO Co-Pilot: edit the post-mortem, not this issue. Tick the row (✅) and this issue closes; close this issue and a pull request ticks the row.`,
    ].join("\n"),
  );
}

/** An ADR's review reminder: what was decided, when, and the question. */
export function adrReviewBody(adr: ReviewedAdr & { reviewDate: string }, adrUrl: string, closedBySync = false): string {
  return ownedBody(
    adrReviewMarkerName({ file: adr.path, reviewDate: adr.reviewDate }),
    [
      ...(closedBySync ? [closedBySyncMarker] : []),
      `The decision [${escapeInline(adr.title)}](${adrUrl}) was accepted${adr.date ? ` on ${escapeInline(adr.date)}` : ""} and asked to be reviewed on ${adr.reviewDate}.`,
      ...(adr.decision ? ["", `> ${escapeInline(adr.decision)}`] : []),
      "",
      "**Is it still right?**",
      "",
      "- Yes: move its Review Date forward in the ADR.",
      `- No: write the decision that replaces it (\`cto-copilot adr new "…" --supersedes ${posix.basename(adr.path)}\`), or set its status to deprecated.`,
      "",
      "This issue closes itself when the review date moves or the status changes.",
    ].join("\n"),
  );
}
