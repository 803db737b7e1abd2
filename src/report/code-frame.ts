import type { Colors } from "picocolors/types.js";
import type { LineIndex } from "../text/line-index.js";

/** Characters shown on each side of the column on a long line (a minified file is one line). */
const around = 60;

/**
 * A code frame like a compiler's: the line before, the line, the line after, a caret under the
 * span. Long lines are cut around the column, so a frame stays a few hundred characters whatever
 * the file: a minified 500 KB file makes as small a frame as a tidy one.
 */
export function codeFrame(
  lines: LineIndex,
  line: number,
  column: number,
  endColumn: number | undefined,
  colors: Colors,
): string {
  const numbers = [line - 1, line, line + 1].filter(
    (number) => number >= 1 && (number === line || lines.lineText(number) !== "" || number < line),
  );
  const width = String(Math.max(...numbers)).length;
  const full = lines.lineText(line);
  // The window of this line that holds the column; the same cut applies to the neighbours.
  const start = full.length > 2 * around + 20 ? Math.max(0, column - 1 - around) : 0;
  const cut = (text: string) => {
    if (start === 0 && text.length <= 2 * around + 20) return text;
    const piece = text.slice(start, start + 2 * around);
    return `${start > 0 ? "…" : ""}${piece}${start + 2 * around < text.length ? "…" : ""}`;
  };
  const shift = start > 0 ? 1 - start : 0; // the "…" takes one column
  const caretColumn = column + shift;
  const caretLength = Math.max(1, Math.min((endColumn ?? column + 1) - column, 2 * around));
  const out = numbers.map((number) => {
    const marker = number === line ? colors.red(">") : " ";
    return `${marker} ${colors.gray(`${String(number).padStart(width)} |`)}${lines.lineText(number) === "" ? "" : ` ${cut(lines.lineText(number))}`}`;
  });
  const caret = `  ${colors.gray(`${" ".repeat(width)} |`)} ${" ".repeat(Math.max(0, caretColumn - 1))}${colors.red("^".repeat(caretLength))}`;
  out.splice(numbers.indexOf(line) + 1, 0, caret);
  return out.join("\n");
}
