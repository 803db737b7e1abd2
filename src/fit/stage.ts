import { stageOf, type MaturityStage } from "../discovery/stage.js";
import { record } from "../text/records.js";

export type { MaturityStage };

/** The stage the review judges by, and where it was read. */
export interface KnownStage {
  stage: MaturityStage | null;
  /** Engineers, when a file says. */
  headcount?: number;
  /** "tech_stack.json maturityStage", "team.json headcount (2)"; absent when unknown. */
  from?: string;
}

const stages: readonly MaturityStage[] = ["survival", "foundation", "scale", "optimize"];

const headcountOf = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isInteger(value) && value >= 0 ? value : undefined;

/** `tech_stack.json` maturityStage, else the prompt's stage table by headcount (`team.json`, else `tech_stack.json` team). */
export function knownStage(techStack: unknown, team: unknown): KnownStage {
  const stack = record(techStack);
  const headcount = headcountOf(record(team).headcount) ?? headcountOf(record(stack.team).headcount);
  const declared = stages.find((stage) => stage === stack.maturityStage);
  if (declared)
    return {
      stage: declared,
      from: "tech_stack.json maturityStage",
      ...(headcount !== undefined ? { headcount } : {}),
    };
  if (headcount === undefined || headcount === 0) return { stage: null };
  const file = headcountOf(record(team).headcount) !== undefined ? "team.json" : "tech_stack.json";
  return { stage: stageOf(headcount).stage, headcount, from: `${file} headcount (${headcount})` };
}

/** What the stack file says the company already runs, lowercased, to tell adopting from extending. */
export function stackText(techStack: unknown): string {
  return JSON.stringify(record(record(techStack).stack)).toLowerCase();
}
