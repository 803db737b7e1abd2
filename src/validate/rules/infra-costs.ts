import type { InfraCosts } from "../../schemas/infra-costs.js";
import type { PathFinding } from "../json-document.js";

export function infraCostsRules(costs: InfraCosts): PathFinding[] {
  const findings: PathFinding[] = [];
  const seen = new Map<string, number>();
  costs.months.forEach((month, index) => {
    const first = seen.get(month.month);
    if (first !== undefined) {
      findings.push({ path: ["months", index, "month"], severity: "error", code: "duplicate-id", message: `month ${month.month} is already listed at months[${first}]` });
    } else seen.set(month.month, index);
    const previous = costs.months[index - 1];
    if (previous && previous.month > month.month) {
      findings.push({ path: ["months", index, "month"], severity: "warning", code: "order", message: `months should be oldest first: ${month.month} comes after ${previous.month}` });
    }
    if (month.byService && month.byService.length > 0) {
      const sum = month.byService.reduce((total, service) => total + service.spend, 0);
      if (Math.abs(sum - month.totalSpend) > 0.005) {
        findings.push({
          path: ["months", index, "totalSpend"],
          severity: "error",
          code: "summary-mismatch",
          message: `\`totalSpend\` is ${month.totalSpend} but \`byService\` adds up to ${Math.round(sum * 100) / 100}; expected ${Math.round(sum * 100) / 100}`,
        });
      }
    }
  });
  return findings;
}
