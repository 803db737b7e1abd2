import { createHash } from "node:crypto";
import { adrCheckName, planAdrCheck } from "../adr/check-plan.js";
import { adrDraftRequest, withAiSections } from "../llm/drafts/adr.js";
import type { TokenUsage } from "../llm/drafter.js";
import type { DrafterFactory } from "./ai-drafter.js";
import type { InfraChange } from "../adr/detect-infra-changes.js";
import { renderResolved, renderSuggestion, type AdrResolution } from "../adr/render-comment.js";
import { renderAdrDraft } from "../adr/render-draft.js";
import type { Logger } from "../ports/logger.js";
import { isReadOnlyRefusal, type CheckPublisher, type CommentPublisher } from "../ports/publisher.js";
import type { PullRequestInfo } from "../ports/pull-request.js";
import type { ChangeView, ConfigView, FileView } from "../ports/repository-view.js";
import type { CheckRunPlan } from "../report/check-run.js";
import { adrDirectoryOf } from "../schemas/config.js";
import { assessAdrNeed } from "./assess-adr.js";
import { loadPullRequest, type PullRequestSnapshot } from "./pull-request.js";
import { publishCheck, type PublishOutcome } from "./publish-check.js";

export interface AdrReviewOutcome {
  status: "skipped-draft" | "not-needed" | "suggested" | "resolved";
  changes: InfraChange[];
  resolution?: AdrResolution;
  comment: "created" | "updated" | "unchanged" | "absent" | "dry-run" | "read-only";
  commentBody?: string;
  check: PublishOutcome | { status: "not-posted" };
  plan?: CheckRunPlan;
  /** Tokens the AI draft used this run (none when it was kept, off, or not asked). */
  aiUsage?: TokenUsage;
}

export interface AdrReviewOptions {
  snapshot?: PullRequestSnapshot;
  configPath?: string;
  dryRun?: boolean;
  /** The pull_request action (`opened`, `synchronize`, ...), when known. */
  event?: string;
}

export interface AdrReviewContext {
  view: ConfigView & ChangeView & FileView;
  publish: CheckPublisher & CommentPublisher;
  log: Logger;
  now: () => Date;
  /** AI drafting, when the door offers it (the config still decides). */
  drafterFor?: DrafterFactory;
}

/**
 * When a pull request changes infrastructure, asks for an ADR with one comment (a draft
 * included, related decisions linked) and the `CTO Co-Pilot / ADR` check; edits the same
 * comment to a resolved state once the PR adds an ADR, gets the skip label or an
 * `ADR-Exempt:` line.
 *
 * 1. Assess the change (`assessAdrNeed`, as `cto-copilot adr check` does).
 * 2. Render the suggestion with its draft, or the resolved state.
 * 3. Create or edit the one marked comment (a resolved state never creates one).
 * 4. Publish the ADR check when there is something to say.
 */
export async function reviewAdr(
  context: AdrReviewContext,
  pr: PullRequestInfo,
  options: AdrReviewOptions = {},
): Promise<AdrReviewOutcome> {
  const { resolved, changed } = options.snapshot ?? (await loadPullRequest(context.view, pr, options.configPath));
  const { config } = resolved;
  if (pr.draft && !config.adr.includeDrafts)
    return { status: "skipped-draft", changes: [], comment: "absent", check: { status: "not-posted" } };

  const assessment = await assessAdrNeed(context.view, {
    change: pr,
    changed,
    config,
    labels: pr.labels,
    body: pr.body,
    readAdrs: "when-suggesting",
  });
  const { changes, resolution } = assessment;
  let commentBody: string;
  let aiBody: ((existing: string | undefined) => Promise<string>) | undefined;
  let aiUsage: TokenUsage | undefined;
  let status: AdrReviewOutcome["status"];
  if (assessment.suggested) {
    status = "suggested";
    const draft = renderAdrDraft({
      title: pr.title,
      body: pr.body,
      author: pr.author,
      reviewers: pr.requestedReviewers,
      pullNumber: pr.number,
      changes,
      today: context.now(),
      reviewAfterMonths: config.adr.reviewAfterMonths,
    });
    const suggestion = (text: string, notes: readonly string[]) =>
      renderSuggestion({
        changes,
        related: assessment.related,
        draft: { ...draft, text },
        adrDirectory: adrDirectoryOf(config),
        skipLabel: config.adr.skipLabel,
        repositoryUrl: pr.repositoryUrl,
        headSha: pr.headSha,
        required: config.adr.require,
        notes: [...assessment.notes, ...notes],
      });
    commentBody = suggestion(draft.text, []);
    const drafter = context.drafterFor?.(config.ai);
    // Nothing from a fork, or from an author who may not write here, ever reaches a model.
    if (drafter && !pr.fromFork && pr.authorMayWrite && !options.dryRun) {
      const material = { title: pr.title, body: pr.body, changes, related: assessment.related };
      const fingerprint = `<!-- cto-copilot:ai-input ${createHash("sha256")
        .update(JSON.stringify([material, config.ai.model]))
        .digest("hex")
        .slice(0, 16)} -->`;
      aiBody = async (existing) => {
        // The same material as the draft already in the comment: keep it, ask no model again.
        if (existing?.includes(fingerprint)) return existing;
        const outcome = await drafter.draft(adrDraftRequest(material));
        aiUsage = outcome.usage;
        // A failure is remembered too: the same material is not sent again on every event (costs,
        // and a run held each time); a change to the pull request asks again.
        if (!outcome.ok)
          return `${suggestion(draft.text, [
            `The AI draft was not used (${outcome.reason}): the draft below is the deterministic one.`,
          ])}\n${fingerprint}`;
        return `${suggestion(withAiSections(draft.text, outcome.value, outcome.model), [])}\n${fingerprint}`;
      };
    }
  } else {
    status = changes.length > 0 ? "resolved" : "not-needed";
    commentBody = renderResolved(resolution ?? { kind: "no-longer-needed" });
  }

  let comment: AdrReviewOutcome["comment"] = "dry-run";
  // A just-opened pull request cannot hold an earlier comment of ours: only a suggestion needs writing.
  const mayHaveComment = status === "suggested" || options.event !== "opened";
  if (!options.dryRun && !mayHaveComment) comment = "absent";
  else if (!options.dryRun) {
    // Only a suggestion creates the comment; a resolved state only edits one that exists.
    try {
      const body = aiBody
        ? async (existing: string | undefined) => (commentBody = await aiBody!(existing))
        : commentBody;
      comment = (
        await context.publish.upsertComment(pr.number, "adr", body, { createIfMissing: status === "suggested" })
      ).action;
    } catch (error) {
      if (!isReadOnlyRefusal(error)) throw error;
      comment = "read-only"; // a fork PR's token: the Action shows the comment in the job summary instead
    }
  }
  const plan = planAdrCheck(pr.headSha, changes, resolution, config.adr.require);
  const postCheck = status === "suggested" || (comment !== "absent" && comment !== "dry-run") || config.adr.require;
  const check = postCheck ? await publishCheck(context, plan, options) : ({ status: "not-posted" } as const);
  return {
    status,
    changes,
    ...(resolution ? { resolution } : {}),
    comment,
    commentBody,
    check,
    plan,
    ...(aiUsage ? { aiUsage } : {}),
  };
}

export { adrCheckName };
