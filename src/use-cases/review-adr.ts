import { createHash } from "node:crypto";
import { overturned, worthShowing } from "../adr/ai-classification.js";
import { planAdrCheck } from "../adr/check-plan.js";
import type { InfraChange } from "../adr/detect-infra-changes.js";
import {
  renderJudgedNotNeeded,
  renderResolved,
  renderSuggestion,
  withSections,
  type AdrResolution,
} from "../adr/render-comment.js";
import { renderAdrDraft, type SelfHostedOption } from "../adr/render-draft.js";
import { adrDraftRequest, withAiSections, type AdrDraftAnswer } from "../llm/drafts/adr.js";
import type { Drafter, TokenUsage } from "../llm/drafter.js";
import { isReadOnlyRefusal } from "../ports/publisher.js";
import type { PullRequestInfo } from "../ports/pull-request.js";
import type { BotComment } from "../ports/repository-view.js";
import type { CheckRunPlan } from "../report/check-run.js";
import { adrDirectoryOf, type Config } from "../schemas/config.js";
import { assessAdrNeed, type AdrAssessment, type AdrAssessmentInput } from "./assess-adr.js";
import { classifyNearThreshold } from "./classify-adr-need.js";
import { loadPullRequest, type PullRequestSnapshot } from "./pull-request.js";
import type { CommentSection, PullRequestCheck, ReviewContext } from "./pull-request-check.js";
import { publishCheck, type PublishOutcome } from "./publish-check.js";
import { readTechnicalContext } from "./read-technical-context.js";
import { contentOf } from "../markdown/ownership.js";

export interface AdrReviewOutcome {
  status: "skipped-draft" | "not-needed" | "suggested" | "resolved";
  changes: InfraChange[];
  resolution?: AdrResolution;
  /** The whole assessment (what `cto-copilot adr check` reports); absent for a skipped draft. */
  assessment?: AdrAssessment;
  comment: "created" | "updated" | "unchanged" | "absent" | "dry-run" | "read-only";
  /** The comment as written, or as it would be written on a dry run (the AI draft kept from the comment included). */
  commentBody?: string;
  check: PublishOutcome | { status: "not-posted" };
  plan?: CheckRunPlan;
  /** Tokens the AI draft used this run (none when it was kept, off, or not asked). */
  aiUsage?: TokenUsage;
}

interface AdrReviewOptions {
  snapshot?: PullRequestSnapshot;
  configPath?: string;
  dryRun?: boolean;
  /** The pull_request action (`opened`, `synchronize`, ...), when known. */
  event?: string;
  /** How far to read: the CLI reads every file and always the ADRs; the API defaults save requests. */
  reading?: Pick<AdrAssessmentInput, "readLimit" | "readAdrs">;
  /** The other checks' parts of the comment (the cost, the stage fit), shown after the ADR part. */
  sections?: readonly CommentSection[];
  /** Self-hosted components the change adopts, with their managed alternative (the draft's build-vs-buy options). */
  selfHosted?: SelfHostedOption[];
}

/** The comment's body and, when a model wrote part of it this run, the tokens it used. */
interface DecidedBody {
  text: string;
  aiUsage?: TokenUsage;
}

/**
 * When a pull request changes infrastructure, asks for an ADR with one comment (a draft
 * included, related decisions linked) and the `CTO Co-Pilot / ADR` check; edits the same
 * comment to a resolved state once the PR adds an ADR, gets the skip label or an
 * `ADR-Exempt:` line.
 *
 * 1. Assess the change (`assessAdrNeed`, as `cto-copilot adr check` does); with `ai.enabled`, a
 *    near-threshold change is classified by the model (`classifyNearThreshold`), a clear one never.
 * 2. Read our comment as it stands (when there can be one).
 * 3. Decide the body: the suggestion with its draft (the AI's, kept or asked for), or the resolved state.
 * 4. Create or edit the one marked comment (a resolved state never creates one); a dry run writes nothing.
 * 5. Publish the ADR check when there is something to say.
 */
