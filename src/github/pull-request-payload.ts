import type { PullRequestEvent } from "@octokit/webhooks-types";
import type { PullRequestInfo } from "../ports/pull-request.js";

/** What the use cases read of a `pull_request` webhook. */
export function pullRequestInfo(payload: Pick<PullRequestEvent, "pull_request" | "repository">): PullRequestInfo {
  const pr = payload.pull_request;
  return {
    number: pr.number,
    headSha: pr.head.sha,
    baseSha: pr.base.sha,
    title: pr.title,
    body: pr.body ?? "",
    author: pr.user?.login ?? "",
    // Teams have no login; people do.
    requestedReviewers: pr.requested_reviewers.flatMap((reviewer) => ("login" in reviewer ? [reviewer.login] : [])),
    labels: pr.labels.flatMap((label) => (label.name ? [label.name] : [])),
    draft: pr.draft ?? false,
    repositoryUrl: payload.repository.html_url,
    // A head in another repository (or a deleted one) is a fork's: its text is an outsider's.
    fromFork:
      !pr.head.repo || (pr.base.repo?.full_name !== undefined && pr.head.repo.full_name !== pr.base.repo.full_name),
    authorMayWrite: ["OWNER", "MEMBER", "COLLABORATOR"].includes(pr.author_association ?? ""),
  };
}
