import { workingTree } from "../../ports/repository-view.js";
import { parseIsoDateTime } from "../../schemas/iso-time.js";
import { runScorecard } from "../../use-cases/run-scorecard.js";
import type { Config } from "../../schemas/config.js";
import { configDiagnostics, loadConfig } from "../../use-cases/load-config.js";
import { exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { repositoryRoot } from "../repository-root.js";
import { reportWritten, writeScorecardText } from "../scorecard-report.js";

export interface ScorecardOptions {
  git?: string;
  root?: string;
  tagPattern?: string;
  windowDays?: string;
  now?: string;
  format: "text" | "json";
  explain?: boolean;
  write?: boolean;
  demo?: boolean;
  service?: string;
}

/** The service `--service` names, checked against dora.services. */
function serviceNamed(services: Config["dora"]["services"], name: string | undefined) {
  if (name === undefined) return undefined;
  const service = services.find((candidate) => candidate.name === name);
  if (!service)
    throw new UsageError(
      services.length === 0
        ? `--service ${name}: the config lists no dora.services (cto-copilot init --discover proposes them for a monorepo)`
        : `--service ${name}: not in dora.services (${services.map((candidate) => candidate.name).join(", ")})`,
    );
  return service;
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
  const service = serviceNamed(configured.dora.services, options.service);
  const tagPattern = options.tagPattern ?? service?.tagPattern ?? configured.dora.tagPattern;
  // Offline, the deployments are the release tags, whatever source the App and the Action use.
  // One service's scorecard is the repository's with its tags and paths, and no table of services.
  const config = {
    ...configured,
    dora: {
      ...configured.dora,
      source: "tags" as const,
      tagPattern,
      windowDays,
      ...(service ? { services: [] } : {}),
    },
  };

  // Locally the scorecard is written to the working tree, and only when asked.
  const commit = options.write ? ("push" as const) : ("none" as const);
  const runConfig = { ...config, scorecard: { ...config.scorecard, commit } };
  const runOptions = {
    branch: "HEAD",
    explain: options.explain ?? false,
    ...(service ? { paths: service.paths } : {}),
  };
  if (options.format === "json") {
    // A machine reads it: no sync read is written, and the text report's modules stay unloaded.
    const { run, written } = await runScorecard(context, runConfig, { ...runOptions, syncRead: false });
    io.stdout.write(JSON.stringify(run.scorecard) + "\n");
    for (const note of run.deploymentSource.notes) io.stderr.write(`warning: ${note}\n`);
    reportWritten(io, root, written);
  } else {
    const outcome = await runScorecard(context, runConfig, runOptions);
    await writeScorecardText(io, outcome, { tagPattern, windowDays, now, explain: options.explain ?? false });
    reportWritten(io, root, outcome.written);
  }
  return exitCodes.ok;
}
