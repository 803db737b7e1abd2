import type { PathFinding } from "../../findings/diagnostic.js";
import { arrayAt, numberAt, objectAt, stringAt } from "./well-formed.js";

/** One entry per month, oldest first, `totalSpend` equal to the sum of `byService`. Judged on whatever is well-formed. */
export function infraCostsRules(document: unknown): PathFinding[] {
  const findings: PathFinding[] = [];
  const seen = new Map<string, number>();
  let previous: string | undefined;
  arrayAt(objectAt(document)?.months).forEach((value, index) => {
    const month = objectAt(value);
    const name = stringAt(month?.month);
    if (name !== undefined) {
      const first = seen.get(name);
      if (first !== undefined) {
        findings.push({
          path: ["months", index, "month"],
          severity: "error",
          code: "duplicate-id",
          message: `month ${name} is already listed at months[${first}]`,
        });
      } else seen.set(name, index);
      if (previous !== undefined && previous > name) {
        findings.push({
          path: ["months", index, "month"],
          severity: "warning",
          code: "order",
          message: `months should be oldest first: ${name} comes after ${previous}`,
        });
      }
    }
    previous = name;
    const services = arrayAt(month?.byService);
    const spends = services.map((service) => numberAt(objectAt(service)?.spend));
    const totalSpend = numberAt(month?.totalSpend);
    if (services.length === 0 || totalSpend === undefined || spends.some((spend) => spend === undefined)) return;
    const sum = spends.reduce<number>((total, spend) => total + spend!, 0);
    if (Math.abs(sum - totalSpend) > 0.005) {
      const expected = Math.round(sum * 100) / 100;
      findings.push({
        path: ["months", index, "totalSpend"],
        severity: "error",
        code: "summary-mismatch",
        message: `\`totalSpend\` is ${totalSpend} but \`byService\` adds up to ${expected}; expected ${expected}`,
      });
    }
  });
  return findings;
}
