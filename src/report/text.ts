import { count } from "../text/plural.js";
import { codeFrameColumns } from "@babel/code-frame";
import type { Colors } from "picocolors/types.js";
import { countBySeverity, type Diagnostic } from "../findings/diagnostic.js";

/**
 * Compiler-style output: `file:line:col - error code: message`, then a code frame with a
 * caret under the spot. `sources` maps a file to its text (for the frame); colours come
 * from `colors`, which the caller enables only on a TTY.
 */
export function formatText(
  diagnostics: readonly Diagnostic[],
  files: number,
  sources: ReadonlyMap<string, string>,
  colors: Colors,
): string {
  const out: string[] = [];
  for (const diagnostic of diagnostics) {
    const severity = diagnostic.severity === "error" ? colors.red("error") : colors.yellow("warning");
    out.push(
      `${colors.cyan(diagnostic.file)}:${colors.yellow(String(diagnostic.line))}:${colors.yellow(String(diagnostic.column))} - ${severity} ${colors.gray(diagnostic.code)}: ${diagnostic.message}`,
    );
    const source = sources.get(diagnostic.file);
    if (source !== undefined && source !== "") {
      const sameLine =
        diagnostic.endLine === diagnostic.line &&
        diagnostic.endColumn !== undefined &&
        diagnostic.endColumn > diagnostic.column;
      const frame = codeFrameColumns(
        source,
        {
          start: { line: diagnostic.line, column: diagnostic.column },
          ...(sameLine ? { end: { line: diagnostic.line, column: diagnostic.endColumn! } } : {}),
        },
        { linesAbove: 1, linesBelow: 1, highlightCode: colors.isColorSupported, forceColor: colors.isColorSupported },
      );
      out.push(frame, "");
    } else out.push("");
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const verdict = errors > 0 ? colors.red(`${count(errors, "error")}`) : colors.green("no errors");
  out.push(`${verdict}, ${count(warnings, "warning")} in ${count(files, "file")} checked.`);
  return out.join("\n") + "\n";
}
