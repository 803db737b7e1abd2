import type { Finding } from "../findings/diagnostic.js";
import { adrRules, type AdrLinks } from "./rules/adr.js";
import { incidentRules } from "./rules/incident.js";

/**
 * The rules of the Markdown records (ADRs, post-mortems). Kept apart from the JSON rules so a
 * caller loads the Markdown parser only when there are records to check.
 */
export interface RecordRules {
  adr(
    fileName: string,
    text: string,
    existingAdrs: ReadonlySet<string>,
    linksOf?: (file: string) => AdrLinks | undefined,
  ): Finding[];
  incident(fileName: string, text: string): Finding[];
}

export const recordRules: RecordRules = { adr: adrRules, incident: incidentRules };
