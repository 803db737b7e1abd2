import { contentOf, ownedBody, ownMarker, readMarker, type SelfIdentity } from "../markdown/ownership.js";
import type { DebtItem } from "../schemas/tech-debt.js";
import {
  closedBySyncMarker,
  debtBody,
  debtIdOfMarker,
  debtLabels,
  mentionsDebtMarker,
  debtTitle,
  type DebtBodyContext,
  type DebtLabelNames,
  type LabelSpec,
} from "./render-issue.js";

/** An issue as the sync reads it. */
export interface DebtIssue {
  number: number;
  title: string;
  body: string | null;
  state: "open" | "closed";
  labels: string[];
  closedAt?: string;
  /** Who opened it (absent when the source does not say: then it is not ours). */
  author?: { login: string; isBot: boolean };
}

export interface DebtPlanInput {
  items: readonly DebtItem[];
  /** Every issue carrying the debt label, open and closed. */
  issues: readonly DebtIssue[];
  labels: DebtLabelNames;
  /** What happens to the issue of an item removed from the file. */
  removed: "close" | "leave-open";
  /** Link to an item's line in tech_debt.json at the commit read. */
  itemUrl(id: string): string;
  /** The commit read, named in the comment that closes a resolved item's issue. */
  commit: string;
  maxCreates: number;
  /** Who the sync writes as: only issues that are ours by src/markdown/ownership.ts are edited, closed or reopened. */
  self: SelfIdentity;
}

export interface DebtPlan {
  creates: { id: string; title: string; body: string; labels: string[]; reason: string }[];
  updates: { number: number; id: string; title: string; body: string; labels: string[]; reason: string }[];
  closes: {
    number: number;
    id: string;
    stateReason: "completed" | "not_planned";
    body: string;
    comment: string;
    reason: string;
  }[];
  reopens: { number: number; id: string; body: string; reason: string }[];
  /** Items still open whose issue someone closed by hand: reported, never reopened or duplicated. */
  drift: { number: number; id: string; reason: string; closedAt?: string }[];
  /** Issues and items left alone, each with why: an issue carrying a debt marker that is not ours, an item repeating an id. */
  ignored: { number?: number; id?: string; reason: string }[];
  /** Creations left for a later run (GitHub's content-creation limits). */
  deferred: number;
  /** Every label the plan's issues carry, to create where missing. */
  labels: LabelSpec[];
}

const sameLabels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((name, i) => name === [...b].sort()[i]);

/**
 * Debt items and the issues that exist -> what to create, edit, close and reopen, each with its
 * reason. Pure. An issue is found by the hidden marker holding its item id, and only when it is
 * ours (src/markdown/ownership.ts: a person's issue quoting a marker is never adopted, only
 * reported); two of our issues with one id keep the oldest (the other is closed as a duplicate).
 * Two items with one id: the first is synced, the other reported. Nothing is planned where
 * nothing differs.
 */
export function planDebtIssues(input: DebtPlanInput): DebtPlan {
  // Issues are matched to items first, then each item is planned against its issue, then the
  // issues of items gone from the file are closed: closes come duplicates, resolved, removed.
  const plan: DebtPlan = {
    creates: [],
    updates: [],
    closes: [],
    reopens: [],
    drift: [],
    ignored: [],
    deferred: 0,
    labels: [],
  };
  const { byId, duplicates, foreign } = issuesByItem(input.issues, input.self);
  plan.closes.push(...duplicates);
  plan.ignored.push(...foreign);
  const labelSpecs = new Map<string, LabelSpec>();
  for (const item of uniqueItems(input.items, plan))
    for (const label of planItem(item, byId.get(item.id), input, plan)) labelSpecs.set(label.name, label);
  plan.closes.push(...removedCloses(byId, input));
  plan.labels = [...labelSpecs.values()];
  return plan;
}

type Close = DebtPlan["closes"][number];

/** The first item of each id; a later item repeating it is reported (the validator says where), never synced. */
function uniqueItems(items: readonly DebtItem[], plan: DebtPlan): DebtItem[] {
  const first = new Map<string, number>();
  return items.filter((item, index) => {
    const seen = first.get(item.id);
    if (seen === undefined) {
      first.set(item.id, index);
      return true;
    }
    plan.ignored.push({
      id: item.id,
      reason: `items[${index}] repeats the id ${JSON.stringify(item.id)} of items[${seen}]: only the first is synced (run cto-copilot validate)`,
    });
    return false;
  });
}

/**
 * Our issues by the item id their marker holds; of two with one id the oldest stays and the
 * other, if open, is closed. Issues that carry a debt marker but are not ours are reported.
 */
function issuesByItem(
  issues: readonly DebtIssue[],
  self: SelfIdentity,
): { byId: Map<string, DebtIssue>; duplicates: Close[]; foreign: DebtPlan["ignored"] } {
  const byId = new Map<string, DebtIssue>();
  const duplicates: Close[] = [];
  const foreign: DebtPlan["ignored"] = [];
  for (const issue of [...issues].sort((a, b) => a.number - b.number)) {
    const id = debtIdOfMarker(ownMarker(issue, self));
    if (id === undefined) {
      if (mentionsDebtMarker(issue.body))
        foreign.push({
          number: issue.number,
          reason: `#${issue.number} carries a debt marker but was not written by CTO Co-Pilot (or was edited since): left alone`,
        });
      continue;
    }
    const kept = byId.get(id);
    if (!kept) byId.set(id, issue);
    else if (issue.state === "open") {
      duplicates.push({
        number: issue.number,
        id,
        stateReason: "not_planned",
        body: issue.body ?? "",
        comment: `Duplicate of #${kept.number}, which tracks this debt item.`,
        reason: `a second issue for ${id} (#${kept.number} is the first)`,
      });
    }
  }
  return { byId, duplicates, foreign };
}

