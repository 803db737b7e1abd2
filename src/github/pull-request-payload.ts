import type { PullRequestInfo } from "../ports/pull-request.js";

/** The parts of a `pull_request` webhook payload the use cases read. */
export interface PullRequestPayload {
  pull_request: {
    number: number;
    title: string;
    body?: string | null;
    draft?: boolean;
    user?: { login: string } | null;
    requested_reviewers?: ({ login?: string } | null)[] | null;
    labels?: ({ name?: string } | null)[] | null;
    head: { sha: string; repo?: { full_name?: string } | null };
    base: { sha: string; repo?: { full_name?: string } | null };
    author_association?: string;
  };
  repository: { html_url: string };
}

export function pullRequestInfo(payload: PullRequestPayload): PullRequestInfo {
  const pr = payload.pull_request;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    title: pr.title,
    body: pr.body ?? "",
    author: pr.user?.login ?? "",
    // Teams have no login; people do.
    requestedReviewers: (pr.requested_reviewers ?? []).flatMap((reviewer) => (reviewer?.login ? [reviewer.login] : [])),
    labels: (pr.labels ?? []).flatMap((label) => (label?.name ? [label.name] : [])),
    draft: pr.draft ?? false,
    repositoryUrl: payload.repository.html_url,
    // A head in another repository (or a deleted one) is a fork's: its text is an outsider's.
    fromFork:
      !pr.head.repo || (pr.base.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base.repo.full_name),
    authorMayWrite: ["OWNER", "MEMBER", "COLLABORATOR"].includes(pr.author_association ?? ""),
  };
}
