import { updateDecisionLog } from "../adr/decision-log.js";
import type { FollowUpRecords } from "./read-follow-up.js";

/**
 * The decision log brought up to date, when the ADR directory has one (`cto-copilot adr index`
 * made it) and it no longer says what the ADRs say: the file to write beside the scorecard, in
 * the same commit or pull request. Nothing when there is no log, or it is current.
 */
export function staleDecisionLog(records: FollowUpRecords): { path: string; text: string } | undefined {
  if (!records.decisionLog) return undefined;
  const text = updateDecisionLog(records.decisionLog.text, records.adrs);
  return text === records.decisionLog.text ? undefined : { path: records.decisionLog.path, text };
}
