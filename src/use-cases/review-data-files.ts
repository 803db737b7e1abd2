import type { Logger } from "../ports/logger.js";
import type { CheckPublisher } from "../ports/publisher.js";
import type { ChangeRef, ChangeView, ConfigView, FileView } from "../ports/repository-view.js";
import { planDataCheck, type CheckRunPlan } from "../report/check-run.js";
import { dataDirOf } from "../schemas/config.js";
import { loadPullRequest, type PullRequestSnapshot } from "./pull-request.js";
import type { PullRequestCheck } from "./pull-request-check.js";
import { publishCheck } from "./publish-check.js";
import { dataFilesAmong, validateData, type DataValidation } from "./validate-data.js";

/** What was checked: the plan of the check run, and the findings as `cto-copilot validate` reports them. */
interface DataReviewed {
  plan: CheckRunPlan;
  validation: DataValidation;
}

export type DataReviewOutcome =
  | { status: "skipped"; reason: string }
  | ({ status: "unchanged" | "posted"; checkRunId: number } & DataReviewed)
  /** The token may not create check runs (fork PR): the caller reports the plan another way. */
  | ({ status: "read-only" } & DataReviewed)
  /** Asked not to write: the plan is returned for the caller to show. */
  | ({ status: "dry-run" } & DataReviewed);

export interface ReviewOptions {
  /** Compute and return the plan without creating a check run. */
  dryRun?: boolean;
  /** Where the repository config lives (default `.github/cto-copilot.yml`). */
  configPath?: string;
  /** Config and changed files already read for this event (shared with the other use cases). */
  snapshot?: PullRequestSnapshot;
}

export interface DataReviewContext {
  view: ConfigView & ChangeView & FileView;
  publish: CheckPublisher;
  log: Logger;
}

/**
 * Validates the data files a pull request changes, at its head commit, and reports one
 * `CTO Co-Pilot / data` check run per head sha. Redelivery is harmless: an identical
 * completed check is left as it is.
 *
 * 1. Read the config and the changed files (or take them from the event's snapshot).
 * 2. Skip a PR that touches no data file and leaves the config sound.
 * 3. Validate the changed data files at the head (`validateData`, as `cto-copilot validate` does).
 * 4. Plan the check run and publish it, unless an identical one exists.
 */
export async function reviewDataFiles(
  context: DataReviewContext,
  pr: ChangeRef & { number: number },
  options: ReviewOptions = {},
): Promise<DataReviewOutcome> {
  const snapshot = options.snapshot ?? (await loadPullRequest(context.view, pr, options.configPath));
  const { configPath, resolved, changed } = snapshot;
  const { config } = resolved;
  const present = changed.filter((file) => file.status !== "removed").map((file) => file.path);
  const configTouched = present.includes(configPath);
  const configBroken = !resolved.valid || resolved.repositoryFindings.length > 0;
  if (
    (await dataFilesAmong(present, snapshot)).length === 0 &&
    !configTouched &&
    !configBroken &&
    !config.validation.alwaysCheck
  ) {
    return { status: "skipped", reason: `PR #${pr.number} changes no file under ${dataDirOf(config)}/` };
  }

  const validation = await validateData(context.view, pr.headSha, present, snapshot);
  const plan = planDataCheck({
    headSha: pr.headSha,
    diagnostics: validation.diagnostics,
    files: validation.files,
    notes: validation.notes,
  });
  if (!resolved.valid && plan.conclusion === "success") plan.conclusion = "failure";

  const published = await publishCheck(context, plan, options);
  return published.status === "posted" || published.status === "unchanged"
    ? { ...published, plan, validation }
    : { status: published.status, plan, validation };
}

/** The data check of the pull-request review: it answers events that change the head or make the PR reviewable. */
export const dataFilesCheck: PullRequestCheck<"data", DataReviewOutcome> = {
  key: "data",
  events: new Set(["opened", "synchronize", "reopened", "ready_for_review"]),
  run: ({ context, pr, snapshot, dryRun }) => reviewDataFiles(context, pr, { snapshot, dryRun }),
  failure: (outcome) =>
    outcome.status !== "skipped" && outcome.plan.conclusion === "failure" ? "the data files have errors" : undefined,
};
