import { decisionLogStart, updateDecisionLog } from "../adr/decision-log.js";
import { dayOf, followUpSummary, planFollowUp } from "../follow-up/plan.js";
import type { FileView, RepositoryContents } from "../ports/repository-view.js";
import type { DataLayout } from "../schemas/data-files.js";
import type { Scorecard } from "../schemas/scorecard.js";
import { readFollowUpRecords, type FollowUpRecords } from "./read-follow-up.js";

/**
 * The decision log brought up to date, when the ADR directory has one (`cto-copilot adr index`
 * made it: a README with our markers; `init`'s README of templates is not one) and it no longer
 * says what the ADRs say: the file to write beside the scorecard, in the same commit or pull
 * request. Nothing when there is no log, or it is current.
 */
function staleDecisionLog(records: FollowUpRecords): { path: string; text: string } | undefined {
  if (!records.decisionLog?.text.includes(decisionLogStart)) return undefined;
  const text = updateDecisionLog(records.decisionLog.text, records.adrs);
  return text === records.decisionLog.text ? undefined : { path: records.decisionLog.path, text };
}

/**
 * What the scorecard takes from the post-mortems and ADRs: the follow-up block (when they promise
 * anything) and the decision log to write, when it is out of date.
 */
export async function readPromises(
  view: FileView,
  ref: string,
  layout: DataLayout,
  now: Date,
  /** The incidents and ADR directories as already listed at `ref`. */
  listed?: RepositoryContents,
): Promise<{ followUp?: NonNullable<Scorecard["followUp"]>; decisionLog?: { path: string; text: string } }> {
  const records = await readFollowUpRecords(view, ref, layout, listed);
  const plan = planFollowUp(records.actionItems, records.adrs, dayOf(now));
  const decisionLog = staleDecisionLog(records);
  return {
    ...(plan.actionItems.length + plan.adrReviews.length > 0 ? { followUp: followUpSummary(plan) } : {}),
    ...(decisionLog ? { decisionLog } : {}),
  };
}
