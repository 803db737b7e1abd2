import type { DrafterFactory } from "./ai-drafter.js";
import type { SelfHostedOption } from "../adr/render-draft.js";
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
  /** Infracost's JSON given by the door (the Action's `infracost-json`, the CLI's `--infracost`), and where it came from. */
  infracost?: { text: string; origin: string };
  /** What the checks before this one add to the pull request's one comment, in order. */
  sections: readonly CommentSection[];
}

/** A check's part of the pull request's one comment (the ADR comment): the cost, the stage fit. */
export interface CommentSection {
  key: string;
  markdown: string;
  /** Worth a comment of its own: creates the comment when nothing else would. */
  notable: boolean;
  /** Managed alternatives of what the change runs itself, for the ADR draft's Options table (build vs buy). */
  buyOptions?: readonly SelfHostedOption[];
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
  /** Its part of the pull request's one comment, when it has something to show there. */
  section?(outcome: Outcome): CommentSection | undefined;
}
