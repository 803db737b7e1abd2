import type { PathFinding } from "../../findings/diagnostic.js";
import { isCalendarDate } from "../../schemas/common.js";
import { debtPriorities, type DebtItem, type TechDebt } from "../../schemas/tech-debt.js";
import { arrayAt, numberAt, objectAt, stringAt } from "./well-formed.js";

type Priority = (typeof debtPriorities)[number];
const isPriority = (value: unknown): value is Priority => debtPriorities.includes(value as Priority);

type OpenItem = Pick<DebtItem, "priority" | "estimatedDays">;

/** Summary figures as the open items (resolvedAt null) imply them. */
export function expectedDebtSummary(openItems: readonly OpenItem[]): TechDebt["summary"] {
  const summary = { critical: 0, high: 0, medium: 0, low: 0, totalEstimatedDays: null as number | null };
  for (const item of openItems) {
    summary[item.priority]++;
    if (item.estimatedDays !== null)
      summary.totalEstimatedDays = (summary.totalEstimatedDays ?? 0) + item.estimatedDays;
  }
  return summary;
}

/**
 * The open items' priority and estimate, when every item is well-formed enough to say whether it
 * is open and where it counts; undefined otherwise, since the expected summary is then unknown.
 */
function openItemsOf(items: readonly unknown[]): OpenItem[] | undefined {
  const open: OpenItem[] = [];
  for (const value of items) {
    const item = objectAt(value);
    if (!item) return undefined;
    if (item.resolvedAt !== null) continue;
    const estimatedDays = item.estimatedDays === null ? null : numberAt(item.estimatedDays);
    if (!isPriority(item.priority) || estimatedDays === undefined) return undefined;
    open.push({ priority: item.priority, estimatedDays });
  }
  return open;
}

/**
 * Whether the items' ids are strictly ascending, by text or by length then text (`debt_9` before
 * `debt_10`): either order proves them unique with one comparison per item, where a set of
 * 500,000 ids costs a sixth of a second. Registers are appended to, so this is the usual case.
 */
function idsAscending(items: readonly unknown[]): boolean {
  let byText = true;
  let byLength = true;
  let previous: string | undefined;
  for (const value of items) {
    const id = stringAt(objectAt(value)?.id);
    if (id === undefined) continue;
    if (previous !== undefined) {
      byText &&= previous < id;
      byLength &&= previous.length < id.length || (previous.length === id.length && previous < id);
      if (!byText && !byLength) return false;
    }
    previous = id;
  }
  return true;
}

function duplicateIds(items: readonly unknown[]): PathFinding[] {
  const findings: PathFinding[] = [];
  if (idsAscending(items)) return findings;
  const firstIndexOfId = new Map<string, number>();
  items.forEach((value, index) => {
    const id = stringAt(objectAt(value)?.id);
    if (id === undefined) return;
    const first = firstIndexOfId.get(id);
    if (first !== undefined) {
      findings.push({
        path: ["items", index, "id"],
        severity: "error",
        code: "duplicate-id",
        message: `id "${id}" is already used by items[${first}]; ids must be unique`,
      });
    } else firstIndexOfId.set(id, index);
  });
  return findings;
}

/** Unique ids, `resolvedAt >= createdAt`, and a summary equal to what the items give: judged on whatever is well-formed. */
export function techDebtRules(document: unknown): PathFinding[] {
  const items = arrayAt(objectAt(document)?.items);
  const findings = duplicateIds(items);
  items.forEach((value, index) => {
    const item = objectAt(value);
    const createdAt = stringAt(item?.createdAt);
    const resolvedAt = stringAt(item?.resolvedAt);
    if (
      createdAt !== undefined &&
      resolvedAt !== undefined &&
      isCalendarDate(createdAt) &&
      isCalendarDate(resolvedAt) &&
      resolvedAt < createdAt
    ) {
      findings.push({
        path: ["items", index, "resolvedAt"],
        severity: "error",
        code: "date-order",
        message: `\`resolvedAt\` ${resolvedAt} is before \`createdAt\` ${createdAt}`,
      });
    }
  });

  const summary = objectAt(objectAt(document)?.summary);
  const openItems = openItemsOf(items);
  if (!summary || !openItems) return findings;
  const expected = expectedDebtSummary(openItems);
  for (const priority of debtPriorities) {
    const declared = numberAt(summary[priority]);
    if (declared !== undefined && declared !== expected[priority]) {
      findings.push({
        path: ["summary", priority],
        severity: "error",
        code: "summary-mismatch",
        message: `\`summary.${priority}\` is ${declared} but items hold ${expected[priority]} open ${priority}-priority item${expected[priority] === 1 ? "" : "s"}; expected ${expected[priority]}`,
      });
    }
  }
  const declared = summary.totalEstimatedDays === null ? null : numberAt(summary.totalEstimatedDays);
  const total = expected.totalEstimatedDays;
  if (
    declared !== undefined &&
    (declared === null ? total !== null : total === null || Math.abs(declared - total) > 1e-6)
  ) {
    findings.push({
      path: ["summary", "totalEstimatedDays"],
      severity: "error",
      code: "summary-mismatch",
      message: `\`summary.totalEstimatedDays\` is ${declared} but the open items' estimatedDays add up to ${total}; expected ${total}`,
    });
  }
  return findings;
}
