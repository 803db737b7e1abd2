import type { PullRequestInfo } from "../ports/pull-request.js";
import { readingOnce } from "./cached-view.js";
import type { CheckInput, CommentSection, PullRequestCheck, ReviewContext } from "./pull-request-check.js";
import { loadPullRequest, type PullRequestSnapshot } from "./pull-request.js";
import { adrCheck } from "./review-adr.js";
import { costCheck } from "./review-cost.js";
import { dataFilesCheck } from "./review-data-files.js";
import { fitCheck } from "./review-fit.js";

/**
 * Every check of the pull-request review, in the order they run. A new check is one module and
 * one line here. The cost and the fit come before the ADR suggestion: their sections go into its comment.
 */
const pullRequestChecks = [dataFilesCheck, costCheck, fitCheck, adrCheck] as const;

type AnyCheck = (typeof pullRequestChecks)[number];
export type CheckKey = AnyCheck["key"];

/** Each check's outcome under its key; a check not asked for, or not answering this event, is absent. */
type CheckOutcomes = {
  [Check in AnyCheck as Check["key"]]?: Check extends PullRequestCheck<string, infer Outcome> ? Outcome : never;
};

export interface PullRequestReview {
  /** The one read of config and changed files every check used. */
  snapshot: PullRequestSnapshot;
  outcomes: CheckOutcomes;
  /** Why the review fails, one reason per failing check; empty when it passes. */
  failures: string[];
}

export interface ReviewOptions {
  /** The checks to run (the Action's `command` input); all by default. */
  only?: readonly CheckKey[];
  /** The pull_request action; a check that does not answer it is not run. */
  event?: string;
  dryRun?: boolean;
  /** Where the repository config lives (default `.github/cto-copilot.yml`). */
  configPath?: string;
  reading?: CheckInput["reading"];
  infracost?: CheckInput["infracost"];
}

/**
 * The pull-request review, the same from the App, the Action and `cto-copilot review`:
 *
 * 1. Read the config at the head and the changed files, once.
 * 2. Run each check that is asked for and answers the event, in order, over that one read.
 * 3. Collect what fails the review, for the door to report (a failed step, an exit code).
 */
export async function reviewPullRequest(
  context: ReviewContext,
  pr: PullRequestInfo,
  options: ReviewOptions = {},
): Promise<PullRequestReview> {
  const snapshot = await loadPullRequest(context.view, pr, options.configPath);
  // The checks read the same infrastructure files: each file once per review.
  const shared = { ...context, view: readingOnce(context.view) };
  const sections: CommentSection[] = [];
  const input: CheckInput = {
    context: shared,
    pr,
    snapshot,
    dryRun: options.dryRun === true,
    sections,
    ...(options.event ? { event: options.event } : {}),
    ...(options.reading ? { reading: options.reading } : {}),
    ...(options.infracost ? { infracost: options.infracost } : {}),
  };
  const outcomes: Record<string, unknown> = {};
  const failures: string[] = [];
  for (const check of pullRequestChecks as readonly PullRequestCheck<CheckKey, unknown>[]) {
    if (!runsOn(check, options)) continue;
    const outcome = await check.run(input);
    outcomes[check.key] = outcome;
    const failure = check.failure(outcome);
    if (failure) failures.push(failure);
    const section = check.section?.(outcome);
    if (section) sections.push(section);
  }
  return { snapshot, outcomes: outcomes as CheckOutcomes, failures };
}

function runsOn(check: PullRequestCheck<CheckKey, unknown>, options: ReviewOptions): boolean {
  if (options.only && !options.only.includes(check.key)) return false;
  return !check.events || options.event === undefined || check.events.has(options.event);
}
