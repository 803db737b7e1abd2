import { countBySeverity, type Diagnostic } from "../findings/diagnostic.js";

export interface ValidationReport {
  diagnostics: Pick<Diagnostic, "file" | "line" | "column" | "severity" | "code" | "message">[];
  summary: { files: number; errors: number; warnings: number };
}

/** The `--format json` document: exactly these keys, in this order, one JSON document. */
export function toJsonReport(diagnostics: readonly Diagnostic[], files: number): ValidationReport {
  return {
    diagnostics: diagnostics.map(({ file, line, column, severity, code, message }) => ({
      file,
      line,
      column,
      severity,
      code,
      message,
    })),
    summary: { files, ...countBySeverity(diagnostics) },
  };
}

/** The one JSON document printed when a command fails before it has findings to report. */
export function toJsonFailure(message: string): { error: { message: string } } {
  return { error: { message } };
}
