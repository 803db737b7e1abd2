import type { PathFinding } from "../../findings/diagnostic.js";
import { arrayAt, numberAt, objectAt, stringAt } from "./well-formed.js";

/** `headcount` equals the listed members; logins are unique; on-call members are members. Judged on whatever is well-formed. */
export function teamRules(document: unknown): PathFinding[] {
  const findings: PathFinding[] = [];
  const team = objectAt(document);
  const members = arrayAt(team?.members);
  const headcount = numberAt(team?.headcount);
  if (members.length > 0 && headcount !== undefined && headcount !== members.length) {
    findings.push({
      path: ["headcount"],
      severity: "error",
      code: "summary-mismatch",
      message: `\`headcount\` is ${headcount} but \`members\` lists ${members.length}; expected ${members.length}`,
    });
  }
  const logins = new Map<string, number>();
  members.forEach((member, index) => {
    const github = stringAt(objectAt(member)?.github);
    if (github === undefined) return;
    const login = github.replace(/^@/, "").toLowerCase();
    const first = logins.get(login);
    if (first !== undefined) {
      findings.push({
        path: ["members", index, "github"],
        severity: "error",
        code: "duplicate-id",
        message: `GitHub login "${github}" is already used by members[${first}]`,
      });
    } else logins.set(login, index);
  });
  if (logins.size > 0) {
    arrayAt(objectAt(team?.oncall)?.members).forEach((value, index) => {
      const login = stringAt(value);
      if (login !== undefined && !logins.has(login.replace(/^@/, "").toLowerCase())) {
        findings.push({
          path: ["oncall", "members", index],
          severity: "warning",
          code: "unknown-member",
          message: `on-call member "${login}" is not in \`members\``,
        });
      }
    });
  }
  return findings;
}
