import type { Context } from "probot";
import { debtSyncForPush, pathsOfPush } from "../debt/push-rule.js";
import { syncDebtIssues } from "../use-cases/sync-debt-issues.js";
import { isPlainlySetUp, onboardRepository } from "../use-cases/onboard-repository.js";
import { configPath } from "../config/resolve-config.js";
import type { ConfigCache } from "./config-cache.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./use-case-context.js";
import { followUpOnPush } from "./follow-up.js";
import { lazyOnboardingWindowMs, type InstallationAges } from "./installation-ages.js";
import { retryAfterFailureMs } from "./on-installation.js";
import type { OnboardingLedger } from "./onboarding-ledger.js";

/**
 * A push to the default branch that changes the debt file (where `dataDir` puts it) keeps the debt issues in step (when
 * `debt.issues` is on); one that changes the config file drops the cached config.
 */
export async function onPush(
  context: Context<"push">,
  queue: KeyedQueue,
  configs: ConfigCache,
  ledger: OnboardingLedger,
  installations: InstallationAges,
): Promise<void> {
  const { ref, repository } = context.payload;
  const toDefaultBranch = ref === `refs/heads/${repository.default_branch}`;
  const changedPaths = pathsOfPush(context.payload.commits);
  // A push to the default branch that changes the config file drops the cached config.
  if (toDefaultBranch && changedPaths.includes(configPath)) {
    configs.forget(repository.full_name);
    // A config that opted out, or had errors, may say otherwise now.
    ledger.forget(repository.full_name);
  }
  if (toDefaultBranch && repository.name !== ".github" && !ledger.has(repository.full_name) && !context.payload.deleted)
    onboardLater(context, queue, ledger, installations);
  await followUpOnPush(context, queue, changedPaths);
  // Nothing read, no request spent, for a push that cannot have changed the debt file.
  if (!debtSyncForPush({ ref, defaultBranch: repository.default_branch, changedPaths }).sync) return;
  try {
    // One sync per repository at a time: two pushes in a row never race into duplicate issues.
    await queue.run(`${repository.full_name}:debt`, async () => {
      const outcome = await syncDebtIssues(useCaseContext(context), {
        branch: repository.default_branch,
        repositoryUrl: repository.html_url,
        changedPaths,
      });
      if (outcome.status === "skipped") context.log.debug(`debt issues of ${repository.full_name}: ${outcome.reason}`);
      else {
        const { plan } = outcome;
        context.log.info(
          `debt issues of ${repository.full_name}: ${plan.creates.length} created, ${plan.updates.length} edited, ${plan.closes.length} closed, ${plan.reopens.length} reopened, ${plan.drift.length} closed by hand, ${plan.deferred} left for later`,
        );
      }
    });
  } catch (error) {
    context.log.error({ err: error, repository: repository.full_name }, "debt issue sync failed");
  }
}

/**
 * The lazy half of onboarding: a repository the install event left for later (or a failed try)
 * is looked at on its next push to the default branch, once per App process: one read when it
 * is set up. Runs after the webhook is answered.
 */
function onboardLater(
  context: Context<"push">,
  queue: KeyedQueue,
  ledger: OnboardingLedger,
  installations: InstallationAges,
): void {
  const { repository } = context.payload;
  void queue
    .run(`${repository.full_name}:onboarding`, async () => {
      if (ledger.has(repository.full_name)) return;
      const installation = context.payload.installation?.id;
      const installedAt = installation === undefined ? undefined : await installations.createdAt(installation);
      if (installedAt === undefined || Date.now() - installedAt > lazyOnboardingWindowMs) {
        // Installed long ago (or unknown): this push is not a left-over of an install event.
        ledger.settle(repository.full_name);
        return;
      }
      const useCase = useCaseContext(context);
      if (repository.archived || (await isPlainlySetUp(useCase.view, repository.default_branch))) {
        ledger.settle(repository.full_name);
        return;
      }
      const outcome = await onboardRepository(useCase, { branch: repository.default_branch });
      if (outcome.status !== "skipped" || outcome.final) ledger.settle(repository.full_name);
      if (outcome.status === "skipped") context.log.debug(`onboarding of ${repository.full_name}: ${outcome.reason}`);
      else context.log.info(`onboarding of ${repository.full_name}: ${outcome.status} #${outcome.pullRequest.number}`);
    })
    .catch((error: unknown) => {
      // Not again on every push: a repository GitHub refuses would be rediscovered each time.
      ledger.settle(repository.full_name, retryAfterFailureMs);
      context.log.error(
        { err: error, repository: repository.full_name },
        "onboarding failed; tried again on a push after an hour",
      );
    });
}
