import type { IncidentEvent } from "../dora/compute.js";
import { parseIncident } from "./parse-incident.js";

/** A post-mortem as an incident for time to restore; undefined without a readable Started time. */
export function incidentFromPostMortem(id: string, text: string): IncidentEvent | undefined {
  const incident = parseIncident(text);
  if (incident.startedAt === undefined) return undefined;
  return { id, title: incident.title ?? id, started: incident.startedAt, resolved: incident.resolvedAt ?? null };
}
