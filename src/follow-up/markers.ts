import { createHash } from "node:crypto";
import {
  idOfMarker,
  markerId,
  ownMarker,
  readMarker,
  type Authored,
  type SelfIdentity,
} from "../markdown/ownership.js";

/**
 * The marker names that tie an issue to what it follows up (the first line of its body, written by
 * `ownedBody`), found again on every run, never by the title. Every part that comes from a file
 * is percent-encoded (`markerId`), so no path can end the HTML comment early or break its line.
 */

/** Written into the body when the sync itself closed the issue: the row ticked, or the reminder settled. */
export const closedBySyncMarker = "<!-- cto-copilot:follow-up-closed-by-sync -->";

/** What an action item's row says, reduced to a short digest: how a row that moved is found again. */
export function actionDigest(action: string): string {
  return createHash("sha256").update(action.replace(/\s+/g, " ").trim().toLowerCase()).digest("hex").slice(0, 12);
}

export interface ActionItemKey {
  file: string;
  row: number;
  digest: string;
}

export interface AdrReviewKey {
  file: string;
  reviewDate: string;
}

export const actionItemMarkerName = (key: ActionItemKey) =>
  `action-item:${markerId(key.file)}:${key.row}:${key.digest}`;
export const adrReviewMarkerName = (key: AdrReviewKey) => `adr-review:${markerId(key.file)}:${key.reviewDate}`;

const actionItemName = /^action-item:([^:]+):(\d{1,6}):([0-9a-f]{12})$/;
const adrReviewName = /^adr-review:([^:]+):(\d{4}-\d{2}-\d{2})$/;

/** The action item a marker name ties to, if it is one. */
export function actionItemKeyOf(name: string | undefined): ActionItemKey | undefined {
  const match = name ? actionItemName.exec(name) : null;
  const file = match ? idOfMarker(match[1]!) : undefined;
  return match && file !== undefined ? { file, row: Number(match[2]), digest: match[3]! } : undefined;
}

/** The ADR and review date a marker name ties to, if it is one. */
export function adrReviewKeyOf(name: string | undefined): AdrReviewKey | undefined {
  const match = name ? adrReviewName.exec(name) : null;
  const file = match ? idOfMarker(match[1]!) : undefined;
  return match && file !== undefined ? { file, reviewDate: match[2]! } : undefined;
}

/**
 * Whether an issue is one of our follow-up issues (by the one ownership rule: our marker on its
 * first line, our identity as its author, what we wrote): such an issue is followed up, never
 * tracked as an incident of its own, though it carries the incident label.
 */
export function isOurFollowUp(issue: Authored, self: SelfIdentity): boolean {
  const name = ownMarker(issue, self);
  return actionItemKeyOf(name) !== undefined || adrReviewKeyOf(name) !== undefined;
}

/** Whether a body starts with a follow-up marker, whoever wrote it (a cheap test before any request). */
export function hasFollowUpMarker(body: string | null | undefined): boolean {
  const name = readMarker(body ?? null)?.name;
  return actionItemKeyOf(name) !== undefined || adrReviewKeyOf(name) !== undefined;
}
