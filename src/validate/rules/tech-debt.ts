import { append, type PathFinding } from "../../findings/diagnostic.js";
import { isCalendarDate } from "../../schemas/iso-time.js";
import { debtPriorities, type DebtItem, type TechDebt } from "../../schemas/tech-debt.js";
import { judgeDocument, type ElementJudge, type ElementRules } from "./element-rules.js";
import { arrayAt, numberAt, objectAt, stringAt } from "./well-formed.js";

type Priority = (typeof debtPriorities)[number];
const isPriority = (value: unknown): value is Priority => debtPriorities.includes(value as Priority);

type OpenItem = Pick<DebtItem, "priority" | "estimatedDays">;

type Summary = TechDebt["summary"];

const emptySummary = (): Summary => ({ critical: 0, high: 0, medium: 0, low: 0, totalEstimatedDays: null });

/** Counts one open item into a summary. */
function countOpen(summary: Summary, item: OpenItem): void {
  summary[item.priority]++;
  if (item.estimatedDays !== null) summary.totalEstimatedDays = (summary.totalEstimatedDays ?? 0) + item.estimatedDays;
}

/** Summary figures as the open items (resolvedAt null) imply them. */
export function expectedDebtSummary(openItems: readonly OpenItem[]): Summary {
  const summary = emptySummary();
  for (const item of openItems) countOpen(summary, item);
  return summary;
}

/**
 * Whether ids come strictly ascending, by text or by length then text (`debt_9` before
 * `debt_10`): either order proves them unique with one comparison per item, where a set of
 * 500,000 ids costs a sixth of a second. Registers are appended to, so this is the usual case.
 */
class AscendingIds {
  private previous: string | undefined;
  private byText = true;
  private byLength = true;

  get holds(): boolean {
    return this.byText || this.byLength;
  }

  next(id: string): void {
    if (!this.holds) return;
    const previous = this.previous;
    if (previous !== undefined) {
      this.byText &&= previous < id;
      this.byLength &&= previous.length < id.length || (previous.length === id.length && previous < id);
    }
    this.previous = id;
  }
}

/** Ids used twice, each reported where it comes again. */
function duplicateIds(items: readonly unknown[]): PathFinding[] {
  const findings: PathFinding[] = [];
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

/**
 * Unique ids, `resolvedAt >= createdAt`, and a summary equal to what the items give: judged on
 * whatever is well-formed, item by item (a register can hold 500,000). Only ids out of order
 * need the whole register, for a second pass that finds the repeated ones.
 */
class TechDebtJudge implements ElementJudge {
  private readonly ascending = new AscendingIds();
  private readonly dateOrder: PathFinding[] = [];
  /** The summary the open items imply; undefined once an item is too malformed to say whether or where it counts. */
  private expected: Summary | undefined = emptySummary();

  element(value: unknown, index: number): boolean {
    const item = objectAt(value);
    const id = stringAt(item?.id);
    if (id !== undefined) this.ascending.next(id);

    const createdAt = stringAt(item?.createdAt);
    const resolvedAt = stringAt(item?.resolvedAt);
    if (
      createdAt !== undefined &&
      resolvedAt !== undefined &&
      isCalendarDate(createdAt) &&
      isCalendarDate(resolvedAt) &&
      resolvedAt < createdAt
    ) {
      this.dateOrder.push({
        path: ["items", index, "resolvedAt"],
        severity: "error",
        code: "date-order",
        message: `\`resolvedAt\` ${resolvedAt} is before \`createdAt\` ${createdAt}`,
      });
    }

    if (!item) this.expected = undefined;
    else if (this.expected && item.resolvedAt === null) {
      const estimatedDays = item.estimatedDays === null ? null : numberAt(item.estimatedDays);
      if (!isPriority(item.priority) || estimatedDays === undefined) this.expected = undefined;
      else countOpen(this.expected, { priority: item.priority, estimatedDays });
    }
    return this.ascending.holds;
  }

  findings(document: unknown): PathFinding[] {
    const findings = this.ascending.holds ? [] : duplicateIds(arrayAt(objectAt(document)?.items));
    append(findings, this.dateOrder);
    const summary = objectAt(objectAt(document)?.summary);
    const expected = this.expected;
    if (!summary || !expected) return findings;
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
}

export const techDebtElementRules: ElementRules = { array: "items", judge: () => new TechDebtJudge() };

export function techDebtRules(document: unknown): PathFinding[] {
  return judgeDocument(techDebtElementRules, document);
}
