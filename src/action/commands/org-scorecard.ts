import { mkdir, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import * as core from "@actions/core";
import { githubOrgView } from "../../github/org-view.js";
import { parseOrgPlan, parseShard } from "../../org/plan-shards.js";
import { scoreShard } from "../../use-cases/score-organization.js";
import { coreLogger, info, type ActionRun } from "../context.js";
import { workflowRepository } from "../workflow-event.js";
import { orgFilters, windowDays } from "./org-inputs.js";

/** `org-scorecard`: scores one shard of the organisation and writes it to `output` for actions/upload-artifact. */
export async function orgScorecard(action: ActionRun): Promise<void> {
  const { now } = action;
  const organization = core.getInput("organization") || workflowRepository().owner;
  const shard = parseShard(core.getInput("shard") || "1/1");
  const output = core.getInput("output") || `org-scorecard-shard-${shard.index}-of-${shard.count}.json`;
  const planText = core.getInput("plan");
  const plan = planText ? parseOrgPlan(planText) : undefined;
  const { org, stats } = githubOrgView(await action.client());
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
