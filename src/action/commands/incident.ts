import * as core from "@actions/core";
import { context } from "@actions/github";
import { labelNames } from "../../github/labels.js";
import { escapeInline } from "../../markdown/escape.js";
import { trackIncident } from "../../use-cases/track-incident.js";
import { info, type ActionContext } from "../context.js";

interface IssuePayload {
  issue?: { number?: number; labels?: ({ name?: string } | string)[]; pull_request?: unknown };
  comment?: { user?: { type?: string } };
  repository?: { default_branch?: string };
}

/**
 * The event's issue, and whether it may be an incident: an unlabelled issue never is, and a bot's
 * comment is never a command; neither costs a request.
 */
export function issueOfEvent(): { number: number; mayBeIncident: boolean; labels: string[] } | undefined {
  const payload = context.payload as IssuePayload;
  if (!payload.issue?.number) return undefined;
  const labels = labelNames(payload.issue.labels);
  return {
    number: payload.issue.number,
    // A comment on a pull request, a bot's comment, an issue without labels: never an incident's business.
    mayBeIncident: !payload.issue.pull_request && labels.length > 0 && payload.comment?.user?.type !== "Bot",
    labels,
  };
}

/** `incident`: the live comment of an issue labelled as an incident and, once closed, its post-mortem pull request. */
export async function incident(
  useCase: ActionContext,
  issueNumber: number,
  labels: readonly string[],
  dryRun: boolean,
): Promise<void> {
  const payload = context.payload as IssuePayload;
  const outcome = await trackIncident(useCase, {
    issueNumber,
    labels,
    defaultBranch: payload.repository?.default_branch ?? "main",
    configPath: core.getInput("config-path") || undefined,
    dryRun,
  });
  if (outcome.status === "skipped") {
    info(`Incident: ${outcome.reason}; nothing to do.`);
    return;
  }
  const { incident: record } = outcome;
  core.setOutput("incident-status", record.outcome === "not-planned" ? "not-planned" : record.status);
  if (record.durationMinutes !== undefined) core.setOutput("incident-duration-minutes", record.durationMinutes);
  if (outcome.status === "tracked" && outcome.postMortem?.pullRequest)
    core.setOutput("post-mortem-pull-request", outcome.postMortem.pullRequest.number);
  info(
    `Incident #${record.number}: ${record.outcome === "not-planned" ? "closed as not planned" : record.status}, ${record.timeline.length} timeline entries${
      outcome.status === "tracked"
        ? `; comment ${outcome.comment}${outcome.postMortem ? `; post-mortem ${outcome.postMortem.path} ${outcome.postMortem.action}` : ""}`
        : " (dry run: nothing written)"
    }.`,
  );
  await core.summary
    .addHeading(`Incident #${record.number}: ${escapeInline(record.title)}`, 3)
    .addRaw(
      outcome.status === "planned" ? outcome.comment : `Status: ${record.status}. Comment ${outcome.comment}.`,
      true,
    )
    .write();
}
