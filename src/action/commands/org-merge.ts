import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import * as core from "@actions/core";
import { githubGateway } from "../../github/gateway.js";
import { mergeShards, parseShardResult, type ShardResult } from "../../org/merge-shards.js";
import { renderOrgSummary } from "../../org/render-summary.js";
import { orgScorecardSchema } from "../../schemas/org-scorecard.js";
import { publishOrgScorecard } from "../../use-cases/publish-org-scorecard.js";
import { coreLogger, info, type ActionRun } from "../context.js";

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
export async function orgMerge(action: ActionRun): Promise<void> {
  const { dryRun } = action;
  const client = await action.client();
  const path = core.getInput("shards-path") || "org-scorecard-shards";
  const files = await shardFiles(path);
  if (files.length === 0) throw new Error(`no shard files (*.json) under ${path}`);
  const results: ShardResult[] = [];
  for (const file of files) results.push(parseShardResult(file, await readFile(file, "utf8")));
  const scorecard = orgScorecardSchema.parse(mergeShards(results, (note) => core.warning(note)));
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
