import type { ActionItem } from "./action-items.js";
import { contentOf, ownedBody, ownMarker, readMarker, type SelfIdentity } from "../markdown/ownership.js";
import {
  actionDigest,
  actionItemKeyOf,
  adrReviewKeyOf,
  closedBySyncMarker,
  type ActionItemKey,
  type AdrReviewKey,
} from "./markers.js";
import { actionItemBody, actionItemTitle, adrReviewBody, adrReviewTitle, type ReviewedAdr } from "./render-issues.js";

/** An issue as the follow-up sync reads it. */
interface FollowUpIssue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  labels: string[];
  closedAt?: string;
  author?: { login: string; isBot: boolean };
  assignees?: string[];
}

export interface FollowUpIssueInput {
  actionItems: readonly ActionItem[];
  adrs: readonly ReviewedAdr[];
  /** The issues carrying the action-item label, open and closed. */
  actionIssues: readonly FollowUpIssue[];
  /** The issues carrying the ADR-review label, open and closed. */
  reviewIssues: readonly FollowUpIssue[];
  /** Who we are where this runs: which issues are ours (src/markdown/ownership.ts). */
  self: SelfIdentity;
  /** `YYYY-MM-DD`: a review date before it has passed. */
  today: string;
  /** Link to a file (at a line) at the commit read. */
  fileUrl(path: string, line?: number): string;
  labels: { actionItem: string[]; adrReview: string[] };
  /** Owners that can be assigned (logins); others are named in the body only. */
  assignable: ReadonlySet<string>;
  maxCreates: number;
  /** The commit read, named in the comments that close issues. */
  commit: string;
}

interface FollowUpCreate {
  subject: string;
  title: string;
  body: string;
  labels: string[];
  assignees: string[];
  reason: string;
}
interface FollowUpUpdate {
  number: number;
  subject: string;
  title: string;
  body: string;
  assignees?: string[];
  reason: string;
}
interface FollowUpClose {
  number: number;
  subject: string;
  stateReason: "completed" | "not_planned";
  body: string;
  comment: string;
  reason: string;
}

export interface FollowUpIssuePlan {
  creates: FollowUpCreate[];
  updates: FollowUpUpdate[];
  closes: FollowUpClose[];
  reopens: { number: number; subject: string; body: string; reason: string }[];
  /** Open rows whose issue someone closed by hand: ticked through one pull request. */
  drift: { number: number; item: ActionItem; reason: string; closedAt?: string }[];
  /** Creations left for a later run. */
  deferred: number;
}

const ownerLine = (body: string) => /^\| Owner \| .*$/m.exec(body)?.[0];
const subjectOf = (item: ActionItem) => `${item.file} row ${item.row}`;
const closedBySync = (issue: FollowUpIssue) => (issue.body ?? "").includes(closedBySyncMarker);
/** Our body with the closed-by-sync line added under the marker (and the fingerprint made anew). */
const withClosedMarker = (body: string | null) => {
  const name = readMarker(body)?.name;
  return name ? ownedBody(name, `${closedBySyncMarker}\n${contentOf(body)}`) : (body ?? "");
};

/**
 * The post-mortems' rows and the ADRs, against the issues that exist -> what to create, edit,
 * close and reopen, each with its reason. Pure. Only our issues count (marker and author); an
 * edited row keeps its issue (found by its place when its words changed), a moved one too (found
 * by its words). Nothing is planned where nothing differs.
 */
export function planFollowUpIssues(input: FollowUpIssueInput): FollowUpIssuePlan {
  const plan: FollowUpIssuePlan = { creates: [], updates: [], closes: [], reopens: [], drift: [], deferred: 0 };
  const { matches, orphans } = matchActionItems(input);
  for (const item of input.actionItems) planActionItem(item, matches.get(item), input, plan);
  for (const { issue, duplicateOf } of orphans)
    if (issue.state === "open") plan.closes.push(orphanClose(issue, duplicateOf, input));
  planAdrReviews(input, plan);
  return plan;
}

