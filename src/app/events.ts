/** Events that can change the data check or the ADR suggestion (the description, for `ADR-Exempt:`, and labels too). */
export const pullRequestEvents = [
  "pull_request.opened",
  "pull_request.synchronize",
  "pull_request.reopened",
  "pull_request.edited",
  "pull_request.labeled",
  "pull_request.unlabeled",
  "pull_request.ready_for_review",
] as const;

/** Events that change an incident's record: its labels, description, state and comments. */
export const incidentEvents = [
  "issues.opened",
  "issues.labeled",
  "issues.unlabeled",
  "issues.edited",
  "issues.closed",
  "issues.reopened",
  "issue_comment.created",
  "issue_comment.edited",
  "issue_comment.deleted",
] as const;

/** Events that install the App on repositories: each gets its onboarding pull request. */
export const installationEvents = ["installation.created", "installation_repositories.added"] as const;
