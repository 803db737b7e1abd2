import type { DrafterFactory } from "./ai-drafter.js";
import type { Logger } from "../ports/logger.js";
import type { CheckPublisher, CommentPublisher } from "../ports/publisher.js";
import type { PullRequestInfo } from "../ports/pull-request.js";
import type { ChangeView, CommentView, ConfigView, FileView } from "../ports/repository-view.js";
import type { AdrAssessmentInput } from "./assess-adr.js";
import type { PullRequestSnapshot } from "./pull-request.js";

/** The ports every check of the pull-request review may use. */
export interface ReviewContext {
  view: ConfigView & ChangeView & FileView & CommentView;
  publish: CheckPublisher & CommentPublisher;
  log: Logger;
  now: () => Date;
  /** AI drafting, when the door offers it (the config still decides). */
  drafterFor?: DrafterFactory;
}

/** One check's input: the pull request and the one read of config and changed files that every check shares. */
export interface CheckInput {
  context: ReviewContext;
  pr: PullRequestInfo;
  snapshot: PullRequestSnapshot;
  /** The pull_request action (`opened`, `labeled`, ...); undefined outside a webhook (the CLI). */
  event?: string;
  /** Decide everything and write nothing. */
  dryRun: boolean;
  /** How far to read: the CLI reads every file (no request to save). */
  reading?: Pick<AdrAssessmentInput, "readLimit" | "readAdrs">;
}

/**
 * A check of the pull-request review: the data files, the ADR suggestion, and the checks to come.
 * Each is one module exporting one of these; `review-pull-request.ts` lists them.
 */
export interface PullRequestCheck<Key extends string, Outcome> {
  /** Its key in the review (`review --format json` prints one per check) and the name doors select it by. */
  key: Key;
  /** The pull_request actions it answers; every one when absent, and always outside a webhook. */
  events?: ReadonlySet<string>;
  run(input: CheckInput): Promise<Outcome>;
  /** Why this outcome fails the review (a failed Action step, exit code 1), or undefined when it passes. */
  failure(outcome: Outcome): string | undefined;
}
