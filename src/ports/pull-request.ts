/** What the webhook or the event file says about a pull request. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  title: string;
  body: string;
  author: string;
  requestedReviewers: string[];
  labels: string[];
  draft: boolean;
  /** `https://github.com/owner/repo` (or the GHES equivalent). */
  repositoryUrl: string;
}