type Keyed = { issue: FollowUpIssue; key: ActionItemKey };

/** Our issues to rows: by the words of the row first, then by its place for a row whose words changed. */
function matchActionItems(input: FollowUpIssueInput) {
  const keyed: Keyed[] = input.actionIssues
    .flatMap((issue) => {
      const key = actionItemKeyOf(ownMarker(issue, input.self));
      return key ? [{ issue, key }] : [];
    })
    .sort((a, b) => a.issue.number - b.issue.number);
  const matches = new Map<ActionItem, FollowUpIssue>();
  const claimed = new Set<number>();
  const claim = (item: ActionItem, found: Keyed | undefined) => {
    if (!found) return;
    matches.set(item, found.issue);
    claimed.add(found.issue.number);
  };
  for (const item of input.actionItems) {
    const digest = actionDigest(item.action);
    claim(
      item,
      keyed.find(({ issue, key }) => !claimed.has(issue.number) && key.file === item.file && key.digest === digest),
    );
  }
  const digestsOf = (file: string) =>
    new Set(input.actionItems.filter((item) => item.file === file).map((item) => actionDigest(item.action)));
  for (const item of input.actionItems.filter((candidate) => !matches.has(candidate))) {
    const digests = digestsOf(item.file);
    claim(
      item,
      keyed.find(
        ({ issue, key }) =>
          !claimed.has(issue.number) && key.file === item.file && key.row === item.row && !digests.has(key.digest),
      ),
    );
  }
  const orphans = keyed
    .filter(({ issue }) => !claimed.has(issue.number))
    .map(({ issue, key }) => ({
      issue,
      duplicateOf: [...matches].find(
        ([item]) => item.file === key.file && actionDigest(item.action) === key.digest,
      )?.[1],
    }));
  return { matches, orphans };
}

/** One row against its issue. */
function planActionItem(
  item: ActionItem,
  issue: FollowUpIssue | undefined,
  input: FollowUpIssueInput,
  plan: FollowUpIssuePlan,
) {
  const url = input.fileUrl(item.file, item.line);
  const subject = subjectOf(item);
  const assignees =
    item.ownerIsLogin && item.owner && input.assignable.has(item.owner.toLowerCase()) ? [item.owner] : [];
  if (!issue) {
    if (item.status === "done") return; // done before any issue existed: nothing to follow
    if (plan.creates.length >= input.maxCreates) plan.deferred++;
    else
      plan.creates.push({
        subject,
        title: actionItemTitle(item),
        body: actionItemBody(item, url),
        labels: input.labels.actionItem,
        assignees,
        reason: `open action item "${item.action}" has no issue`,
      });
    return;
  }
  if (item.status === "done" && issue.state === "open") {
    plan.closes.push({
      number: issue.number,
      subject,
      stateReason: "completed",
      body: actionItemBody(item, url, true),
      comment: `Done: the row is ticked (✅) in ${item.file} at ${input.commit.slice(0, 7)}.`,
      reason: `the row of "${item.action}" is ticked`,
    });
  } else if (item.status === "open" && issue.state === "closed") {
    if (closedBySync(issue))
      plan.reopens.push({
        number: issue.number,
        subject,
        body: actionItemBody(item, url),
        reason: `the row of "${item.action}" is open again`,
      });
    else
      plan.drift.push({
        number: issue.number,
        item,
        ...(issue.closedAt ? { closedAt: issue.closedAt } : {}),
        reason: `#${issue.number} was closed by hand while its row in ${item.file} is open: a pull request ticks it`,
      });
  } else {
    const body = actionItemBody(item, url, issue.state === "closed" && closedBySync(issue));
    const title = actionItemTitle(item);
    if (issue.title === title && (issue.body ?? "") === body) return;
    // The owner is set again only when the row's owner changed: a person's reassignment stands otherwise.
    const ownerChanged = ownerLine(issue.body ?? "") !== ownerLine(body);
    plan.updates.push({
      number: issue.number,
      subject,
      title,
      body,
      ...(ownerChanged ? { assignees } : {}),
      reason: `the row of "${item.action}" changed`,
    });
  }
}

