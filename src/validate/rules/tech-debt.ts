import { debtPriorities, type TechDebt } from "../../schemas/tech-debt.js";
import type { PathFinding } from "../json-document.js";

/** Summary figures as the items imply them: open items (resolvedAt null) only. */
export function expectedDebtSummary(debt: TechDebt): TechDebt["summary"] {
  const summary = { critical: 0, high: 0, medium: 0, low: 0, totalEstimatedDays: null as number | null };
  for (const item of debt.items) {
    if (item.resolvedAt !== null) continue;
    summary[item.priority]++;
    if (item.estimatedDays !== null) summary.totalEstimatedDays = (summary.totalEstimatedDays ?? 0) + item.estimatedDays;
  }
  return summary;
}

export function techDebtRules(debt: TechDebt): PathFinding[] {
  const findings: PathFinding[] = [];
  const firstIndexOfId = new Map<string, number>();
  debt.items.forEach((item, index) => {
    const first = firstIndexOfId.get(item.id);
    if (first !== undefined) {
      findings.push({
        path: ["items", index, "id"],
        severity: "error",
        code: "duplicate-id",
        message: `id "${item.id}" is already used by items[${first}]; ids must be unique`,
      });
    } else firstIndexOfId.set(item.id, index);
    if (item.resolvedAt !== null && item.resolvedAt < item.createdAt) {
      findings.push({
        path: ["items", index, "resolvedAt"],
        severity: "error",
        code: "date-order",
        message: `\`resolvedAt\` ${item.resolvedAt} is before \`createdAt\` ${item.createdAt}`,
      });
    }
  });

  const expected = expectedDebtSummary(debt);
  for (const priority of debtPriorities) {
    if (debt.summary[priority] !== expected[priority]) {
      findings.push({
        path: ["summary", priority],
        severity: "error",
        code: "summary-mismatch",
        message: `\`summary.${priority}\` is ${debt.summary[priority]} but items hold ${expected[priority]} open ${priority}-priority item${expected[priority] === 1 ? "" : "s"}; expected ${expected[priority]}`,
      });
    }
  }
  const declared = debt.summary.totalEstimatedDays;
  const total = expected.totalEstimatedDays;
  if (declared === null ? total !== null : total === null || Math.abs(declared - total) > 1e-6) {
    findings.push({
      path: ["summary", "totalEstimatedDays"],
      severity: "error",
      code: "summary-mismatch",
      message: `\`summary.totalEstimatedDays\` is ${declared} but the open items' estimatedDays add up to ${total}; expected ${total}`,
    });
  }
  return findings;
}
