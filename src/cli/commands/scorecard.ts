import { promises as fs } from "node:fs";
import { workingTree } from "../../ports/repository-view.js";
import { parseIsoDateTime } from "../../schemas/iso-time.js";
import { runScorecard, type ScorecardRunOutcome } from "../../use-cases/run-scorecard.js";
import type { Config } from "../../schemas/config.js";
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
  demo?: boolean;
  service?: string;
}

/**
 * `--demo`: the scorecard of a small, realistic engineering repository built for the occasion
 * (a year of history, two release lines, a revert, a hotfix, a post-mortem, debt, costs, team),
 * explained, then where to go next. No credentials, no setup.
 */
async function demoScorecard(options: ScorecardOptions, io: CliIo): Promise<number> {
  if (options.root !== undefined || options.git !== undefined || options.write) {
    throw new UsageError("--demo builds its own repository: leave out --root, --git and --write");
  }
  // The demo's repository builder and sample data load only for --demo (one import after the
  // other: Jest's module linker fails on two at once that share a dependency).
  const { buildDemoRepository } = await import("../demo.js");
  const { demoNow } = await import("../../scaffold/demo-repository.js");
  const root = await buildDemoRepository();
  try {
    const code = await scorecardCommand(
      { ...options, demo: false, root, now: options.now ?? demoNow, explain: options.explain ?? true },
      io,
    );
    if (options.format === "text") {
      io.stdout.write(
        [
          "",
          `This was a demo: a sample repository built just now (${root}, removed again).`,
          "On your own repository: `cto-copilot scorecard --explain` in a clone with release tags (v1.2.3), and `cto-copilot init --discover` to start its data files; how to get the command into any repository, Python, Go or Terraform too: docs/install.md.",
          "",
        ].join("\n"),
      );
    }
    return code;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
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
  if (options.demo) return demoScorecard(options, io);
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
    await writeText(io, outcome, { tagPattern, windowDays, now, explain: options.explain ?? false });
    reportWritten(io, root, outcome.written);
  }
  return exitCodes.ok;
}

/** The files a run wrote, one line each on stderr. */
function reportWritten(io: CliIo, root: string, written: ScorecardRunOutcome["written"]): void {
  if (written.status === "committed")
    for (const path of written.paths) io.stderr.write(`wrote ${displayPath(io, root, path)}\n`);
}

/** The text report of a run: the scorecard, explained when asked, with the sync read and each service's figures. */
async function writeText(
  io: CliIo,
  { run, drafted }: ScorecardRunOutcome,
  shown: { tagPattern: string | undefined; windowDays: number; now: Date; explain: boolean },
): Promise<void> {
  // The text report's modules load only for it.
  const { describeTagPattern } = await import("../../dora/tag-pattern.js");
  const { formatScorecardText } = await import("../../report/scorecard-text.js");
  const { servicesText } = await import("../../scorecard/services.js");
  const { upToNow, afterNow, notes } = run.deploymentSource;
  const emptyHint =
    upToNow > 0
      ? `${upToNow} matching tags, none in the last ${shown.windowDays} days`
      : afterNow > 0
        ? `${afterNow} matching tags, all after ${shown.now.toISOString()}; move --now later`
        : `no tag matches ${describeTagPattern(shown.tagPattern)}; tag releases (git tag -a v1.2.0) or pass --tag-pattern`;
  io.stdout.write(
    formatScorecardText(run.scorecard, run.dora, colorsFor(io), {
      explain: shown.explain,
      emptyHint,
      warnings: notes,
      width: io.columns ?? 80,
      syncRead: drafted.read,
    }),
  );
  const perService = servicesText(run.scorecard);
  if (perService.length > 0) io.stdout.write(["", ...perService, ""].join("\n"));
}
