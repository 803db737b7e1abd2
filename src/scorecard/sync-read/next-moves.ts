import { count } from "../../text/plural.js";
import { areaNames, securityMoves } from "../stage-advice.js";
import { metricKeys, type Facts } from "./facts.js";
import { stageGap } from "./on-target.js";
import type { Chosen } from "./priority.js";
import { impactBlocks } from "./ranking.js";
import { closeDebtMove, list } from "./wording.js";

/** Open alerts, then the stage's missing minimum security. */
function securityFirst(facts: Facts): string[] {
  return [
    ...(facts.alerts > 0
      ? [
          `Fix the ${count(facts.alerts, "open Dependabot alert")} (Security → Dependabot): merge or apply the upgrades, highest severity first.`,
        ]
      : []),
    ...securityMoves(facts),
  ];
}

/** Closing a critical item other than the priority's, saying which metrics below target it holds back. */
function otherCriticalDebt(facts: Facts, priority: Chosen): string[] {
  const item = facts.critical.find((candidate) => candidate !== priority.debt);
  if (!item) return [];
  const holds = metricKeys.filter(
    (key) => impactBlocks[item.impact].includes(key) && (facts.status[key] === "red" || facts.status[key] === "yellow"),
  );
  return [
    closeDebtMove(item, holds.length > 0 ? `it holds back ${list(holds.map((key) => areaNames[key]))}` : undefined),
  ];
}

/** The action item a post-mortem promised that is longest past its due date: a promise after an incident comes first. */
function overdueActionItem(facts: Facts): string[] {
  const item = facts.scorecard.followUp?.oldestOverdue;
  if (!item) return [];
  const more = facts.scorecard.followUp!.overdueActionItems - 1;
  const file = item.file.slice(item.file.lastIndexOf("/") + 1);
  return [
    `Finish the overdue action item "${item.action}"${item.owner ? ` (${item.owner})` : ""}, due ${item.due} in ${file}, then tick its row${more > 0 ? `; ${count(more, "more action item")} ${more === 1 ? "is" : "are"} overdue (\`cto-copilot follow-up\`)` : ""}.`,
  ];
}

/** The data files the scorecard lacks. */
function recordMoves(facts: Facts): string[] {
  const moves: string[] = [];
  if (!facts.stackRecorded)
    moves.push("Record the stack: `cto-copilot init --discover` drafts tech_stack.json from the repository.");
  if (facts.scorecard.team.headcount === 0)
    moves.push(
      "Record the headcount in team.json (or team.headcount in tech_stack.json) so the stage follows from it.",
    );
  if (!facts.debtRecorded) moves.push("List known tech debt in tech_debt.json (`cto-copilot init` creates it).");
  return moves;
}

/**
 * Moves that support any priority, most urgent first: the stage's missing minimum security,
 * critical debt, the stage's next investment, then the data the scorecard lacks.
 */
function supportingMoves(facts: Facts, priority: Chosen): string[] {
  const moves = [
    ...overdueActionItem(facts),
    ...(priority.area !== "security" ? securityFirst(facts) : []),
    ...otherCriticalDebt(facts, priority),
  ];
  if (priority.area !== "hold" && priority.area !== "mttr") moves.push(...(stageGap(facts)?.moves ?? []));
  moves.push(...recordMoves(facts));
  const next = facts.openDebt.find(
    (candidate) => candidate !== priority.debt && (candidate.priority === "high" || candidate.priority === "medium"),
  );
  if (next && !facts.critical.includes(next)) moves.push(closeDebtMove(next));
  if (facts.status.infrastructure === "unknown")
    moves.push(
      "Record last month's infrastructure spend with MRR and compute utilisation in infra_costs.json, so the scorecard can judge cost against the stage's target.",
    );
  return moves;
}

/** The priority's own moves first, then the supporting ones; two or three, never the same twice. */
export function nextMoves(facts: Facts, priority: Chosen): string[] {
  const moves = [...new Set([...priority.moves, ...supportingMoves(facts, priority)])];
  const fallback =
    "Run the scorecard again next week (Action `command: scorecard` on its schedule) and compare with this read.";
  if (moves.length < 2) moves.push(fallback);
  return moves.slice(0, 3);
}
