import { posix } from "node:path";
import { classifyDataFile, fixedJsonNames, jsonFiles, type DataLayout, type JsonKind } from "../schemas/data-files.js";
import { acceptDecodedText, decodeDataFile, defaultMaxFileSizeBytes } from "./decode.js";
import { append, compareDiagnostics, type Diagnostic, type Finding } from "../findings/diagnostic.js";
import type { PathFinding } from "../findings/diagnostic.js";
import { locator, parseJsonDocument } from "./json-document.js";
import { toDiagnostics } from "../text/line-index.js";
import type { RecordRules } from "./record-rules.js";
import type { AdrLinks } from "./rules/adr.js";
import { infraCostsRules } from "./rules/infra-costs.js";
import { roadmapRules } from "./rules/roadmap.js";
import { scorecardRules } from "./rules/scorecard.js";
import { teamRules } from "./rules/team.js";
import { techDebtElementRules, techDebtRules } from "./rules/tech-debt.js";
import type { ElementRules } from "./rules/element-rules.js";
import { schemaFindings } from "../findings/schema-findings.js";
import { schemaIssues } from "./schema-issues.js";
import { findingsByElement } from "./validate-by-element.js";
import { technicalContextFindings } from "./technical-context.js";

/**
 * A file to validate: its raw `bytes` (checked for UTF-8 and a byte order mark), or `text` a
 * source decoded exactly; neither when the file was too large to read.
 */
export interface DataFile {
  /** Path relative to the repository root, with forward slashes. */
  path: string;
  size: number;
  bytes?: Uint8Array;
  text?: string;
  /** Set when the source (GitHub) reports the file as binary rather than giving its text. */
  binary?: boolean;
}

export interface ValidateOptions {
  /** Where the data files live (from the config: `dataDir`, `adr.directory`). */
  layout: DataLayout;
  maxFileSizeBytes?: number;
  /**
   * Every path that exists among the data files (relative to the repository root), used for
   * cross-references such as "a superseded ADR names an ADR that exists". Defaults to the
   * paths of the files given.
   */
  knownPaths?: Iterable<string>;
  /** The rules of ADRs and post-mortems; needed when `files` holds any (see record-rules.ts). */
  records?: RecordRules;
  /** What every ADR of the directory links (by file name), so one-way supersede links are reported. */
  adrLinks?: ReadonlyMap<string, AdrLinks>;
}

/** Cross-field rules of each JSON kind; each judges whatever part of the document is well-formed. */
const jsonRules: Record<JsonKind, (value: unknown, fileDate: string | undefined) => PathFinding[]> = {
  tech_debt: (value) => techDebtRules(value),
  engineering_scorecard: (value) => scorecardRules(value),
  scorecard_snapshot: (value, fileDate) => scorecardRules(value, fileDate),
  infra_costs: (value) => infraCostsRules(value),
  team: (value) => teamRules(value),
  tech_stack: () => [],
  roadmap: (value) => roadmapRules(value),
};

/** Kinds whose rules can judge their large array element by element (see validate-by-element.ts). */
const elementRules: Partial<Record<JsonKind, ElementRules>> = { tech_debt: techDebtElementRules };

/** Validates one JSON data file's text against its schema and its cross-field rules. */
function validateJsonText(text: string, kind: JsonKind, fileName: string, fileDate?: string): Finding[] {
  const findings: Finding[] = [];
  const { schema } = jsonFiles[kind];
  const rules = elementRules[kind];
  // Element by element when the file allows it; a file that does not (a syntax error, a
  // duplicate key...) is parsed whole, and that path reports and positions what it found.
  let pathFindings = rules && findingsByElement(text, schema, rules);
  if (!pathFindings) {
    const parsed = parseJsonDocument(text);
    append(findings, parsed.findings);
    if (parsed.value === undefined) return findings;
    pathFindings = schemaFindings(schemaIssues(schema, parsed.value), parsed.value);
    // Every finding in one run: the rules judge what is well-formed even when the shape has errors elsewhere.
    append(pathFindings, jsonRules[kind](parsed.value, fileDate));
  }
  if (kind === "scorecard_snapshot" && fileDate === undefined) {
    findings.push({
      span: { start: 0, end: 0 },
      severity: "error",
      code: "snapshot-file-name",
      message: `snapshot file name "${fileName}" must look like scorecard_YYYY-MM-DD.json`,
    });
  }
  append(findings, locator(text)(pathFindings));
  return findings;
}

/**
 * Validates data files. Pure: the caller reads the files (from disk, or from GitHub at a
 * commit) and gets back diagnostics sorted by file and position.
 */
export function validateDataFiles(files: readonly DataFile[], options: ValidateOptions): Diagnostic[] {
  const maxBytes = options.maxFileSizeBytes ?? defaultMaxFileSizeBytes;
  const known = [...(options.knownPaths ?? files.map((file) => file.path))];
  const adrNames = new Set(
    known.filter((path) => classifyDataFile(path, options.layout).type === "adr").map((path) => posix.basename(path)),
  );
  const diagnostics: Diagnostic[] = [];

  for (const file of files) {
    const kind = classifyDataFile(file.path, options.layout);
    if (kind.type === "ignored") continue;
    const name = posix.basename(file.path);
    if (kind.type === "unknown-json") {
      diagnostics.push({
        file: file.path,
        line: 1,
        column: 1,
        severity: "warning",
        code: "unknown-file",
        message: `"${name}" is not a known data file (${fixedJsonNames.join(", ")}); it is not validated`,
      });
      continue;
    }
    if (kind.type === "technical-context") {
      const checked = technicalContextFindings(file);
      append(diagnostics, toDiagnostics(file.path, checked.text, checked.findings));
      continue;
    }
    if (file.binary && file.size <= maxBytes) {
      diagnostics.push({
        file: file.path,
        line: 1,
        column: 1,
        severity: "error",
        code: "invalid-utf8",
        message: "GitHub reports this file as binary; data files must be UTF-8 text",
      });
      continue;
    }
    const decoded =
      file.bytes === undefined && file.text !== undefined
        ? acceptDecodedText(file.text, file.size, maxBytes)
        : decodeDataFile(file.bytes ?? new Uint8Array(), file.size, maxBytes);
    const findings = [...decoded.findings];
    if (decoded.ok) {
      if (kind.type === "json") append(findings, validateJsonText(decoded.text, kind.kind, name, kind.fileDate));
      else if (!options.records)
        throw new Error(`${file.path} is a Markdown record: pass the record rules (validate/record-rules.ts)`);
      else if (kind.type === "adr")
        append(
          findings,
          options.records.adr(
            name,
            decoded.text,
            adrNames,
            options.adrLinks && ((file) => options.adrLinks!.get(file)),
          ),
        );
      else append(findings, options.records.incident(name, decoded.text));
    }
    append(diagnostics, toDiagnostics(file.path, decoded.text, findings));
  }
  return diagnostics.sort(compareDiagnostics);
}
