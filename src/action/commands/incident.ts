import * as core from "@actions/core";
import { labelNames } from "../../github/labels.js";
import { escapeInline } from "../../markdown/escape.js";
import { trackIncident } from "../../use-cases/track-incident.js";
import { hasFollowUpMarker, isOurFollowUp } from "../../follow-up/markers.js";
import { eventPayload, info, type ActionRun } from "../context.js";
import { followUp } from "./follow-up.js";

/**
 * The event's issue, and whether it may be an incident: an unlabelled issue never is, and a bot's
 * comment is never a command; neither costs a request.
 */
function issueOfEvent(): { number: number; mayBeIncident: boolean; labels: string[] } | undefined {
  const comment = eventPayload("issue_comment");
  const issue = (comment ?? eventPayload("issues"))?.issue;
  if (!issue?.number) return undefined;
  const labels = labelNames(issue.labels);
  return {
    number: issue.number,
    // A comment on a pull request, a bot's comment, an issue without labels: never an incident's business.
    mayBeIncident: !issue.pull_request && labels.length > 0 && comment?.comment.user.type !== "Bot",
    labels,
  };
}

/** `incident`: the live comment of an issue labelled as an incident and, once closed, its post-mortem pull request. */
export async function incident(action: ActionRun): Promise<void> {
  const issue = issueOfEvent();
  if (!issue)
    throw new Error(`command incident needs an issues or issue_comment event on an issue, not ${action.eventName}`);
  // An action item or an ADR review of ours carries the incident label but is followed up, not tracked.
  if (await followUpIssueOfEvent(action)) return;
  if (!issue.mayBeIncident)
    return info(`Issue #${issue.number}: a pull request, a bot's comment or no labels; nothing to do for incidents.`);
  const outcome = await trackIncident(await action.useCase(), {
    issueNumber: issue.number,
    labels: issue.labels,
    defaultBranch: action.defaultBranch,
    configPath: action.configPath,
    dryRun: action.dryRun,
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

/** Whether the event's issue is one of our follow-up issues; closed by a person, the follow-up sync ticks its row. */
async function followUpIssueOfEvent(action: ActionRun): Promise<boolean> {
  const event = eventPayload("issues");
  const issue = (event ?? eventPayload("issue_comment"))?.issue;
  // Only a body that starts with a follow-up marker costs the identity's request.
  if (!issue || !hasFollowUpMarker(issue.body)) return false;
  const author = { login: issue.user.login, isBot: issue.user.type === "Bot" };
  if (!isOurFollowUp({ body: issue.body ?? null, author }, await (await action.useCase()).view.identity()))
    return false;
  if (event?.action === "closed" && event.sender.type !== "Bot") await followUp(action);
  else info(`Issue #${issue.number} is a follow-up issue of CTO Co-Pilot, not an incident: nothing to do.`);
  return true;
}
