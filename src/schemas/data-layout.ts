import { posix } from "node:path";
import type { Config } from "./config.js";

/**
 * Where the data files live, without their schemas: a command that only needs paths (the
 * scorecard of a repository without data files) loads no schema library. data-files.ts, the
 * registry, adds each file's format and schema to these names.
 */

/** The JSON files that sit at a fixed name directly in the data directory. */
export type FixedJsonKind = "tech_stack" | "engineering_scorecard" | "tech_debt" | "infra_costs" | "team";

/** The fixed-name JSON files, in the order people read about them, and their names. */
export const fixedJsonKinds: readonly FixedJsonKind[] = ["tech_stack", "engineering_scorecard", "tech_debt", "infra_costs", "team"];
export const fixedJsonFileNames: Record<FixedJsonKind, string> = {
  tech_stack: "tech_stack.json",
  engineering_scorecard: "engineering_scorecard.json",
  tech_debt: "tech_debt.json",
  infra_costs: "infra_costs.json",
  team: "team.json",
};

/** Where the data files of one repository live (paths relative to its root, forward slashes). */
export interface DataLayout {
  dataDir: string;
  /** `adr.directory`, else `<dataDir>/adrs`. */
  adrs: string;
  incidents: string;
  scorecards: string;
}

/** The data directory as a clean relative path (no `./`, no trailing slash). */
export function dataDirOf(config: Config): string {
  return posix.normalize(config.dataDir).replace(/\/$/, "");
}

/** Where ADRs live: `adr.directory`, else `<dataDir>/adrs`. */
export function adrDirectoryOf(config: Config): string {
  return posix.normalize(config.adr.directory ?? `${dataDirOf(config)}/adrs`).replace(/\/$/, "");
}

export function dataLayoutOf(config: Config): DataLayout {
  const dataDir = dataDirOf(config);
  return { dataDir, adrs: adrDirectoryOf(config), incidents: `${dataDir}/incidents`, scorecards: `${dataDir}/scorecards` };
}

/** The path of a fixed-name JSON file, e.g. `data/engineering/tech_debt.json`. */
export function dataFilePath(layout: DataLayout, kind: FixedJsonKind): string {
  return `${layout.dataDir}/${fixedJsonFileNames[kind]}`;
}

/** The path of the dated scorecard snapshot for a day (YYYY-MM-DD). */
export function snapshotPath(layout: DataLayout, day: string): string {
  return `${layout.scorecards}/scorecard_${day}.json`;
}

/** Read-only neighbours that other teams' tools write; read leniently when present. */
export const cfoForecastPath = "data/cfo/latest_forecast.json";
/** Where the product team's roadmap lives: a read-only neighbour of the engineering data. */
export const roadmapPath = "data/product/roadmap.json";
/** `CLAUDE.md` at the root: technical context for the AI drafts (src/llm/technical-context.ts). */
export const technicalContextPath = "CLAUDE.md";
/** Larger CLAUDE.md files are not read at all: a page or two of context, not a data dump. */
export const maxTechnicalContextBytes = 256 * 1024;

/** READMEs, indexes and templates sit beside ADRs and post-mortems without being records. */
const notRecords = /^(readme|index|template)\.md$/i;

/** Whether a file name is a markdown record (an ADR or a post-mortem), not a README or template. */
export function isRecordFileName(name: string): boolean {
  return name.endsWith(".md") && !notRecords.test(name);
}

/** The paths that are records directly inside one of the directories. */
export function recordFilesIn(paths: readonly string[], directories: readonly string[]): string[] {
  return paths.filter((path) => isRecordFileName(posix.basename(path)) && directories.includes(posix.dirname(path)));
}
