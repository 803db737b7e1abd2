import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import * as core from "@actions/core";
import { context } from "@actions/github";
import type { GitHubClient } from "../../github/client.js";
import { githubGateway } from "../../github/gateway.js";
import { githubOrgView } from "../../github/org-view.js";
import { mergeShards, parseShardResult, type ShardResult } from "../../org/merge-shards.js";
import { parseOrgPlan, parseShard, type OrgFilters } from "../../org/plan-shards.js";
import { renderOrgSummary } from "../../org/render-summary.js";
import { orgScorecardSchema } from "../../schemas/org-scorecard.js";
import { publishOrgScorecard } from "../../use-cases/publish-org-scorecard.js";
import { planOrganization, scoreShard } from "../../use-cases/score-organization.js";
import { coreLogger, info } from "../context.js";

/** A list input: comma- or newline-separated, blanks dropped. */
const listInput = (name: string) =>
  core
    .getInput(name)
    .split(/[,\n]/)
    .map((item) => item.trim())
    .filter(Boolean);

function orgFilters(): OrgFilters {
  const filters: OrgFilters = {};
  const topics = listInput("topics");
  const include = listInput("include");
  const exclude = listInput("exclude");
  const repositories = listInput("repositories");
  if (topics.length > 0) filters.topics = topics;
  if (include.length > 0) filters.include = include;
  if (exclude.length > 0) filters.exclude = exclude;
  if (repositories.length > 0) filters.repositories = repositories;
  return filters;
}

function windowDays(): number {
  const text = core.getInput("window-days") || "90";
  const days = Number(text);
  if (!Number.isInteger(days) || days < 1 || days > 3650)
    throw new Error(`input window-days must be a whole number of days from 1 to 3650, not "${text}"`);
  return days;
}

/**
 * `org-plan`: lists the organisation and selects the repositories once, for every shard: output
 * `plan` (JSON, passed to each shard's `plan` input), so shards list nothing and a shard rerun
 * later scores the same repositories over the same window.
 */
export async function orgPlan(client: GitHubClient, now: Date | undefined): Promise<void> {
  const organization = core.getInput("organization") || context.repo.owner;
  const { org } = githubOrgView(client);
  const plan = await planOrganization(
    { org, log: coreLogger(), now: () => now ?? new Date() },
    { organization, filters: orgFilters() },
  );
  core.setOutput("plan", JSON.stringify(plan));
  core.setOutput("planned-repositories", plan.selected.length);
  info(
    `${organization}: ${plan.selected.length} repositories to score, ${plan.skipped.length} left out; window to ${plan.asOf.slice(0, 10)}.`,
  );
  const reasons = new Map<string, number>();
  for (const { reason } of plan.skipped) reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
  await core.summary
    .addRaw(
      `## Organisation scorecard plan\n\n${plan.selected.length} repositories of \`${organization}\` to score; left out: ${[...reasons].map(([reason, n]) => `${n} (${reason})`).join(", ") || "none"}.\n`,
      true,
    )
    .write();
}