/** One item against its issue. Returns the labels of the issue it plans for, none when it plans none. */
function planItem(item: DebtItem, issue: DebtIssue | undefined, input: DebtPlanInput, plan: DebtPlan): LabelSpec[] {
  const labels = debtLabels(item, input.labels);
  const names = labels.map((label) => label.name);
  const resolved = item.resolvedAt !== null;
  const context = { itemUrl: input.itemUrl(item.id) };
  if (!issue) return planCreate(item, names, context, input, plan) ? labels : [];
  if (resolved && issue.state === "open") plan.closes.push(resolvedClose(item, issue, context, input.commit));
  else if (!resolved && issue.state === "closed") planClosedIssue(item, issue, context, plan);
  else {
    const update = updateOf(item, issue, names, context, input.labels);
    if (update) plan.updates.push(update);
  }
  return labels;
}

/** An issue for an open item without one, unless this run's creations are spent. Whether one was planned. */
function planCreate(
  item: DebtItem,
  names: string[],
  context: DebtBodyContext,
  input: DebtPlanInput,
  plan: DebtPlan,
): boolean {
  if (item.resolvedAt !== null) return false; // resolved before any issue existed: nothing to track
  if (plan.creates.length >= input.maxCreates) {
    plan.deferred++;
    return false;
  }
  plan.creates.push({
    id: item.id,
    title: debtTitle(item),
    body: debtBody(item, context),
    labels: names,
    reason: `open item ${item.id} has no issue`,
  });
  return true;
}

const isClosedBySync = (issue: DebtIssue) => (issue.body ?? "").includes(closedBySyncMarker);

function resolvedClose(item: DebtItem, issue: DebtIssue, context: DebtBodyContext, commit: string): Close {
  return {
    number: issue.number,
    id: item.id,
    stateReason: "completed",
    body: debtBody(item, context, true),
    comment: `Resolved on ${item.resolvedAt}: \`resolvedAt\` is set in tech_debt.json at ${commit.slice(0, 7)}.`,
    reason: `${item.id} was resolved on ${item.resolvedAt}`,
  };
}

/** An open item whose issue is closed: reopened when the sync closed it; a person's close is reported, never undone. */
function planClosedIssue(item: DebtItem, issue: DebtIssue, context: DebtBodyContext, plan: DebtPlan): void {
  if (isClosedBySync(issue))
    plan.reopens.push({
      number: issue.number,
      id: item.id,
      body: debtBody(item, context),
      reason: `${item.id} is open again (resolvedAt was cleared)`,
    });
  else
    plan.drift.push({
      ...(issue.closedAt ? { closedAt: issue.closedAt } : {}),
      number: issue.number,
      id: item.id,
      reason: `#${issue.number} was closed by hand while ${item.id} is still open in tech_debt.json: set resolvedAt there, or reopen the issue`,
    });
}

/** The edit bringing an issue in line with its item, if anything differs; labels the sync does not manage stay. */
function updateOf(
  item: DebtItem,
  issue: DebtIssue,
  names: string[],
  context: DebtBodyContext,
  labelNames: DebtLabelNames,
): DebtPlan["updates"][number] | undefined {
  const title = debtTitle(item);
  const body = debtBody(item, context, issue.state === "closed" && isClosedBySync(issue));
  const ours = issue.labels.filter((name) => names.includes(name) || isOurs(name, labelNames));
  if (issue.title === title && (issue.body ?? "") === body && sameLabels(ours, names)) return undefined;
  return {
    number: issue.number,
    id: item.id,
    title,
    body,
    labels: [...issue.labels.filter((name) => !isOurs(name, labelNames)), ...names],
    reason: `${item.id} changed in tech_debt.json`,
  };
}

/** Closes for the open issues of items no longer in the file, unless told to leave them open. */
function removedCloses(byId: ReadonlyMap<string, DebtIssue>, input: DebtPlanInput): Close[] {
  const ids = new Set(input.items.map((item) => item.id));
  const closes: Close[] = [];
  for (const [id, issue] of byId) {
    if (ids.has(id) || issue.state === "closed" || input.removed === "leave-open") continue;
    closes.push({
      number: issue.number,
      id,
      stateReason: "not_planned",
      body: ownedBody(readMarker(issue.body)!.name, `${contentOf(issue.body)}\n${closedBySyncMarker}`),
      comment: `${id} was removed from tech_debt.json (at ${input.commit.slice(0, 7)}): closed as not planned.`,
      reason: `${id} is no longer in tech_debt.json`,
    });
  }
  return closes;
}

/** Labels the sync manages: the base label and the priority / quadrant / impact families. */
function isOurs(name: string, names: DebtLabelNames): boolean {
  return (
    name === names.base ||
    name.startsWith(names.priority) ||
    name.startsWith(names.quadrant) ||
    name.startsWith(names.impact)
  );
}

/** Whether a plan writes anything at all. */
export function planWrites(plan: DebtPlan): boolean {
  return plan.creates.length + plan.updates.length + plan.closes.length + plan.reopens.length > 0;
}
