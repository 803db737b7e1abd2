import type { DataBlock, Drafter, TokenUsage } from "../llm/drafter.js";
import { ruleBasedSyncRead, type SyncInputs, type SyncRead } from "../scorecard/sync-read.js";

export interface SyncReadDraft {
  read: SyncRead;
  /** One line when the model was asked and its read not used. */
  note?: string;
  usage?: TokenUsage;
}

/**
 * The CTO sync read: the rule-based one for everyone; with a drafter, the model's, grounded in
 * the same figures and the rule-based read, and the rule-based one again if anything goes wrong.
 * Only the repository's own data files and computed figures are sent, never issue or PR text;
 * and CLAUDE.md, when the caller read one, as background data. The model's request and answer
 * (and the schema library under them) load only when there is a drafter.
 */
export async function draftSyncRead(
  inputs: SyncInputs,
  drafter: Drafter | undefined,
  technicalContext?: DataBlock,
): Promise<SyncReadDraft> {
  const ruleBased = ruleBasedSyncRead(inputs);
  if (!drafter) return { read: ruleBased };
  const { aiSyncRead, syncReadRequest } = await import("../llm/drafts/sync-read.js");
  const outcome = await drafter.draft(syncReadRequest(inputs, ruleBased, technicalContext));
  if (!outcome.ok)
    return {
      read: ruleBased,
      note: `The AI read was not used (${outcome.reason}): this is the rule-based read.`,
      ...(outcome.usage ? { usage: outcome.usage } : {}),
    };
  return { read: aiSyncRead(outcome.value), usage: outcome.usage };
}
