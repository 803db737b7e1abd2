export type Severity = "error" | "warning";

/** One finding in one file, positioned for people (1-based line and column). */
export interface Diagnostic {
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  severity: Severity;
  code: string;
  message: string;
}

/** A half-open range of UTF-16 offsets into a file's text. */
export interface Span {
  start: number;
  end: number;
}

/** Where a finding points inside the node found at its path. */
export type Target = "value" | "key";

/** A finding located by its path in a JSON or YAML document rather than by offsets (rules and schema checks produce these). */
export interface PathFinding {
  path: (string | number)[];
  target?: Target;
  severity: Severity;
  code: string;
  message: string;
}

/** A finding before it is given a file name and line/column positions. */
export interface Finding {
  span: Span;
  severity: Severity;
  code: string;
  message: string;
}

export function countBySeverity(diagnostics: readonly Diagnostic[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const diagnostic of diagnostics) if (diagnostic.severity === "error") errors++;
  return { errors, warnings: diagnostics.length - errors };
}

/** Orders diagnostics by file, then position, so every output is stable. */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.code.localeCompare(b.code);
}

/** Appends many items without spreading them into arguments (a spread of 125,000 overflows the stack). */
export function append<T>(target: T[], items: readonly T[]): T[] {
  for (const item of items) target.push(item);
  return target;
}
