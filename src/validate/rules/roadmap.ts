import type { PathFinding } from "../../findings/diagnostic.js";
import { arrayAt, objectAt, stringAt } from "./well-formed.js";

/** Item ids, when given, are unique: a sync read that names an item must name one. Judged on whatever is well-formed. */
export function roadmapRules(document: unknown): PathFinding[] {
  const findings: PathFinding[] = [];
  const seen = new Map<string, number>();
  arrayAt(objectAt(document)?.items).forEach((item, index) => {
    const id = stringAt(objectAt(item)?.id);
    if (id === undefined) return;
    const first = seen.get(id);
    if (first === undefined) seen.set(id, index);
    else
      findings.push({
        path: ["items", index, "id"],
        severity: "error",
        code: "duplicate-id",
        message: `id "${id}" is already used by items[${first}]`,
      });
  });
  return findings;
}
