import { access, mkdir, readdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { z } from "zod";
import { tiersWith } from "../../dora/tiers.js";
import { computeDora, type IncidentEvent } from "../../dora/compute.js";
import { incidentFromPostMortem } from "../../incidents/incident-event.js";
import { formatScorecardText } from "../../report/scorecard-text.js";
import { composeScorecard } from "../../scorecard/compose.js";
import { dependabotConfigPaths, securityPolicyPaths } from "../../scorecard/security-files.js";
import { dataDirOf } from "../../schemas/config.js";
import { infraCostsSchema } from "../../schemas/infra-costs.js";
import { scorecardSchema } from "../../schemas/scorecard.js";
import { teamSchema } from "../../schemas/team.js";
import { techDebtSchema } from "../../schemas/tech-debt.js";
import { techStackSchema } from "../../schemas/tech-stack.js";
import { readCommits, readTagDeployments } from "../git-history.js";
import { git } from "../git.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { loadRepoConfig } from "../load-repo-config.js";
import { readDataJson } from "../read-data-json.js";

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

const exists = (path: string) => access(path).then(() => true, () => false);

async function readIncidents(root: string, dataDir: string): Promise<IncidentEvent[]> {
  const directory = join(root, dataDir, "incidents");
  const names = await readdir(directory).catch(() => [] as string[]);
  const incidents: IncidentEvent[] = [];
  for (const name of names.filter((file) => /^incident_.*\.md$/.test(file)).sort()) {
    const incident = incidentFromPostMortem(name, await readFile(join(directory, name), "utf8"));
    if (incident) incidents.push(incident);
  }
  return incidents;
}

/** Writes through a temporary file and a rename, so a reader never sees half a file. */
async function writeAtomically(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

/** `cto-copilot scorecard`: DORA metrics from a local git repository's release tags, no credentials. */
export async function scorecardCommand(options: ScorecardOptions, io: CliIo): Promise<number> {
  const gitDir = resolve(io.cwd, options.git ?? options.root ?? ".");
  const root = resolve(io.cwd, options.root ?? options.git ?? ".");
  const now = options.now ? new Date(options.now) : io.now();
  if (Number.isNaN(now.getTime())) throw new UsageError(`--now ${options.now}: expected an ISO 8601 time such as 2025-11-03T00:00:00Z`);
  const { config, diagnostics } = await loadRepoConfig(root);
  for (const diagnostic of diagnostics.filter((d) => d.severity === "error")) io.stderr.write(`warning: ${diagnostic.file}:${diagnostic.line}:${diagnostic.column} ${diagnostic.message}; using the defaults\n`);
  const windowDays = options.windowDays !== undefined ? Number(options.windowDays) : config.dora.windowDays;
  if (!Number.isInteger(windowDays) || windowDays < 1) throw new UsageError(`--window-days ${options.windowDays}: expected a whole number of days >= 1`);
  const tagPattern = options.tagPattern ?? config.dora.tagPattern;
  await git(gitDir, ["rev-parse", "--git-dir"]);

  // Only the history the window needs: tags in it, the one before it, stopping at the one before that.
  const deployments = (await readTagDeployments(gitDir, tagPattern)).filter((deployment) => deployment.time <= now.getTime()).sort((a, b) => a.time - b.time);
  const windowStart = now.getTime() - windowDays * 86_400_000;
  const firstInWindow = deployments.findIndex((deployment) => deployment.time > windowStart);
  const from = firstInWindow < 0 ? deployments.length : Math.max(0, firstInWindow - 1);
  const needed = deployments.slice(from);
  const stopAt = from > 0 ? [deployments[from - 1]!.sha] : [];
  const commits = await readCommits(gitDir, [...new Set(needed.map((deployment) => deployment.sha))], stopAt);

  const dataDir = dataDirOf(config);
  const warn = (message: string) => io.stderr.write(`warning: ${message}\n`);
  const dora = computeDora({
    source: "tags",
    deployments: needed,
    commits,
    incidents: await readIncidents(root, dataDir),
    now: now.getTime(),
    windowDays,
    hotfixPattern: config.dora.hotfixPattern,
    tiers: tiersWith(config.dora.tiers),
  });
  const scorecard = composeScorecard({
    now,
    dora,
    explain: options.explain ?? false,
    targets: config.scorecard.targets,
    techStack: await readDataJson(root, `${dataDir}/tech_stack.json`, techStackSchema, warn),
    techDebt: await readDataJson(root, `${dataDir}/tech_debt.json`, techDebtSchema, warn),
    infraCosts: await readDataJson(root, `${dataDir}/infra_costs.json`, infraCostsSchema, warn),
    team: await readDataJson(root, `${dataDir}/team.json`, teamSchema, warn),
    cfoForecast: await readDataJson(root, "data/cfo/latest_forecast.json", z.record(z.string(), z.unknown()), warn),
    security: {
      securityPolicy: (await Promise.all(securityPolicyPaths.map((path) => exists(join(root, path))))).some(Boolean),
      dependabotConfig: (await Promise.all(dependabotConfigPaths.map((path) => exists(join(root, path))))).some(Boolean),
    },
  });
  // What we write must pass our own validation.
  scorecardSchema.parse(scorecard);
  const text = JSON.stringify(scorecard, null, 2) + "\n";

  if (options.format === "json") io.stdout.write(JSON.stringify(scorecard) + "\n");
  else {
    const hint = deployments.length === 0 ? `no tag matches "${tagPattern}"; tag releases (git tag -a v1.2.0) or pass --tag-pattern` : `${deployments.length} matching tags, none in the last ${windowDays} days`;
    io.stdout.write(formatScorecardText(scorecard, dora, colorsFor(io), options.explain ?? false, hint));
  }

  if (options.write) {
    const day = scorecard.generatedAt.slice(0, 10);
    for (const path of [`${dataDir}/engineering_scorecard.json`, `${dataDir}/scorecards/scorecard_${day}.json`]) {
      await writeAtomically(join(root, path), text);
      io.stderr.write(`wrote ${path}\n`);
    }
  }
  return exitCodes.ok;
}
