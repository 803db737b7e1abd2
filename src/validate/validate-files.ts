import { posix } from "node:path";
import { isRecordFileName } from "../markdown/record-files.js";
import { jsonKinds, type JsonKind } from "../schemas/index.js";
import type { InfraCosts } from "../schemas/infra-costs.js";
import type { Scorecard } from "../schemas/scorecard.js";
import type { Team } from "../schemas/team.js";
import type { TechDebt } from "../schemas/tech-debt.js";
import { decodeDataFile, defaultMaxFileSizeBytes } from "./decode.js";
import { compareDiagnostics, type Diagnostic, type Finding } from "./diagnostic.js";
import { parseJsonDocument, type PathFinding } from "./json-document.js";
import { toDiagnostics } from "./line-index.js";
import { adrRules } from "./rules/adr.js";
import { incidentRules } from "./rules/incident.js";
import { infraCostsRules } from "./rules/infra-costs.js";
import { scorecardRules } from "./rules/scorecard.js";
import { teamRules } from "./rules/team.js";
import { techDebtRules } from "./rules/tech-debt.js";
import { schemaFindings } from "./schema-findings.js";

/** A file to validate; `bytes` is absent when the file was too large to read. */
export interface DataFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  size: number;
  bytes?: Uint8Array;
  /** Set when the source (GitHub) reports the file as binary rather than giving its text. */
  binary?: boolean;
}

export interface ValidateOptions {
  /** The data directory, relative to the repository root (config `dataDir`). */
  dataDir: string;
  maxFileSizeBytes?: number;
  /**
   * Every path that exists under the data directory (relative to the repository root),
   * used for cross-references such as "a superseded ADR names an ADR that exists".
   * Defaults to the paths of the files given.
   */
  knownPaths?: Iterable<string>;
}

export type DataFileKind =
  | { type: "json"; kind: JsonKind; fileDate?: string }
  | { type: "adr" }
  | { type: "incident" }
  | { type: "unknown-json" }
  | { type: "ignored" };

const rootFiles: Record<string, JsonKind> = {
  "tech_stack.json": "tech_stack",
  "engineering_scorecard.json": "engineering_scorecard",
  "tech_debt.json": "tech_debt",
  "infra_costs.json": "infra_costs",
  "team.json": "team",
};


/** What a path under the data directory holds, from its location and name. */
export function classifyDataFile(path: string, dataDir: string): DataFileKind {
  const relative = posix.relative(posix.normalize(dataDir), posix.normalize(path));
  if (relative.startsWith("..") || posix.isAbsolute(relative)) return { type: "ignored" };
  const parts = relative.split("/");
  const name = parts[parts.length - 1]!;
  if (parts.length === 1) {
    const kind = rootFiles[name];
    if (kind) return { type: "json", kind };
    return name.endsWith(".json") ? { type: "unknown-json" } : { type: "ignored" };
  }
  if (parts.length !== 2) return { type: "ignored" };
  if (parts[0] === "scorecards" && name.endsWith(".json")) {
    return { type: "json", kind: "scorecard_snapshot", fileDate: /^scorecard_(\d{4}-\d{2}-\d{2})\.json$/.exec(name)?.[1] };
  }
  if (parts[0] === "adrs" && isRecordFileName(name)) return { type: "adr" };
  if (parts[0] === "incidents" && isRecordFileName(name)) return { type: "incident" };
  return { type: "ignored" };
}

function jsonRules(kind: JsonKind, value: unknown, fileDate: string | undefined): PathFinding[] {
  switch (kind) {
    case "tech_debt":
      return techDebtRules(value as TechDebt);
    case "engineering_scorecard":
      return scorecardRules(value as Scorecard);
    case "scorecard_snapshot":
      return scorecardRules(value as Scorecard, fileDate);
    case "infra_costs":
      return infraCostsRules(value as InfraCosts);
    case "team":
      return teamRules(value as Team);
    case "tech_stack":
      return [];
  }
}

/** Validates one JSON data file's text against its schema and its cross-field rules. */
export function validateJsonText(text: string, kind: JsonKind, fileName: string, fileDate?: string): Finding[] {
  const parsed = parseJsonDocument(text);
  const findings = [...parsed.findings];
  if (parsed.value === undefined) return findings;
  const pathFindings: PathFinding[] = [];
  if (kind === "scorecard_snapshot" && fileDate === undefined) {
    findings.push({ span: { start: 0, end: 0 }, severity: "error", code: "snapshot-file-name", message: `snapshot file name "${fileName}" must look like scorecard_YYYY-MM-DD.json` });
  }
  const result = jsonKinds[kind].schema.safeParse(parsed.value);
  const issues = result.success ? [] : result.error.issues;
  pathFindings.push(...schemaFindings(issues, parsed.value));
  // Cross-field rules need the shape to be right; unknown keys alone do not stop them.
  if (issues.every((issue) => issue.code === "unrecognized_keys")) pathFindings.push(...jsonRules(kind, parsed.value, fileDate));
  findings.push(...parsed.locate(pathFindings));
  return findings;
}

/**
 * Validates data files. Pure: the caller reads the files (from disk, or from GitHub at a
 * commit) and gets back diagnostics sorted by file and position.
 */
export function validateDataFiles(files: readonly DataFile[], options: ValidateOptions): Diagnostic[] {
  const maxBytes = options.maxFileSizeBytes ?? defaultMaxFileSizeBytes;
  const known = [...(options.knownPaths ?? files.map((file) => file.path))];
  const adrNames = new Set(known.filter((path) => classifyDataFile(path, options.dataDir).type === "adr").map((path) => posix.basename(path)));
  const diagnostics: Diagnostic[] = [];

  for (const file of files) {
    const kind = classifyDataFile(file.path, options.dataDir);
    if (kind.type === "ignored") continue;
    const name = posix.basename(file.path);
    if (kind.type === "unknown-json") {
      diagnostics.push({
        file: file.path, line: 1, column: 1, severity: "warning", code: "unknown-file",
        message: `"${name}" is not a known data file (${Object.keys(rootFiles).join(", ")}); it is not validated`,
      });
      continue;
    }
    if (file.binary && file.size <= maxBytes) {
      diagnostics.push({ file: file.path, line: 1, column: 1, severity: "error", code: "invalid-utf8", message: "GitHub reports this file as binary; data files must be UTF-8 text" });
      continue;
    }
    const decoded = decodeDataFile(file.bytes ?? new Uint8Array(), file.size, maxBytes);
    const findings = [...decoded.findings];
    if (decoded.ok) {
      if (kind.type === "json") findings.push(...validateJsonText(decoded.text, kind.kind, name, kind.fileDate));
      else if (kind.type === "adr") findings.push(...adrRules(name, decoded.text, adrNames));
      else findings.push(...incidentRules(name, decoded.text));
    }
    diagnostics.push(...toDiagnostics(file.path, decoded.text, findings));
  }
  return diagnostics.sort(compareDiagnostics);
}
