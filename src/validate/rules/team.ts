import type { Team } from "../../schemas/team.js";
import type { PathFinding } from "../json-document.js";

export function teamRules(team: Team): PathFinding[] {
  const findings: PathFinding[] = [];
  const members = team.members ?? [];
  if (members.length > 0 && team.headcount !== members.length) {
    findings.push({
      path: ["headcount"],
      severity: "error",
      code: "summary-mismatch",
      message: `\`headcount\` is ${team.headcount} but \`members\` lists ${members.length}; expected ${members.length}`,
    });
  }
  const logins = new Map<string, number>();
  members.forEach((member, index) => {
    if (member.github === undefined) return;
    const login = member.github.replace(/^@/, "").toLowerCase();
    const first = logins.get(login);
    if (first !== undefined) {
      findings.push({ path: ["members", index, "github"], severity: "error", code: "duplicate-id", message: `GitHub login "${member.github}" is already used by members[${first}]` });
    } else logins.set(login, index);
  });
  if (logins.size > 0) {
    team.oncall?.members?.forEach((login, index) => {
      if (!logins.has(login.replace(/^@/, "").toLowerCase())) {
        findings.push({ path: ["oncall", "members", index], severity: "warning", code: "unknown-member", message: `on-call member "${login}" is not in \`members\`` });
      }
    });
  }
  return findings;
}
