import type { IncidentEvent } from "../dora/compute.js";
import { parseIncident } from "./parse-incident.js";
import { postMortemIssue } from "./post-mortem.js";

/** A post-mortem as an incident for time to restore; undefined without a readable Started time. */
export function incidentFromPostMortem(id: string, text: string): IncidentEvent | undefined {
  const incident = parseIncident(text);
  if (incident.startedAt === undefined) return undefined;
  const issue = postMortemIssue(text);
  return {
    id,
    title: incident.title ?? id,
    started: incident.startedAt,
    resolved: incident.resolvedAt ?? null,
    ...(issue !== undefined ? { issue } : {}),
  };
}

/**
 * The incidents of a window, each once: every post-mortem, and every incident issue that no
 * post-mortem names in its `**Issue:**` link (those are the same incident, written up).
 */
export function mergeIncidents(
  postMortems: readonly IncidentEvent[],
  issues: readonly IncidentEvent[],
): IncidentEvent[] {
  const written = new Set(postMortems.flatMap((incident) => (incident.issue === undefined ? [] : [incident.issue])));
  return [...postMortems, ...issues.filter((incident) => incident.issue === undefined || !written.has(incident.issue))];
}
