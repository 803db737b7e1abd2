import type { Scorecard } from "../schemas/scorecard.js";
import type { AdrSummary } from "../adr/read-adr.js";
import type { ActionItem } from "./action-items.js";

/** An action item as `cto-copilot follow-up --format json` prints it. */
interface ActionItemEntry {
  file: string;
  action: string;
  owner: string | null;
  due: string | null;
  status: "open" | "done";
  overdue: boolean;
}

/** An accepted ADR with a review date, as `cto-copilot follow-up --format json` prints it. */
interface AdrReviewEntry {
  file: string;
  title: string;
  reviewDate: string;
  status: "accepted";
  overdue: boolean;
}

export interface FollowUpPlan {
  actionItems: ActionItemEntry[];
  adrReviews: AdrReviewEntry[];
}

/** An ADR as the follow-up reads it: what any ADR says of itself, and its review date. */
export type ReviewableAdr = Pick<AdrSummary, "path" | "title" | "status"> & { reviewDate?: string };

/** `YYYY-MM-DD` of an instant, in UTC (every date of the project is a UTC day). */
export const dayOf = (now: Date) => now.toISOString().slice(0, 10);

/** A date is overdue when it is before today: on its own day it is still due, not late. */
const isOverdue = (date: string | null | undefined, today: string) => Boolean(date) && date! < today;

/**
 * What the repository promised and when, from its files alone: every action item of every
 * post-mortem (open or done, overdue when its due date is before `today` and it is still open),
 * and every accepted ADR with a review date (overdue once the date has passed). Pure.
 */
export function planFollowUp(
  items: readonly ActionItem[],
  adrs: readonly ReviewableAdr[],
  today: string,
): FollowUpPlan {
  return {
    actionItems: items.map((item) => ({
      file: item.file,
      action: item.action,
      owner: item.owner,
      due: item.due,
      status: item.status,
      overdue: item.status === "open" && isOverdue(item.due, today),
    })),
    adrReviews: adrs
      .filter((adr) => adr.status === "accepted" && adr.reviewDate !== undefined)
      .map((adr) => ({
        file: adr.path,
        title: adr.title,
        reviewDate: adr.reviewDate!,
        status: "accepted" as const,
        overdue: isOverdue(adr.reviewDate, today),
      })),
  };
}

/** The scorecard's `followUp` block: open and overdue action items, ADRs past review, the longest-overdue item. */
export function followUpSummary(plan: FollowUpPlan): NonNullable<Scorecard["followUp"]> {
  const open = plan.actionItems.filter((item) => item.status === "open");
  const overdue = open
    .filter((item) => item.overdue)
    .sort((a, b) => a.due!.localeCompare(b.due!) || a.file.localeCompare(b.file));
  const oldest = overdue[0];
  return {
    openActionItems: open.length,
    overdueActionItems: overdue.length,
    adrsPastReview: plan.adrReviews.filter((adr) => adr.overdue).length,
    ...(oldest
      ? { oldestOverdue: { file: oldest.file, action: oldest.action, owner: oldest.owner, due: oldest.due! } }
      : {}),
  };
}
