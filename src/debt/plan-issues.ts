import type { DebtItem } from "../schemas/tech-debt.js";
import {
  closedBySyncMarker,
  debtBody,
  debtIdIn,
  debtLabels,
  debtTitle,
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
  /** Creations left for a later run (GitHub's content-creation limits). */
  deferred: number;
  /** Every label the plan's issues carry, to create where missing. */
  labels: LabelSpec[];
}

const sameLabels = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((name, i) => name === [...b].sort()[i]);

/**
 * Debt items and the issues that exist -> what to create, edit, close and reopen, each with its
 * reason. Pure. An issue is found by the hidden marker holding its item id; two issues with one
 * id keep the oldest (the other is closed as a duplicate). Nothing is planned where nothing differs.
 */
export function planDebtIssues(input: DebtPlanInput): DebtPlan {
  const plan: DebtPlan = { creates: [], updates: [], closes: [], reopens: [], drift: [], deferred: 0, labels: [] };
  const byId = new Map<string, DebtIssue>();
  for (const issue of [...input.issues].sort((a, b) => a.number - b.number)) {
    const id = debtIdIn(issue.body);
    if (id === undefined) continue;
    const kept = byId.get(id);
    if (!kept) byId.set(id, issue);
    else if (issue.state === "open") {
      plan.closes.push({
        number: issue.number,
        id,
        stateReason: "not_planned",
        body: issue.body ?? "",
        comment: `Duplicate of #${kept.number}, which tracks this debt item.`,
        reason: `a second issue for ${id} (#${kept.number} is the first)`,
      });
    }
  }
  const labelSpecs = new Map<string, LabelSpec>();
  const items = new Map(input.items.map((item) => [item.id, item]));

  for (const item of input.items) {
    const issue = byId.get(item.id);
    const labels = debtLabels(item, input.labels);
    const names = labels.map((label) => label.name);
    const resolved = item.resolvedAt !== null;
    const title = debtTitle(item);
    const context = { itemUrl: input.itemUrl(item.id) };
    if (!issue) {
      if (resolved) continue; // resolved before any issue existed: nothing to track
      if (plan.creates.length >= input.maxCreates) {
        plan.deferred++;
        continue;
      }
      plan.creates.push({
        id: item.id,
        title,
        body: debtBody(item, context),
        labels: names,
        reason: `open item ${item.id} has no issue`,
      });
      labels.forEach((label) => labelSpecs.set(label.name, label));
      continue;
    }
    labels.forEach((label) => labelSpecs.set(label.name, label));
    const closedBySync = (issue.body ?? "").includes(closedBySyncMarker);
    if (resolved && issue.state === "open") {
      plan.closes.push({
        number: issue.number,
        id: item.id,
        stateReason: "completed",
        body: debtBody(item, context, true),
        comment: `Resolved on ${item.resolvedAt}: \`resolvedAt\` is set in tech_debt.json at ${input.commit.slice(0, 7)}.`,
        reason: `${item.id} was resolved on ${item.resolvedAt}`,
      });
      continue;
    }
    if (!resolved && issue.state === "closed") {
      if (closedBySync)
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
      continue;
    }
    const body = debtBody(item, context, issue.state === "closed" && closedBySync);
    if (
      issue.title !== title ||
      (issue.body ?? "") !== body ||
      !sameLabels(
        issue.labels.filter((name) => names.includes(name) || isOurs(name, input.labels)),
        names,
      )
    ) {
      plan.updates.push({
        number: issue.number,
        id: item.id,
        title,
        body,
        labels: [...issue.labels.filter((name) => !isOurs(name, input.labels)), ...names],
        reason: `${item.id} changed in tech_debt.json`,
      });
    }
  }

  for (const [id, issue] of byId) {
    if (items.has(id) || issue.state === "closed" || input.removed === "leave-open") continue;
    plan.closes.push({
      number: issue.number,
      id,
      stateReason: "not_planned",
      body: `${issue.body ?? ""}\n${closedBySyncMarker}`,
      comment: `${id} was removed from tech_debt.json (at ${input.commit.slice(0, 7)}): closed as not planned.`,
      reason: `${id} is no longer in tech_debt.json`,
    });
  }
  plan.labels = [...labelSpecs.values()];
  return plan;
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
