import { githubOrgView } from "../../github/org-view.js";
import { standaloneClient } from "../../github/standalone-client.js";
import { writeAtomically } from "../../local/write-atomically.js";
import { mergeShards } from "../../org/merge-shards.js";
import type { OrgFilters } from "../../org/plan-shards.js";
import { renderOrgSummary } from "../../org/render-summary.js";
import { parseIsoDateTime } from "../../schemas/iso-time.js";
import { orgScorecardSchema } from "../../schemas/org-scorecard.js";
import { scoreShard } from "../../use-cases/score-organization.js";
import { exitCodes, UsageError, type CliIo } from "../io.js";

export interface OrgScorecardOptions {
  org?: string;
  topics?: string;
  include?: string;
  exclude?: string;
  repositories?: string;
  windowDays?: string;
  now?: string;
  output?: string;
  format: "text" | "json";
}

const list = (text: string | undefined) =>
  (text ?? "")
    .split(",")
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * `cto-copilot org-scorecard --org NAME`: the organisation scorecard on one machine (the same
 * planner, batched reads and merge as the Action's matrix, in one shard), for small organisations.
 */
export async function orgScorecardCommand(options: OrgScorecardOptions, io: CliIo): Promise<number> {
  if (!options.org || options.org.includes("/"))
    throw new UsageError("org-scorecard needs --org NAME, the organisation's login (e.g. --org acme)");
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "org-scorecard needs a token in GITHUB_TOKEN that can list and read the organisation's repositories (contents, deployments, issues: read)",
    );
  const windowDays = Number(options.windowDays ?? "90");
  if (!Number.isInteger(windowDays) || windowDays < 1 || windowDays > 3650)
    throw new UsageError(`--window-days must be a whole number of days from 1 to 3650, not "${options.windowDays}"`);
  const now = options.now ? parseIsoDateTime(options.now) : io.now();
  if (!now)
    throw new UsageError(
      `--now must be an ISO 8601 time with a zone (e.g. 2025-11-03T00:00:00Z), not "${options.now}"`,
    );
  const filters: OrgFilters = {};
  for (const key of ["topics", "include", "exclude", "repositories"] as const) {
    const values = list(options[key]);
    if (values.length > 0) filters[key] = values;
  }
  const warn = (message: string) => io.stderr.write(`warning: ${message}\n`);
  const client = standaloneClient({ token, apiUrl: io.env.GITHUB_API_URL, warn });
  const { org, stats } = githubOrgView(client);
  const result = await scoreShard(
    {
      org,
      log: { debug() {}, info: (message) => io.stderr.write(`${message}\n`), warn, error: warn },
      now: () => io.now(),
    },
    { organization: options.org, shard: { index: 1, count: 1 }, filters, windowDays, asOf: now },
  );
  const scorecard = orgScorecardSchema.parse(mergeShards([result]));
  const json = JSON.stringify(scorecard, null, 2) + "\n";
  if (options.output) await writeAtomically(options.output, json);
  io.stderr.write(
    `${stats.requests} GraphQL requests for ${stats.queries} queries (about ${stats.points} points)${options.output ? `; wrote ${options.output}` : ""}\n`,
  );
  io.stdout.write(options.format === "json" ? json : renderOrgSummary(scorecard));
  return exitCodes.ok;
}