/** The issue of a row gone from its post-mortem (or a second issue of one row): closed as not planned. */
function orphanClose(
  issue: FollowUpIssue,
  duplicateOf: FollowUpIssue | undefined,
  input: FollowUpIssueInput,
): FollowUpClose {
  const key = actionItemKeyOf(readMarker(issue.body)?.name)!;
  return {
    number: issue.number,
    subject: `${key.file} row ${key.row}`,
    stateReason: "not_planned",
    body: withClosedMarker(issue.body),
    comment: duplicateOf
      ? `Duplicate of #${duplicateOf.number}, which follows this action item.`
      : `This action item is no longer in ${key.file} (at ${input.commit.slice(0, 7)}): closed as not planned.`,
    reason: duplicateOf
      ? `a second issue for one row (#${duplicateOf.number} is the first)`
      : `the row is gone from ${key.file}`,
  };
}

const reviewKey = (key: AdrReviewKey) => `${key.file}@${key.reviewDate}`;

/** One reminder per accepted ADR past its review date; a reminder whose date moved or whose ADR changed status is closed. */
function planAdrReviews(input: FollowUpIssueInput, plan: FollowUpIssuePlan): void {
  const due = input.adrs.filter(
    (adr): adr is ReviewedAdr & { reviewDate: string } =>
      adr.status === "accepted" && adr.reviewDate !== undefined && adr.reviewDate < input.today,
  );
  const ours = input.reviewIssues
    .flatMap((issue) => {
      const key = adrReviewKeyOf(ownMarker(issue, input.self));
      return key ? [{ issue, key }] : [];
    })
    .sort((a, b) => a.issue.number - b.issue.number);
  const wanted = new Set(due.map((adr) => reviewKey({ file: adr.path, reviewDate: adr.reviewDate })));
  for (const adr of due) {
    const found = ours.find(({ key }) => reviewKey(key) === reviewKey({ file: adr.path, reviewDate: adr.reviewDate }));
    const body = adrReviewBody(adr, input.fileUrl(adr.path));
    const title = adrReviewTitle(adr);
    if (!found) {
      if (plan.creates.length >= input.maxCreates) plan.deferred++;
      else
        plan.creates.push({
          subject: adr.path,
          title,
          body,
          labels: input.labels.adrReview,
          assignees: [],
          reason: `accepted ADR past its review date ${adr.reviewDate}`,
        });
    } else if (found.issue.state === "open" && (found.issue.title !== title || found.issue.body !== body))
      plan.updates.push({ number: found.issue.number, subject: adr.path, title, body, reason: `${adr.path} changed` });
  }
  const seen = new Set<string>();
  for (const { issue, key } of ours) {
    const id = reviewKey(key);
    const duplicate = seen.has(id);
    seen.add(id);
    if (issue.state === "closed" || (wanted.has(id) && !duplicate)) continue;
    const adr = input.adrs.find((candidate) => candidate.path === key.file);
    const why = !adr
      ? `${key.file} is gone`
      : duplicate
        ? "a second reminder of one review"
        : adr.status !== "accepted"
          ? `its status is now ${adr.status ?? "unknown"}`
          : adr.reviewDate && adr.reviewDate !== key.reviewDate
            ? `its review date moved to ${adr.reviewDate}`
            : "it no longer names a review date";
    plan.closes.push({
      number: issue.number,
      subject: key.file,
      stateReason: "completed",
      body: withClosedMarker(issue.body),
      comment: `Settled: ${why} (at ${input.commit.slice(0, 7)}).`,
      reason: why,
    });
  }
}

/** Whether a plan writes to issues at all. */
export function followUpPlanWrites(plan: FollowUpIssuePlan): boolean {
  return plan.creates.length + plan.updates.length + plan.closes.length + plan.reopens.length > 0;
}
