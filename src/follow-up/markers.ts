import { createHash } from "node:crypto";

/**
 * The hidden markers that tie an issue to what it follows up, found again on every run (never by
 * the title). Every part that comes from a file is percent-encoded, so no path or text can end the
 * HTML comment early (`-->`, `--!>`) or break it over lines.
 */

const actionItemPattern = /<!-- cto-copilot:action-item:([A-Za-z0-9%._~!*'()-]+)#(\d{1,6}):([0-9a-f]{12}) -->/;
const adrReviewPattern = /<!-- cto-copilot:adr-review:([A-Za-z0-9%._~!*'()-]+)@(\d{4}-\d{2}-\d{2}) -->/;
/** Written into the body when the sync itself closed the issue: the row ticked, or the reminder settled. */
export const closedBySyncMarker = "<!-- cto-copilot:follow-up-closed-by-sync -->";

const encode = (text: string) => encodeURIComponent(text);
const decode = (text: string) => {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
};

/** What an action item's row says, reduced to a short digest: how a row that moved is found again. */
export function actionDigest(action: string): string {
  return createHash("sha256").update(action.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex").slice(0, 12);
}

export interface ActionItemKey {
  file: string;
  row: number;
  digest: string;
}

export const actionItemMarker = (key: ActionItemKey) =>
  `<!-- cto-copilot:action-item:${encode(key.file)}#${key.row}:${key.digest} -->`;

/** The action item an issue body's marker names, if any. */
export function actionItemKeyIn(body: string | null): ActionItemKey | undefined {
  const match = body ? actionItemPattern.exec(body) : null;
  const file = match ? decode(match[1]!) : undefined;
  return match && file !== undefined ? { file, row: Number(match[2]), digest: match[3]! } : undefined;
}

export interface AdrReviewKey {
  file: string;
  reviewDate: string;
}

export const adrReviewMarker = (key: AdrReviewKey) =>
  `<!-- cto-copilot:adr-review:${encode(key.file)}@${key.reviewDate} -->`;

/** The ADR and review date an issue body's marker names, if any. */
export function adrReviewKeyIn(body: string | null): AdrReviewKey | undefined {
  const match = body ? adrReviewPattern.exec(body) : null;
  const file = match ? decode(match[1]!) : undefined;
  return match && file !== undefined ? { file, reviewDate: match[2]! } : undefined;
}

/** Whether an issue body carries a follow-up marker (such an issue is a follow-up, never an incident of its own). */
export function isFollowUpBody(body: string | null | undefined): boolean {
  return Boolean(body) && (actionItemPattern.test(body!) || adrReviewPattern.test(body!));
}
