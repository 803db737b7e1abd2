import { adrCheckName, planAdrCheck } from "../adr/check-plan.js";
import { isDependencyManifest } from "../adr/dependency-changes.js";
import { detectInfraChanges, type FileChange, type InfraChange } from "../adr/detect-infra-changes.js";
import { readAdr, type AdrSummary } from "../adr/read-adr.js";
import { brokenSupersedeLinks, findRelatedAdrs } from "../adr/related-adrs.js";
import { renderResolved, renderSuggestion, type AdrResolution } from "../adr/render-comment.js";
import { renderAdrDraft } from "../adr/render-draft.js";
import type { CheckRunPlan } from "../github/check-runs.js";
import { recordFilesIn } from "../markdown/record-files.js";
import { adrDirectoryOf } from "../schemas/config.js";
import { isForbidden, type UseCaseContext } from "./context.js";
import { loadPullRequest, type PullRequestInfo, type PullRequestSnapshot } from "./pull-request.js";
import { publishCheck, type PublishOutcome } from "./publish-check.js";

/** Where ADRs commonly live besides the configured directory (adr-tools, MADR). */
export const communityAdrDirectories = ["docs/adr", "doc/adr", "docs/decisions", "docs/architecture/decisions"];
const maxAdrsRead = 200;

export interface AdrReviewOutcome {
  status: "skipped-draft" | "not-needed" | "suggested" | "resolved";
  changes: InfraChange[];
  resolution?: AdrResolution;
  comment: "created" | "updated" | "unchanged" | "absent" | "dry-run" | "read-only";
  commentBody?: string;
  check: PublishOutcome | { status: "not-posted" };
  plan?: CheckRunPlan;
}

/** An `ADR-Exempt: <reason>` line in the PR description waives the suggestion. */
export function exemptionReason(body: string): string | undefined {
  return /^\s*ADR-Exempt:\s*(\S.*?)\s*$/im.exec(body)?.[1];
}

/**
 * When a pull request changes infrastructure, asks for an ADR with one comment (a draft
 * included, related decisions linked) and the `CTO Co-Pilot / ADR` check; edits the same
 * comment to a resolved state once the PR adds an ADR, gets the skip label or an
 * `ADR-Exempt:` line.
 */
export interface AdrReviewOptions {
  snapshot?: PullRequestSnapshot;
  configPath?: string;
  dryRun?: boolean;
  /** The pull_request action (`opened`, `synchronize`, ...), when known. */
  event?: string;
}

export async function reviewAdr(context: UseCaseContext, pr: PullRequestInfo, options: AdrReviewOptions = {}): Promise<AdrReviewOutcome> {
  const { github } = context;
  const { resolved, changed } = options.snapshot ?? (await loadPullRequest(context, pr, options.configPath));
  const { config } = resolved;
  const adrDirectory = adrDirectoryOf(config);
  if (pr.draft && !config.adr.includeDrafts) return { status: "skipped-draft", changes: [], comment: "absent", check: { status: "not-posted" } };

  // Dependency manifests are judged on their content at the base and at the head (read only when one changed).
  const manifests = changed.filter((file) => isDependencyManifest(file.path)).map((file) => file.path);
  const directories = [...new Set([adrDirectory, ...communityAdrDirectories])];
  const [head, base] =
    manifests.length > 0 ? await Promise.all([github.readContents(pr.headSha, { files: manifests }), github.readContents(pr.baseSha, { files: manifests })]) : [undefined, undefined];
  const files: FileChange[] = changed.map((file) => ({
    path: file.path,
    status: file.status,
    additions: file.additions,
    deletions: file.deletions,
    ...(file.patch !== undefined ? { patch: file.patch } : {}),
    ...(manifests.includes(file.path) ? { before: base?.files.get(file.previousPath ?? file.path)?.text ?? undefined, after: head?.files.get(file.path)?.text ?? undefined } : {}),
  }));
  const changes = detectInfraChanges(files, config.adr);

  const addedAdrs = recordFilesIn(changed.filter((file) => file.status !== "removed").map((file) => file.path), directories);
  const waiver = exemptionReason(pr.body);
  const resolution: AdrResolution | undefined =
    addedAdrs.length > 0 ? { kind: "adr-added", files: addedAdrs } : pr.labels.includes(config.adr.skipLabel) ? { kind: "label", label: config.adr.skipLabel } : waiver ? { kind: "waiver", reason: waiver } : undefined;

  let commentBody: string;
  let status: AdrReviewOutcome["status"];
  if (changes.length > 0 && !resolution) {
    status = "suggested";
    const listing = await github.readContents(pr.headSha, { directories });
    const adrPaths = [...listing.directories].flatMap(([dir, names]) => recordFilesIn(names.map((name) => `${dir}/${name}`), directories)).sort().reverse().slice(0, maxAdrsRead);
    const adrTexts = adrPaths.length > 0 ? await github.readContents(pr.headSha, { files: adrPaths }) : undefined;
    const adrs: AdrSummary[] = adrPaths.flatMap((path) => {
      const text = adrTexts?.files.get(path)?.text;
      return text ? [readAdr(path, text)] : [];
    });
    const draft = renderAdrDraft({ title: pr.title, body: pr.body, author: pr.author, reviewers: pr.requestedReviewers, pullNumber: pr.number, changes, today: context.now(), reviewAfterMonths: config.adr.reviewAfterMonths });
    commentBody = renderSuggestion({ changes, related: findRelatedAdrs(adrs, changes), draft, adrDirectory, skipLabel: config.adr.skipLabel, repositoryUrl: pr.repositoryUrl, headSha: pr.headSha, required: config.adr.require, notes: brokenSupersedeLinks(adrs) });
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
      comment = (await github.upsertComment(pr.number, "adr", commentBody, { createIfMissing: status === "suggested" })).action;
    } catch (error) {
      if (!isForbidden(error)) throw error;
      comment = "read-only"; // a fork PR's token: the Action shows the comment in the job summary instead
    }
  }
  const plan = planAdrCheck(pr.headSha, changes, resolution, config.adr.require);
  const postCheck = status === "suggested" || (comment !== "absent" && comment !== "dry-run") || config.adr.require;
  const check = postCheck ? await publishCheck(context, plan, options) : ({ status: "not-posted" } as const);
  return { status, changes, ...(resolution ? { resolution } : {}), comment, commentBody, check, plan };
}

export { adrCheckName };
