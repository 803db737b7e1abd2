import { toJsonReport } from "../../report/json.js";
import { formatText } from "../../report/text.js";
import type { DataReviewOutcome } from "../../use-cases/review-data-files.js";
import type { PullRequestReview } from "../../use-cases/review-pull-request.js";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { adrCheckJson, formatAdrCheckText, type AdrReportOptions } from "../adr-check-report.js";
import { costJson, fitJson, formatCostText, formatFitText } from "../cost-fit-report.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { reviewWorkingTree } from "../local-review.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

export interface ReviewCommandOptions {
  root?: string;
  base?: string;
  format: "text" | "json";
  strict?: boolean;
  verbose?: boolean;
  /** Infracost's JSON, a file on disk (relative to the current directory). */
  infracost?: string;
}

/** The data check's findings as `validate` reports them: the changed data files (and the config, when there is one). */
function dataFindings(outcome: DataReviewOutcome | undefined, review: PullRequestReview) {
  if (!outcome || outcome.status === "skipped") return { diagnostics: [], files: 0, texts: new Map<string, string>() };
  const { diagnostics, files, texts } = outcome.validation;
  return { diagnostics, files: files.length + (review.snapshot.sources.repository !== undefined ? 1 : 0), texts };
}

function formatReviewText(review: PullRequestReview, report: AdrReportOptions, root: string, io: CliIo): string {
  const colors = colorsFor(io);
  const { data, adr } = review.outcomes;
  const findings = dataFindings(data, review);
  const shown = (path: string) => displayPath(io, root, path);
  const dataText =
    data?.status === "skipped"
      ? `No data file changed against ${report.base}.\n`
      : formatText(
          findings.diagnostics.map((diagnostic) => ({ ...diagnostic, file: shown(diagnostic.file) })),
          findings.files,
          new Map([...findings.texts].map(([path, text]) => [shown(path), text])),
          colors,
        );
  const adrText = adr?.assessment ? formatAdrCheckText(adr.assessment, report, colors) : "";
  const { cost, fit } = review.outcomes;
  return [
    `${colors.bold("Data files")}\n${dataText}`,
    `${colors.bold("ADR")}\n${adrText}`,
    `${colors.bold("Cost")}\n${formatCostText(cost, colors)}`,
    `${colors.bold("Stage fit")}\n${formatFitText(fit, colors)}`,
  ].join("\n");
}

/**
 * `cto-copilot review --base REF`: the pull-request review of the working tree, every check the
 * App and the Action run, over one read of config and changed files.
 */
export async function reviewCommand(options: ReviewCommandOptions, io: CliIo): Promise<number> {
  if (!options.base)
    throw new UsageError(
      "review needs --base REF: the commit to compare the working tree with, e.g. --base origin/main",
    );
  const root = await repositoryRoot(io, options.root);
  const infracost = options.infracost ? await readInfracostFile(io, options.infracost) : undefined;
  const review = await reviewWorkingTree(io, { root, base: options.base, ...(infracost ? { infracost } : {}) });
  const { config } = review.snapshot.resolved;
  const report = {
    base: options.base,
    verbose: options.verbose === true || config.adr.report === "all",
    threshold: config.adr.threshold,
  };
  if (options.format === "json") {
    const findings = dataFindings(review.outcomes.data, review);
    const assessment = review.outcomes.adr?.assessment;
    const json = {
      data: toJsonReport(findings.diagnostics, findings.files),
      ...(assessment ? { adr: adrCheckJson(assessment, report) } : {}),
      cost: costJson(review.outcomes.cost),
      fit: fitJson(review.outcomes.fit),
    };
    io.stdout.write(JSON.stringify(json) + "\n");
  } else io.stdout.write(formatReviewText(review, report, root, io));
  for (const failure of review.failures) io.stderr.write(`review fails: ${failure}\n`);
  const strictFailure = options.strict === true && review.outcomes.adr?.status === "suggested";
  return review.failures.length > 0 || strictFailure ? exitCodes.findings : exitCodes.ok;
}

/** `--infracost FILE`: the text and the name problems are reported under. */
async function readInfracostFile(io: CliIo, file: string): Promise<{ text: string; origin: string }> {
  try {
    return { text: await readFile(resolve(io.cwd, file), "utf8"), origin: file };
  } catch (error) {
    throw new UsageError(`--infracost ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}
