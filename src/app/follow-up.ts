import type { Context } from "probot";
import { hasFollowUpMarker, isOurFollowUp } from "../follow-up/markers.js";
import { followUpForPush } from "../follow-up/push-rule.js";
import { syncFollowUp } from "../use-cases/sync-follow-up.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./use-case-context.js";

type Repository = { full_name: string; default_branch: string; html_url: string };

/** One follow-up sync of a repository at a time: two events in a row never race into duplicate issues. */
async function runSync(context: Context, queue: KeyedQueue, repository: Repository, changedPaths?: readonly string[]) {
  try {
    await queue.run(`${repository.full_name}:follow-up`, async () => {
      const outcome = await syncFollowUp(useCaseContext(context), {
        branch: repository.default_branch,
        repositoryUrl: repository.html_url,
        ...(changedPaths ? { changedPaths } : {}),
      });
      if (outcome.status === "skipped") context.log.debug(`follow-up of ${repository.full_name}: ${outcome.reason}`);
      else {
        const { plan } = outcome;
        context.log.info(
          `follow-up of ${repository.full_name}: ${plan.creates.length} created, ${plan.updates.length} edited, ${plan.closes.length} closed, ${plan.reopens.length} reopened, ${plan.drift.length} closed by hand${outcome.backSync ? ` (pull request #${outcome.backSync.number})` : ""}, ${plan.deferred} left for later`,
        );
      }
    });
  } catch (error) {
    context.log.error({ err: error, repository: repository.full_name }, "follow-up sync failed");
  }
}

/** A push to the default branch that changes a post-mortem or an ADR: the follow-up issues follow the files. */
export async function followUpOnPush(
  context: Context<"push">,
  queue: KeyedQueue,
  changedPaths: readonly string[],
): Promise<void> {
  const { ref, repository } = context.payload;
  if (!followUpForPush({ ref, defaultBranch: repository.default_branch, changedPaths }).sync) return;
  await runSync(context, queue, repository, changedPaths);
}

/**
 * An event on one of our follow-up issues (never an incident of its own, though it carries the
 * incident label): closed by a person, the sync ticks its row through a pull request. Whether the
 * event was one (false: the issue is not ours, handle it as any other).
 */
export async function followUpOnIssue(
  context: Context<"issues"> | Context<"issue_comment">,
  queue: KeyedQueue,
): Promise<boolean> {
  const { issue, repository } = context.payload;
  // Only a body that starts with a follow-up marker costs the identity's request.
  if (!hasFollowUpMarker(issue.body) || !issue.user) return false;
  const author = { login: issue.user.login, isBot: issue.user.type === "Bot" };
  if (!isOurFollowUp({ body: issue.body ?? null, author }, await useCaseContext(context).view.identity())) return false;
  // Our own closes come back as events too: only a person's close is news.
  if (context.name === "issues" && context.payload.action === "closed" && context.payload.sender.type !== "Bot")
    await runSync(context, queue, repository);
  return true;
}