async function reviewAdr(
  context: ReviewContext,
  pr: PullRequestInfo,
  options: AdrReviewOptions = {},
): Promise<AdrReviewOutcome> {
  const { resolved, changed } = options.snapshot ?? (await loadPullRequest(context.view, pr, options.configPath));
  const { config } = resolved;
  if (pr.draft && !config.adr.includeDrafts)
    return { status: "skipped-draft", changes: [], comment: "absent", check: { status: "not-posted" } };

  const assessed = await assessAdrNeed(context.view, {
    change: pr,
    changed,
    config,
    labels: pr.labels,
    body: pr.body,
    statements: [pr.title, ...(pr.commitSubjects ?? [])].filter((statement) => statement.trim() !== ""),
    readAdrs: options.reading?.readAdrs ?? "when-suggesting",
    ...(options.reading?.readLimit !== undefined ? { readLimit: options.reading.readLimit } : {}),
  });
  // A dry run shows that the model would be asked; the CLI's (its only mode) asks it.
  const { assessment, memo } = await classifyNearThreshold({
    context,
    pr,
    config,
    changed,
    assessment: assessed,
    dryRun: options.dryRun === true,
  });
  const { changes, resolution } = assessment;
  const status = assessment.suggested ? "suggested" : changes.length > 0 ? "resolved" : "not-needed";
  const sections = options.sections ?? [];
  // The cost or the stage fit has something to say: worth a comment even without an ADR to suggest.
  const notable = sections.some((section) => section.notable);
  // A just-opened pull request cannot hold an earlier comment of ours: only a suggestion (or a notable section) needs one.
  const mayHaveComment = status === "suggested" || notable || options.event !== "opened";
  const existing = mayHaveComment ? ((await context.view.findComment(pr.number, "adr")) ?? null) : null;
  const adrPart: { text: string | undefined; aiUsage?: TokenUsage } =
    status === "suggested"
      ? await suggestionBody(
          context,
          pr,
          config,
          assessment,
          existing,
          options.dryRun === true,
          options.selfHosted ?? [],
        )
      : status === "resolved" || !notable
        ? {
            text:
              !resolution && overturned(assessment.aiClassification)
                ? renderJudgedNotNeeded(assessment.aiClassification!)
                : renderResolved(resolution ?? { kind: "no-longer-needed" }),
          }
        : { text: undefined };
  const body = {
    ...adrPart,
    text: withSections(adrPart.text, sections.map((section) => section.markdown).filter(Boolean)),
  };
  const comment = options.dryRun
    ? "dry-run"
    : mayHaveComment
      ? await writeComment(context, pr.number, body.text, {
          createIfMissing: status === "suggested" || notable,
          existing,
        })
      : "absent";

  const plan = planAdrCheck(pr.headSha, changes, resolution, config.adr.require, {
    seen: assessment.seen,
    score: assessment.score,
    threshold: config.adr.threshold,
    suggested: assessment.suggested,
    ...(assessment.aiClassification ? { ai: assessment.aiClassification } : {}),
    ...(memo ? { memo } : {}),
  });
  // The model's answer (or its failure) is shown, and kept for this commit; a fork's "not sent" only where a check is posted anyway.
  const postCheck =
    status === "suggested" ||
    (comment !== "absent" && comment !== "dry-run") ||
    config.adr.require ||
    worthShowing(assessment.aiClassification);
  const check = postCheck ? await publishCheck(context, plan, options) : ({ status: "not-posted" } as const);
  return {
    status,
    changes,
    ...(resolution ? { resolution } : {}),
    assessment,
    comment,
    commentBody: body.text,
    check,
    plan,
    ...(body.aiUsage ? { aiUsage: body.aiUsage } : {}),
  };
}

/** Creates or edits the comment; a fork's read-only token is reported, not thrown (the Action shows the comment in the job summary instead). */
async function writeComment(
  context: ReviewContext,
  issueNumber: number,
  text: string,
  options: { createIfMissing: boolean; existing: BotComment | null },
): Promise<AdrReviewOutcome["comment"]> {
  try {
    return (await context.publish.upsertComment(issueNumber, "adr", text, options)).action;
  } catch (error) {
    if (!isReadOnlyRefusal(error)) throw error;
    return "read-only";
  }
}

