import { posix } from "node:path";
import type { z } from "zod";
import {
  fixedJsonFileNames,
  fixedJsonKinds,
  isRecordFileName,
  roadmapPath,
  technicalContextPath,
  type DataLayout,
} from "./data-layout.js";
import { infraCostsSchema } from "./infra-costs.js";
import { roadmapSchema } from "./roadmap.js";
import { scorecardSchema } from "./scorecard.js";
import { teamSchema } from "./team.js";
import { techDebtSchema } from "./tech-debt.js";
import { techStackSchema } from "./tech-stack.js";

/**
 * The one registry of data files: what each file is, its format and schema, and where it
 * lives (the paths alone, without schemas, are in data-layout.ts). Validation, the scorecard,
 * `init` and incidents read it instead of naming files.
 */

export {
  dataFilePath,
  dataLayoutOf,
  isRecordFileName,
  maxTechnicalContextBytes,
  recordFilesIn,
  technicalContextPath,
  type DataLayout,
  type FixedJsonKind,
} from "./data-layout.js";

/** The JSON data files, by kind. */
export type JsonKind = "tech_stack" | "engineering_scorecard" | "tech_debt" | "infra_costs" | "team" | "scorecard_snapshot" | "roadmap";

/** Where a kind of file lives: the data directory itself, one of its record directories, or a fixed path beside it (another team's file). */
type DataPlace = "data" | "scorecards" | "adrs" | "incidents" | "neighbour";

export interface JsonFileSpec {
  kind: JsonKind;
  format: "json";
  place: DataPlace;
  /** The fixed file name, for files that have one. */
  name?: string;
  /** The path from the repository root, for a neighbour (whatever `dataDir` says). */
  path?: string;
  /** File names of dated files in a directory (the date in group 1). */
  namePattern?: RegExp;
  schema: z.ZodType;
  /** The generated JSON Schema under schemas/. */
  schemaFile: string;
}

/** `adr_YYYY-MM-DD_slug.md`. */
export const adrFileName = /^adr_(\d{4}-\d{2}-\d{2})_([a-z0-9][a-z0-9_-]*)\.md$/;
/** `incident_YYYY-MM-DD.md`, or `incident_YYYY-MM-DD-2.md` for a second one that day. */
export const incidentFileName = /^incident_(\d{4}-\d{2}-\d{2})(?:-(\d+))?\.md$/;
/** `scorecard_YYYY-MM-DD.json`. */
const snapshotFileName = /^scorecard_(\d{4}-\d{2}-\d{2})\.json$/;

export const jsonFiles: Record<JsonKind, JsonFileSpec> = {
  tech_stack: { kind: "tech_stack", format: "json", place: "data", name: fixedJsonFileNames.tech_stack, schema: techStackSchema, schemaFile: "tech_stack.schema.json" },
  engineering_scorecard: { kind: "engineering_scorecard", format: "json", place: "data", name: fixedJsonFileNames.engineering_scorecard, schema: scorecardSchema, schemaFile: "engineering_scorecard.schema.json" },
  tech_debt: { kind: "tech_debt", format: "json", place: "data", name: fixedJsonFileNames.tech_debt, schema: techDebtSchema, schemaFile: "tech_debt.schema.json" },
  infra_costs: { kind: "infra_costs", format: "json", place: "data", name: fixedJsonFileNames.infra_costs, schema: infraCostsSchema, schemaFile: "infra_costs.schema.json" },
  team: { kind: "team", format: "json", place: "data", name: fixedJsonFileNames.team, schema: teamSchema, schemaFile: "team.schema.json" },
  scorecard_snapshot: { kind: "scorecard_snapshot", format: "json", place: "scorecards", namePattern: snapshotFileName, schema: scorecardSchema, schemaFile: "engineering_scorecard.schema.json" },
  roadmap: { kind: "roadmap", format: "json", place: "neighbour", path: roadmapPath, schema: roadmapSchema, schemaFile: "roadmap.schema.json" },
};

/** Neighbours validated when present (absent is fine): the product roadmap, and CLAUDE.md (warnings only: it is optional context). */
export const neighbourDataFiles: readonly string[] = [roadmapPath, technicalContextPath];

export type DataFileKind =
  | { type: "json"; kind: JsonKind; fileDate?: string }
  | { type: "adr" }
  | { type: "incident" }
  | { type: "unknown-json" }
  /** CLAUDE.md: checked to be readable text, for the AI drafts. */
  | { type: "technical-context" }
  | { type: "ignored" };

const fixedByName = new Map(fixedJsonKinds.map((kind) => [jsonFiles[kind].name!, kind]));

/** The names of the fixed-name data files, for messages. */
export const fixedJsonNames = fixedJsonKinds.map((kind) => jsonFiles[kind].name!);

/** What a path holds, from its location and name (paths relative to the repository root). */
export function classifyDataFile(path: string, layout: DataLayout): DataFileKind {
  const normalized = posix.normalize(path);
  const directory = posix.dirname(normalized);
  const name = posix.basename(normalized);
  if (normalized === roadmapPath) return { type: "json", kind: "roadmap" };
  if (normalized === technicalContextPath) return { type: "technical-context" };
  if (directory === layout.adrs) return isRecordFileName(name) ? { type: "adr" } : { type: "ignored" };
  if (directory === layout.incidents) return isRecordFileName(name) ? { type: "incident" } : { type: "ignored" };
  if (directory === layout.scorecards) {
    return name.endsWith(".json") ? { type: "json", kind: "scorecard_snapshot", fileDate: snapshotFileName.exec(name)?.[1] } : { type: "ignored" };
  }
  if (directory === layout.dataDir) {
    const kind = fixedByName.get(name);
    if (kind) return { type: "json", kind };
    return name.endsWith(".json") ? { type: "unknown-json" } : { type: "ignored" };
  }
  return { type: "ignored" };
}
