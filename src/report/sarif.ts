import type { Log, ReportingDescriptor, Result } from "sarif";
import type { Diagnostic } from "../findings/diagnostic.js";

export interface SarifTool {
  version: string;
  informationUri?: string;
}

/**
 * SARIF 2.1.0 for GitHub code scanning (`github/codeql-action/upload-sarif`): one rule per
 * diagnostic code, results with repository-relative URIs and 1-based regions.
 */
export function toSarif(diagnostics: readonly Diagnostic[], tool: SarifTool): Log {
  const codes = [...new Set(diagnostics.map((diagnostic) => diagnostic.code))].sort();
  const rules: ReportingDescriptor[] = codes.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z0-9])/g, (_match, _dash: string, letter: string) => letter.toUpperCase()),
    shortDescription: { text: `CTO Co-Pilot data check: ${code}` },
    defaultConfiguration: {
      level: diagnostics.find((diagnostic) => diagnostic.code === code)?.severity === "error" ? "error" : "warning",
    },
  }));
  const results: Result[] = diagnostics.map((diagnostic) => ({
    ruleId: diagnostic.code,
    ruleIndex: codes.indexOf(diagnostic.code),
    level: diagnostic.severity,
    message: { text: diagnostic.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: diagnostic.file, uriBaseId: "%SRCROOT%" },
          region: {
            startLine: diagnostic.line,
            startColumn: diagnostic.column,
            ...(diagnostic.endLine !== undefined ? { endLine: diagnostic.endLine } : {}),
            ...(diagnostic.endColumn !== undefined &&
            (diagnostic.endLine !== diagnostic.line || diagnostic.endColumn > diagnostic.column)
              ? { endColumn: diagnostic.endColumn }
              : {}),
          },
        },
      },
    ],
  }));
  return {
    $schema: "https://json.schemastore.org/sarif-2.1.0.json",
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "CTO Co-Pilot",
            semanticVersion: tool.version,
            ...(tool.informationUri ? { informationUri: tool.informationUri } : {}),
            rules,
          },
        },
        results,
      },
    ],
  };
}

/** A SARIF log for a run that could not complete: no results, the reason in the invocation. */
export function toSarifFailure(message: string, tool: SarifTool): Log {
  const log = toSarif([], tool);
  log.runs[0]!.invocations = [
    { executionSuccessful: false, toolExecutionNotifications: [{ level: "error", message: { text: message } }] },
  ];
  return log;
}
