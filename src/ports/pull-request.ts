/** What the webhook or the event file says about a pull request. */
export interface PullRequestInfo {
  number: number;
  headSha: string;
  baseSha: string;
  title: string;
  /** A local change has no title: its commits' subjects say what it does instead. */
  commitSubjects?: string[];
  body: string;
  author: string;
  requestedReviewers: string[];
  labels: string[];
  draft: boolean;
  /** `https://github.com/owner/repo` (or the GHES equivalent). */
  repositoryUrl: string;
  /** From a fork: nothing of it is ever sent to a model. */
  fromFork?: boolean;
  /** The author may write to the repository (owner, member, collaborator): AI drafting needs it. */
  authorMayWrite?: boolean;
}
