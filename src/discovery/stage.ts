import type { TechStack } from "../schemas/tech-stack.js";

export type MaturityStage = TechStack["maturityStage"];

/**
 * The prompt's stage table by engineers: Survival <3, Foundation 3-10, Scale 10-30, Optimize
 * 30+. The table's edges overlap (10 and 30 sit in two rows); a stage starts past the previous
 * one's upper edge, so 10 is Foundation, 11 Scale, 30 Scale, 31 Optimize.
 */
const stages: { stage: MaturityStage; upTo: number; range: string }[] = [
  { stage: "survival", upTo: 2, range: "under 3 engineers" },
  { stage: "foundation", upTo: 10, range: "3-10 engineers" },
  { stage: "scale", upTo: 30, range: "11-30 engineers" },
  { stage: "optimize", upTo: Infinity, range: "more than 30 engineers" },
];

export function stageOf(headcount: number): { stage: MaturityStage; range: string } {
  return stages.find((row) => headcount <= row.upTo)!;
}

export const stageName = (stage: MaturityStage) => stage[0]!.toUpperCase() + stage.slice(1);
