import { posix } from "node:path";
import { decisionLogIsCurrent, decisionLogStart, type LoggedAdr } from "../adr/decision-log.js";
import type { Diagnostic } from "../findings/diagnostic.js";
import type { FileView } from "../ports/repository-view.js";
import { classifyDataFile, isRecordFileName, type DataLayout } from "../schemas/data-files.js";
import type { AdrLinks } from "../validate/rules/adr.js";

export interface AdrCrossChecks {
  /** What every ADR of the directory links, by file name: for the one-way supersede rule. */
  adrLinks?: Map<string, AdrLinks>;
  /** The decision log's finding, when it is out of date. */
  diagnostics: Diagnostic[];
}

/**
 * What each ADR links and what the decision log lists of it. The ADR readers (and the Markdown
 * parser under them) load only when there are ADRs to read, one import after the other (Jest's
 * module linker fails on two at once that share a dependency). The three readers share one parse
 * of each record, and the event loop is given back between records: in the App, a directory of
 * large ADRs never holds up other deliveries for longer than one record takes.
 */
async function readRecords(adrPaths: readonly string[], textOf: (path: string) => string | undefined) {
  const adrLinks = new Map<string, AdrLinks>();
  const logged: LoggedAdr[] = [];
  if (adrPaths.length === 0) return { adrLinks, logged };
  const { parseAdr } = await import("../adr/parse-adr.js");
  const { readAdr } = await import("../adr/read-adr.js");
  const { adrReviewDate } = await import("../adr/review-date.js");
  for (const path of adrPaths) {
    const text = textOf(path);
    if (text === undefined) continue;
    const parsed = parseAdr(text);
    adrLinks.set(posix.basename(path), { supersededBy: parsed.supersededBy.map((reference) => reference.file) });
    const reviewDate = adrReviewDate(text);
    logged.push({ ...readAdr(path, text), ...(reviewDate ? { reviewDate } : {}) });
    await new Promise((resolve) => setImmediate(resolve));
  }
  return { adrLinks, logged };
}

/**
 * The checks that need every ADR of the directory, run when ADRs (or the decision log) are among
 * the files checked: what each ADR links (so a supersede link the other record does not return is
 * reported), and whether the decision log (`README.md` with our markers) still says what the ADRs
 * say. One read of the records not already read.
 */
export async function adrCrossChecks(
  view: FileView,
  ref: string,
  layout: DataLayout,
  checked: { paths: readonly string[]; texts: ReadonlyMap<string, string>; adrNames: readonly string[] },
): Promise<AdrCrossChecks> {
  const logPath = `${layout.adrs}/README.md`;
  const touchesAdrs = checked.paths.some((path) => path === logPath || classifyDataFile(path, layout).type === "adr");
  if (!touchesAdrs) return { diagnostics: [] };
  const adrPaths = checked.adrNames.filter(isRecordFileName).map((name) => `${layout.adrs}/${name}`);
  const hasLog = checked.adrNames.includes("README.md");
  const missing = [...adrPaths, ...(hasLog ? [logPath] : [])].filter((path) => !checked.texts.has(path));
  const read = missing.length > 0 ? (await view.readContents(ref, { files: missing })).files : new Map();
  const textOf = (path: string): string | undefined => checked.texts.get(path) ?? read.get(path)?.text ?? undefined;
  const { adrLinks, logged } = await readRecords(adrPaths, textOf);
  const log = hasLog ? textOf(logPath) : undefined;
  const diagnostics: Diagnostic[] =
    log !== undefined && !decisionLogIsCurrent(log, logged)
      ? [
          {
            file: logPath,
            line: log.slice(0, log.indexOf(decisionLogStart)).split("\n").length,
            column: 1,
            severity: "warning",
            code: "decision-log-stale",
            message:
              "the decision log no longer says what the ADRs say: run `cto-copilot adr index` (the scheduled scorecard rewrites it too)",
          },
        ]
      : [];
  return { adrLinks, diagnostics };
}