/** `org-scorecard`: scores one shard of the organisation and writes it to `output` for actions/upload-artifact. */
export async function orgScorecard(client: GitHubClient, now: Date | undefined): Promise<void> {
  const organization = core.getInput("organization") || context.repo.owner;
  const shard = parseShard(core.getInput("shard") || "1/1");
  const output = core.getInput("output") || `org-scorecard-shard-${shard.index}-of-${shard.count}.json`;
  const planText = core.getInput("plan");
  const plan = planText ? parseOrgPlan(planText) : undefined;
  const { org, stats } = githubOrgView(client);
  const started = Date.now();
  const result = await scoreShard(
    { org, log: coreLogger(), now: () => new Date() },
    {
      organization: plan?.organization ?? organization,
      shard,
      filters: orgFilters(),
      windowDays: windowDays(),
      ...(now ? { asOf: now } : {}),
      ...(plan ? { plan } : {}),
    },
  );
  await mkdir(dirname(output), { recursive: true });
  await writeFile(output, JSON.stringify(result, null, 2) + "\n");
  const scored = result.repositories.filter((repo) => repo.outcome === "scored").length;
  const unreadable = result.repositories.length - scored;
  const seconds = Math.round((Date.now() - started) / 100) / 10;
  core.setOutput("shard-file", output);
  core.setOutput("scored", scored);
  core.setOutput("unreadable", unreadable);
  core.setOutput("graphql-requests", stats.requests);
  info(
    `Shard ${shard.index}/${shard.count} of ${organization}: ${scored} scored, ${unreadable} unreadable, in ${stats.requests} GraphQL requests (${stats.queries} queries merged; about ${stats.points} points) and ${seconds} s; written to ${output}.`,
  );
  await core.summary
    .addRaw(
      `## Organisation scorecard, shard ${shard.index}/${shard.count}\n\n${scored} repositories of \`${organization}\` scored, ${unreadable} unreadable; ${stats.requests} GraphQL requests for ${stats.queries} queries (about ${stats.points} points), ${seconds} s.\n`,
      true,
    )
    .write();
}

/** Every `.json` file under a directory (actions/download-artifact's layout), or the file itself. */
async function shardFiles(path: string): Promise<string[]> {
  const entries = await readdir(path, { recursive: true, withFileTypes: true }).catch(
    (error: NodeJS.ErrnoException) => {
      if (error.code === "ENOTDIR") return undefined;
      if (error.code === "ENOENT")
        throw new Error(`shards-path ${path} does not exist: download the shard artifacts there first`);
      throw error;
    },
  );
  if (!entries) return [path];
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith(".json"))
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

/** `org-merge`: merges the shard files, writes the job summary, and commits the organisation scorecard. */
export async function orgMerge(client: GitHubClient, dryRun: boolean): Promise<void> {
  const path = core.getInput("shards-path") || "org-scorecard-shards";
  const files = await shardFiles(path);
  if (files.length === 0) throw new Error(`no shard files (*.json) under ${path}`);
  const results: ShardResult[] = [];
  for (const file of files) results.push(parseShardResult(file, await readFile(file, "utf8")));
  const scorecard = orgScorecardSchema.parse(mergeShards(results));
  const target = core.getInput("target-repository") || `${scorecard.organization}/.github`;
  const slash = target.indexOf("/");
  if (slash < 1) throw new Error(`input target-repository must be owner/name, not "${target}"`);
  const repo = { owner: target.slice(0, slash), repo: target.slice(slash + 1) };
  const mode = (core.getInput("commit") || "pull-request") as "push" | "pull-request" | "none";
  if (!["push", "pull-request", "none"].includes(mode))
    throw new Error(`input commit must be push, pull-request or none, not "${mode}"`);
  const gateway = githubGateway(client, repo);
  const { data } = await client.request("GET /repos/{owner}/{repo}", repo);
  const published = await publishOrgScorecard({ ...gateway, log: coreLogger() }, scorecard, {
    branch: data.default_branch,
    path: core.getInput("scorecard-path") || "org-scorecard/org_scorecard.json",
    mode: dryRun ? "none" : mode,
    botBranch: "cto-copilot/org-scorecard",
  });
  await core.summary.addRaw(renderOrgSummary(scorecard, published.previous), true).write();
  core.setOutput("scored", scorecard.totals.scored);
  core.setOutput("unreadable", scorecard.totals.unreadable);
  const { written } = published;
  if (written.status === "committed") {
    core.setOutput("scorecard-commit", written.sha ?? "");
    info(`Organisation scorecard committed to ${target}@${written.branch} as ${(written.sha ?? "").slice(0, 7)}.`);
    if (written.pullRequest) {
      core.setOutput("scorecard-pull-request", written.pullRequest.number);
      info(
        `${written.pullRequest.created ? "Opened" : "Updated"} pull request #${written.pullRequest.number}: ${written.pullRequest.url}`,
      );
    }
  } else info(`Organisation scorecard not written: ${dryRun ? "dry run" : written.reason}.`);
}
