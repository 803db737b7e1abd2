import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { readRepositoryBasics } from "../github/read-repository.js";
import { onboardRepository } from "../use-cases/onboard-repository.js";
import type { KeyedQueue } from "./keyed-queue.js";
import { useCaseContext } from "./use-case-context.js";
import type { OnboardingLedger } from "./onboarding-ledger.js";

/**
 * Repositories onboarded per installation event at most. Installing on hundreds of repositories
 * at once must neither hold the webhook nor spend the installation's hourly budget (each
 * onboarding is about 15 requests and one pull request, and GitHub limits content creation):
 * the rest are onboarded on their next push.
 */
export const onboardingsPerEvent = 10;

/** After a failed onboarding, pushes wait this long before the next try. */
export const retryAfterFailureMs = 60 * 60_000;

type InstallationContext = Context<"installation.created"> | Context<"installation_repositories.added">;

/**
 * `installation.created` and `installation_repositories.added`: the first repositories named
 * get their onboarding pull request. The webhook is answered at once; the work runs after it,
 * one repository after another.
 */
export function onInstallation(context: InstallationContext, queue: KeyedQueue, ledger: OnboardingLedger): void {
  const { payload } = context;
  const repositories = "repositories_added" in payload ? payload.repositories_added : (payload.repositories ?? []);
  // A reinstall asks again after a closed pull request: the install time tells a new install from a redelivery.
  const stamp = "repositories_added" in payload ? payload.installation.updated_at : payload.installation.created_at;
  const installedAt = typeof stamp === "number" ? stamp * 1000 : stamp ? Date.parse(stamp) : undefined;
  const chosen = repositories.slice(0, onboardingsPerEvent);
  if (repositories.length > chosen.length)
    context.log.info(
      `${repositories.length - chosen.length} more repositories will be onboarded on their next push to the default branch`,
    );
  for (const { full_name: fullName } of chosen) {
    const [owner, repo] = fullName.split("/") as [string, string];
    void queue
      .run(`${fullName}:onboarding`, async () => {
        // The organisation's `.github` repository holds its defaults, not a product to onboard.
        if (repo === ".github") return;
        const client = context.octokit as unknown as GitHubClient;
        const basics = await readRepositoryBasics(client, { owner, repo });
        if (basics.archived || !basics.defaultBranch) {
          context.log.info(`onboarding of ${fullName}: skipped (${basics.archived ? "archived" : "empty"})`);
          // An empty repository is looked at again on the push that creates its default branch.
          if (basics.archived) ledger.settle(fullName);
          return;
        }
        const outcome = await onboardRepository(useCaseContext(context, { owner, repo }), {
          branch: basics.defaultBranch,
          ...(installedAt !== undefined && !Number.isNaN(installedAt) ? { installedAt } : {}),
        });
        if (outcome.status !== "skipped" || outcome.final) ledger.settle(fullName);
        context.log.info(
          `onboarding of ${fullName}: ${outcome.status === "skipped" ? `skipped (${outcome.reason})` : `${outcome.status} #${outcome.pullRequest.number}`}`,
        );
      })
      .catch((error: unknown) => {
        // Not again on every push: a repository GitHub refuses would be rediscovered each time.
        ledger.settle(fullName, retryAfterFailureMs);
        context.log.error(
          { err: error, repository: fullName },
          "onboarding failed; tried again on a push after an hour",
        );
      });
  }
}
