import { count } from "../text/plural.js";
import type { Colors } from "picocolors/types.js";
import { countBySeverity, type Diagnostic } from "../findings/diagnostic.js";
import { LineIndex } from "../text/line-index.js";
import { codeFrame } from "./code-frame.js";

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
  // One index per file, not one split of the whole text per diagnostic.
  const indexes = new Map<string, LineIndex>();
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
      let lines = indexes.get(diagnostic.file);
      if (!lines) indexes.set(diagnostic.file, (lines = new LineIndex(source)));
      out.push(
        codeFrame(lines, diagnostic.line, diagnostic.column, sameLine ? diagnostic.endColumn : undefined, colors),
        "",
      );
    } else out.push("");
  }
  const { errors, warnings } = countBySeverity(diagnostics);
  const verdict = errors > 0 ? colors.red(`${count(errors, "error")}`) : colors.green("no errors");
  out.push(`${verdict}, ${count(warnings, "warning")} in ${count(files, "file")} checked.`);
  return out.join("\n") + "\n";
}
