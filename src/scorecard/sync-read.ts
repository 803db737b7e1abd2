import type { DoraResult } from "../dora/compute.js";
import type { Scorecard } from "../schemas/scorecard.js";
import type { Roadmap } from "../schemas/roadmap.js";
import type { DebtItem } from "../schemas/tech-debt.js";
import type { TechStack } from "../schemas/tech-stack.js";
import { factsOf } from "./sync-read/facts.js";
import { nextMoves } from "./sync-read/next-moves.js";
import { choosePriority } from "./sync-read/priority.js";
import { situation } from "./sync-read/situation.js";
import { tradeOff } from "./sync-read/trade-off.js";

/**
 * The prompt's "After EVERY interaction" block (reference/cto-copilot-prompt.txt), computed
 * from the scorecard: where the organisation stands, the one thing to do, what is left undone
 * on purpose, and the next moves. The rules live in sync-read/, one module per concern: the
 * facts read from the inputs, the ranking of what is below target, each section's prose, and
 * the markdown.
 */
export interface SyncRead {
  /** "## Situation Read": maturity stage, what's healthy, what's concerning, what changed since the previous snapshot. One line each. */
  situation: string;
  /** "## Top Technical Priority": the ONE highest-leverage action. */
  priority: { title: string; why: string };
  /** "## Trade-off Acknowledgment": what we are explicitly NOT doing and why that is acceptable at this stage. */
  tradeOff: string;
  /** "## Next Moves": 2-3 concrete, executable actions. */
  nextMoves: string[];
  /** Who wrote it. */
  drafter: "rules" | "ai";
}

export interface SyncInputs {
  /** The computed engineering_scorecard.json. */
  scorecard: Scorecard;
  /** The previous snapshot, when any. */
  previous?: Scorecard;
  /** The DORA computation (samples, weekly, reasons), when computed. */
  dora?: DoraResult;
  /** Open items of tech_debt.json (resolved ones are left out here too). */
  debtItems?: DebtItem[];
  /** tech_stack.json. */
  stack?: TechStack;
  /** data/product/roadmap.json: items due within the next quarter can change the priority (sync-read/roadmap-gap.ts). */
  roadmap?: Roadmap;
}

/** The deterministic sync read: the same inputs always give the same text. */
export function ruleBasedSyncRead(inputs: SyncInputs): SyncRead {
  const facts = factsOf(inputs);
  const priority = choosePriority(facts);
  return {
    situation: situation(facts, inputs),
    priority: { title: priority.title, why: priority.why },
    tradeOff: tradeOff(facts, priority),
    nextMoves: nextMoves(facts, priority),
    drafter: "rules",
  };
}

export { renderSyncRead } from "./sync-read/markdown.js";
