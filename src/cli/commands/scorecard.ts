import { workingTree } from "../../ports/repository-view.js";
import { describeTagPattern } from "../../dora/tag-pattern.js";
import { parseIsoDateTime } from "../../schemas/common.js";
import { formatScorecardText } from "../../report/scorecard-text.js";
import { computeScorecard, writeScorecard } from "../../use-cases/compute-scorecard.js";
import { configDiagnostics, loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

export interface ScorecardOptions {
  git?: string;
  root?: string;
  tagPattern?: string;
  windowDays?: string;
  now?: string;
  format: "text" | "json";
  explain?: boolean;
  write?: boolean;
}

/** `cto-copilot scorecard`: the scorecard use case over a local clone, with the release tags as deployments. */
export async function scorecardCommand(options: ScorecardOptions, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root ?? options.git);
  const gitDir = options.git !== undefined ? await repositoryRoot(io, options.git) : root;
  const now = options.now !== undefined ? parseIsoDateTime(options.now) : io.now();
  if (!now)
    throw new UsageError(`--now ${options.now} is not a time: give ISO 8601 with a zone, e.g. 2025-11-03T00:00:00Z`);
  const context = localContext(io, { root, gitDir, now });
  const loaded = await loadConfig(context.view, workingTree);
  for (const diagnostic of configDiagnostics(loaded).filter((d) => d.severity === "error")) {
    io.stderr.write(
      `warning: ${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message}; using the defaults\n`,
    );
  }
  const configured = loaded.resolved.config;
  const windowDays = options.windowDays !== undefined ? Number(options.windowDays) : configured.dora.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < 1)
    throw new UsageError(`--window-days ${options.windowDays}: expected a whole number of days >= 1`);
  const tagPattern = options.tagPattern ?? configured.dora.tagPattern;
  // Offline, the deployments are the release tags, whatever source the App and the Action use.
  const config = { ...configured, dora: { ...configured.dora, source: "tags" as const, tagPattern, windowDays } };

  const compute = () => computeScorecard(context, config, "HEAD", { explain: options.explain ?? false });
  const run = await compute();
  if (options.format === "json") io.stdout.write(JSON.stringify(run.scorecard) + "\n");
  else {
    const { upToNow, afterNow, notes } = run.deploymentSource;
    const emptyHint =
      upToNow > 0
        ? `${upToNow} matching tags, none in the last ${windowDays} days`
        : afterNow > 0
          ? `${afterNow} matching tags, all after ${now.toISOString()}; move --now later`
          : `no tag matches ${describeTagPattern(tagPattern)}; tag releases (git tag -a v1.2.0) or pass --tag-pattern`;
    io.stdout.write(
      formatScorecardText(run.scorecard, run.dora, colorsFor(io), {
        explain: options.explain ?? false,
        emptyHint,
        warnings: notes,
      }),
    );
  }
  if (options.format === "json") for (const note of run.deploymentSource.notes) io.stderr.write(`warning: ${note}\n`);
  if (options.write) {
    const written = await writeScorecard(context, run, {
      mode: "push",
      branch: "HEAD",
      botBranch: config.scorecard.branch,
      recompute: compute,
    });
    if (written.status === "committed")
      for (const path of written.paths) io.stderr.write(`wrote ${displayPath(io, root, path)}\n`);
  }
  return exitCodes.ok;
}
