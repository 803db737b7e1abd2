/** Who wrote an issue, as GitHub reports it. */
export interface IssueAuthor {
  login: string;
  type: string;
}

/** What the follow-up knows of an issue when it decides whether the issue is its own. */
interface AuthoredIssue {
  body: string | null;
  author?: IssueAuthor;
}

/**
 * The rule that makes an issue ours: it carries our marker AND our identity wrote it. Anyone can
 * paste a marker into an issue of their own; such an issue is never adopted, edited or closed.
 * Until the identity of the token is known everywhere, "our identity" is a bot account (a person
 * cannot create an issue as one); the planner takes the rule as a parameter so it can be made
 * stricter in one place.
 */
export type OwnershipRule = (issue: AuthoredIssue) => boolean;

export const writtenByABot: OwnershipRule = (issue) => issue.author?.type === "Bot";
