import { commitSubjects, resolveCommit } from "../local/changed-files.js";
import type { CheckPublisher, CommentPublisher } from "../ports/publisher.js";
import type { PullRequestInfo } from "../ports/pull-request.js";
import { workingTree } from "../ports/repository-view.js";
import { drafterFromEnvironment } from "../use-cases/ai-drafter.js";
import { reviewPullRequest, type CheckKey, type PullRequestReview } from "../use-cases/review-pull-request.js";
import type { CliIo } from "./io.js";
import { localContext } from "./local-context.js";

/** A local review is a dry run: there is no check run or comment to write, and nothing here writes one. */
const nothingPublished: CheckPublisher & CommentPublisher = {
  findCheckRun: async () => undefined,
  createCheckRun: () => Promise.reject(new Error("a local review creates no check run")),
  upsertComment: () => Promise.reject(new Error("a local review writes no comment")),
};

/**
 * The working tree as a pull request into `base`: no title, body, labels or author, so no draft is
 * asked of a model; its commits' subjects say what it does.
 */
function workingTreeChange(baseSha: string, subjects: string[]): PullRequestInfo {
  return {
    number: 0,
    headSha: workingTree,
    baseSha,
    title: "",
    commitSubjects: subjects,
    body: "",
    author: "",
    requestedReviewers: [],
    labels: [],
    draft: false,
    repositoryUrl: "",
    fromFork: false,
    authorMayWrite: false,
  };
}

/** The pull-request review of the working tree against `base`, as the App and the Action run it, reading every file (no request to save). */
export async function reviewWorkingTree(
  io: CliIo,
  options: { root: string; base: string; only?: readonly CheckKey[]; infracost?: { text: string; origin: string } },
): Promise<PullRequestReview> {
  const local = localContext(io, { root: options.root });
  // With ai.enabled and ANTHROPIC_API_KEY, a near-threshold ADR answer may be the model's (the diff is the user's own).
  const context = { ...local, publish: nothingPublished, drafterFor: drafterFromEnvironment(io.env, local.log) };
  const baseSha = await resolveCommit(options.root, options.base);
  const change = workingTreeChange(baseSha, await commitSubjects(options.root, baseSha));
  return reviewPullRequest(context, change, {
    dryRun: true,
    reading: { readLimit: Number.POSITIVE_INFINITY, readAdrs: "always" },
    ...(options.only ? { only: options.only } : {}),
    ...(options.infracost ? { infracost: options.infracost } : {}),
  });
}
