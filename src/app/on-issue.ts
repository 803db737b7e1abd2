import type { Context } from "probot";
import { labelNames } from "../github/labels.js";
import { isIncident } from "../incidents/build-incident.js";
import { loadConfig } from "../use-cases/load-config.js";
import { trackIncident } from "../use-cases/track-incident.js";
import type { ConfigCache } from "./config-cache.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./use-case-context.js";
import { followUpOnIssue } from "./follow-up.js";

type IssueContext = Context<"issues"> | Context<"issue_comment">;

/**
 * `issues` and `issue_comment` -> the incident's live comment and, on close, its post-mortem pull
 * request. Any other issue costs no request: an unlabelled one is dropped at once, a labelled one
 * is judged with the repository's cached config.
 */
export async function onIssueEvent(context: IssueContext, queue: KeyedQueue, configs: ConfigCache): Promise<void> {
  const { issue, repository } = context.payload;
  if ("pull_request" in issue && issue.pull_request) return; // a comment on a pull request
  // The bot's own comment (and other apps'): never a command, and answering it would echo.
  if ("comment" in context.payload && context.payload.comment.user?.type === "Bot") return;
  const labels = labelNames(issue.labels);
  if (labels.length === 0) return;
  // An action item or an ADR review of ours is followed up, not tracked as an incident.
  if (await followUpOnIssue(context, queue)) return;
  try {
    const useCase = useCaseContext(context);
    const branch = repository.default_branch;
    const config = await configs.get(
      repository.full_name,
      async () => (await loadConfig(useCase.view, branch)).resolved.config,
    );
    if (!isIncident(labels, config.incidents.label)) return;
    // One at a time per issue: a label and a comment arriving together never race into two comments.
    await queue.run(`${repository.full_name}:incident:${issue.number}`, async () => {
      const outcome = await trackIncident(useCase, {
        issueNumber: issue.number,
        defaultBranch: branch,
        config,
        labels,
      });
      if (outcome.status === "skipped") context.log.debug(outcome.reason);
      else if (outcome.status === "tracked")
        context.log.info(
          `incident ${repository.full_name}#${issue.number}: ${outcome.incident.status}, comment ${outcome.comment}${outcome.postMortem ? `, post-mortem ${outcome.postMortem.path} ${outcome.postMortem.action}` : ""}`,
        );
    });
  } catch (error) {
    context.log.error(
      { err: error, repository: repository.full_name, issue: issue.number },
      "incident tracking failed",
    );
  }
}
