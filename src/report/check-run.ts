import { count } from "../text/plural.js";
import { codeSpan, escapeInline } from "../markdown/escape.js";
import { countBySeverity, type Diagnostic } from "../findings/diagnostic.js";

/** A check run as data: what a publisher creates on a commit. */
interface CheckAnnotation {
  path: string;
  start_line: number;
  end_line: number;
  start_column?: number;
  end_column?: number;
  annotation_level: "notice" | "warning" | "failure";
  message: string;
  title?: string;
}

export interface CheckRunPlan {
  name: string;
  headSha: string;
  conclusion: "success" | "failure" | "neutral" | "action_required";
  title: string;
  summary: string;
  annotations: CheckAnnotation[];
}

export interface ExistingCheckRun {
  id: number;
  status: string;
  conclusion: string | null;
  title: string | null;
  summary: string | null;
}

const dataCheckName = "CTO Co-Pilot / data";

/** GitHub refuses check run summaries over 65,535 characters. */
const maxSummary = 65_000;

function toAnnotation(diagnostic: Diagnostic): CheckAnnotation {
  const endLine = diagnostic.endLine ?? diagnostic.line;
  // GitHub accepts columns only on single-line annotations.
  const columns =
    endLine === diagnostic.line
      ? {
          start_column: diagnostic.column,
          end_column: Math.max(diagnostic.column, (diagnostic.endColumn ?? diagnostic.column + 1) - 1),
        }
      : {};
  return {
    path: diagnostic.file,
    start_line: diagnostic.line,
    end_line: endLine,
    ...columns,
    annotation_level: diagnostic.severity === "error" ? "failure" : "warning",
    title: diagnostic.code,
    message: diagnostic.message,
  };
}

export interface DataCheckInput {
  headSha: string;
  diagnostics: readonly Diagnostic[];
  /** Data files checked (changed by the PR). */
  files: readonly string[];
  /** Problems the check must show but cannot annotate (e.g. in the organisation's config). */
  notes?: readonly string[];
}

/** The `CTO Co-Pilot / data` check run as data: conclusion, title, summary listing every finding, annotations. */
export function planDataCheck(input: DataCheckInput): CheckRunPlan {
  const { errors, warnings } = countBySeverity(input.diagnostics);
  const title =
    errors > 0
      ? `${count(errors, "error")}, ${count(warnings, "warning")} in data files`
      : warnings > 0
        ? `No errors, ${count(warnings, "warning")}`
        : "Data files are valid";
  const lines = [
    `Checked ${count(input.files.length, "data file")} at \`${input.headSha.slice(0, 7)}\`: **${count(errors, "error")}**, ${count(warnings, "warning")}.`,
    "",
    ...(input.notes ?? []).map((note) => `> ${escapeInline(note)}`),
  ];
  if (input.diagnostics.length > 0) {
    lines.push("", "| File | Line | Severity | Code | Message |", "|---|---|---|---|---|");
    let length = lines.join("\n").length;
    let shown = 0;
    for (const diagnostic of input.diagnostics) {
      const row = `| ${codeSpan(diagnostic.file, { inTable: true })} | ${diagnostic.line}:${diagnostic.column} | ${diagnostic.severity} | \`${diagnostic.code}\` | ${escapeInline(diagnostic.message)} |`;
      if (length + row.length + 200 > maxSummary) break;
      lines.push(row);
      length += row.length + 1;
      shown++;
    }
    if (shown < input.diagnostics.length)
      lines.push("", `…and ${input.diagnostics.length - shown} more findings, all shown as annotations.`);
  } else if (input.files.length > 0) {
    lines.push("", ...input.files.map((file) => `- ${codeSpan(file)}`));
  }
  lines.push("", "Run `npx cto-copilot validate` locally for the same report.");
  return {
    name: dataCheckName,
    headSha: input.headSha,
    conclusion: errors > 0 ? "failure" : "success",
    title,
    summary: lines.join("\n"),
    annotations: input.diagnostics.map(toAnnotation),
  };
}
