import type { TechStack } from "../schemas/tech-stack.js";

/** A field discovery filled: its dotted path and the value written, as text. */
export interface FilledField {
  field: string;
  value: string;
}

type Stack = TechStack["stack"];
type Part = keyof Stack;

const isEmpty = (value: unknown) =>
  value === undefined || value === null || value === "" || (Array.isArray(value) && value.length === 0);

const shown = (value: unknown) => (Array.isArray(value) ? value.join(", ") : String(value));

/**
 * A tech_stack.json a person wrote, with only its empty fields filled from what discovery
 * found: a field counts as empty when it is missing, "", or an empty list, and a team whose
 * headcount is 0 with no roles is the `init` placeholder. Everything written stays as written,
 * including the maturity stage (discovery's may be a guess, a person's is a decision),
 * constraints, pain points and decisions, which discovery never knows. When anything is
 * filled, `lastUpdated` moves to discovery's date (the file did change); `filled` lists the
 * fields discovered, not that date.
 */
export function fillEmptyFields(
  existing: TechStack,
  discovered: TechStack,
): { merged: TechStack; filled: FilledField[] } {
  const filled: FilledField[] = [];
  const stack: Stack = { ...existing.stack };
  for (const part of Object.keys(discovered.stack) as Part[]) {
    const found = discovered.stack[part] as Record<string, unknown> | undefined;
    if (!found) continue;
    const written = { ...((existing.stack[part] as Record<string, unknown> | undefined) ?? {}) };
    let changed = false;
    for (const [key, value] of Object.entries(found)) {
      if (isEmpty(value) || !isEmpty(written[key])) continue;
      written[key] = Array.isArray(value) ? [...value] : value;
      filled.push({ field: `stack.${part}.${key}`, value: shown(value) });
      changed = true;
    }
    // A part nothing was found for and nothing was written in is not added as an empty shell.
    if (changed) (stack as Record<string, unknown>)[part] = written;
  }

  let team = existing.team;
  const placeholderTeam = !team || (team.headcount === 0 && isEmpty(team.roles));
  if (discovered.team && discovered.team.headcount > 0 && placeholderTeam) {
    team = { ...team, headcount: discovered.team.headcount };
    filled.push({ field: "team.headcount", value: String(discovered.team.headcount) });
  }

  if (filled.length === 0) return { merged: existing, filled };
  return {
    merged: { ...existing, lastUpdated: discovered.lastUpdated, stack, ...(team ? { team } : {}) },
    filled,
  };
}
