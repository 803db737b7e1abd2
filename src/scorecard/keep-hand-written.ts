import type { Scorecard } from "../schemas/scorecard.js";

/** complianceStatus texts the scorecard writes itself (refreshed every run; anything else is a person's). */
const generatedCompliance = /^(no compliance requirement recorded|.+ required \(not evidenced in the repository\))$/;

/**
 * The scorecard merges, it never erases: what a person wrote in the previous scorecard and the
 * scorecard cannot compute is carried over — the date of the last security review, a compliance
 * status in their words, an attrition risk when team.json does not record one, the `$schema`
 * reference for their editor. Pure.
 */
export function keepHandWritten(
  next: Scorecard,
  previous: Scorecard | undefined,
  facts: { teamRecorded: boolean },
): Scorecard {
  if (!previous) return next;
  const merged: Scorecard = { ...next, security: { ...next.security }, team: { ...next.team } };
  if (previous.$schema !== undefined) merged.$schema = previous.$schema;
  if (previous.security.lastSecurityReview !== "")
    merged.security.lastSecurityReview = previous.security.lastSecurityReview;
  if (!generatedCompliance.test(previous.security.complianceStatus) && previous.security.complianceStatus !== "")
    merged.security.complianceStatus = previous.security.complianceStatus;
  if (!facts.teamRecorded) merged.team.attritionRisk = previous.team.attritionRisk;
  // Keys in the order the schema lists them, as a person expects to read the file.
  return merged.$schema === undefined ? merged : { $schema: merged.$schema, ...merged };
}