/**
 * The suggestion with its ready-to-commit draft. With AI drafting on, the model writes the
 * draft's reasoning sections; the input's fingerprint in the comment keeps a draft already
 * written for the same material instead of asking again.
 */
async function suggestionBody(
  context: ReviewContext,
  pr: PullRequestInfo,
  config: Config,
  assessment: AdrAssessment,
  existing: BotComment | null,
  dryRun: boolean,
  selfHosted: SelfHostedOption[],
): Promise<DecidedBody> {
  const { changes } = assessment;
  const draft = renderAdrDraft({
    selfHosted,
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
      ...(assessment.aiClassification ? { classification: assessment.aiClassification } : {}),
    });
  const drafter = context.drafterFor?.(config.ai);
  // Nothing from a fork, or from an author who may not write here, ever reaches a model.
  if (!drafter || pr.fromFork || !pr.authorMayWrite) return { text: suggestion(draft.text, []) };
  // CLAUDE.md as the base branch has it: the pull request's own edits to it count once merged.
  // Read on a dry run too: it is part of the material the fingerprint of a kept draft names.
  const technicalContext = await readTechnicalContext(context.view, pr.baseSha, context.log);
  const material = {
    title: pr.title,
    body: pr.body,
    changes,
    related: assessment.related,
    ...(technicalContext ? { technicalContext } : {}),
  };
  const fingerprint = aiInputFingerprint(material, config.ai.model);
  // The same material as the draft already in the comment: keep it, ask no model again.
  if (existing?.body.includes(fingerprint)) return { text: withSections(contentOf(existing.body), []) };
  // A dry run spends no tokens: it shows the deterministic draft a model would start from.
  if (dryRun) return { text: suggestion(draft.text, []) };
  return aiSuggestionBody(drafter, material, fingerprint, (sections, notes) =>
    suggestion(sections === undefined ? draft.text : withAiSections(draft.text, sections.value, sections.model), notes),
  );
}

type AdrMaterial = Parameters<typeof adrDraftRequest>[0];
type DraftSections = { value: AdrDraftAnswer; model: string };

async function aiSuggestionBody(
  drafter: Drafter,
  material: AdrMaterial,
  fingerprint: string,
  render: (sections: DraftSections | undefined, notes: readonly string[]) => string,
): Promise<DecidedBody> {
  const outcome = await drafter.draft(adrDraftRequest(material));
  // A failure is remembered too: the same material is not sent again on every event (costs,
  // and a run held each time); a change to the pull request asks again.
  const text = outcome.ok
    ? render({ value: outcome.value, model: outcome.model }, [])
    : render(undefined, [`The AI draft was not used (${outcome.reason}): the draft below is the deterministic one.`]);
  return { text: `${text}\n${fingerprint}`, ...(outcome.usage ? { aiUsage: outcome.usage } : {}) };
}

/** A hidden line naming the AI draft's input (the material and the model), without revealing it. */
function aiInputFingerprint(material: AdrMaterial, model: string): string {
  const digest = createHash("sha256")
    .update(JSON.stringify([material, model]))
    .digest("hex")
    .slice(0, 16);
  return `<!-- cto-copilot:ai-input ${digest} -->`;
}

/** The ADR suggestion of the pull-request review: every event, since labels and the description can resolve it. */
export const adrCheck: PullRequestCheck<"adr", AdrReviewOutcome> = {
  key: "adr",
  run: ({ context, pr, snapshot, event, dryRun, reading, sections }) =>
    reviewAdr(context, pr, {
      snapshot,
      dryRun,
      sections,
      selfHosted: sections.flatMap((section) => section.buyOptions ?? []),
      ...(event ? { event } : {}),
      ...(reading ? { reading } : {}),
    }),
  failure: (outcome) =>
    outcome.plan?.conclusion === "failure"
      ? "an ADR is required for this infrastructure change (adr.require)"
      : undefined,
};
