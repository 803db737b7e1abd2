import type { IssueEvent, IssueHistory } from "../incidents/issue-history.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { labelNames } from "./labels.js";

const stateReasons = new Set(["completed", "not_planned", "reopened", "duplicate"]);

/** The issue, its comments and its label / close / reopen events: three REST reads (more for long threads). */
export async function readIssueHistory(client: GitHubClient, repo: RepoRef, number: number): Promise<IssueHistory> {
  const { data: issue } = await client.request("GET /repos/{owner}/{repo}/issues/{issue_number}", {
    ...repo,
    issue_number: number,
  });
  const comments = await client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: number,
    per_page: 100,
  });
  const events = await client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/events", {
    ...repo,
    issue_number: number,
    per_page: 100,
  });
  const reason = issue.state_reason && stateReasons.has(issue.state_reason) ? issue.state_reason : null;
  return {
    issue: {
      number: issue.number,
      title: issue.title,
      body: issue.body ?? "",
      url: issue.html_url,
      createdAt: Date.parse(issue.created_at),
      closedAt: issue.closed_at ? Date.parse(issue.closed_at) : null,
      state: issue.state === "closed" ? "closed" : "open",
      stateReason: reason as IssueHistory["issue"]["stateReason"],
      labels: labelNames(issue.labels),
      association: issue.author_association,
      ...(issue.user ? { author: issue.user.login } : {}),
    },
    comments: comments.map((comment) => ({
      id: comment.id,
      url: comment.html_url,
      body: comment.body ?? "",
      author: comment.user?.login ?? "ghost",
      authorIsBot: comment.user?.type === "Bot" || (comment.user?.login ?? "").endsWith("[bot]"),
      association: comment.author_association,
      createdAt: Date.parse(comment.created_at),
    })),
    events: events.flatMap((event): IssueEvent[] => {
      const at = Date.parse(event.created_at);
      if ((event.event === "labeled" || event.event === "unlabeled") && "label" in event && event.label)
        return [{ kind: event.event, label: event.label.name, at }];
      if (event.event === "closed") {
        const why = "state_reason" in event ? (event.state_reason as string | null | undefined) : undefined;
        return [
          {
            kind: "closed",
            at,
            reason: why === "not_planned" || why === "duplicate" || why === "completed" ? why : null,
          },
        ];
      }
      if (event.event === "reopened") return [{ kind: "reopened", at }];
      return [];
    }),
  };
}

/** Whether a person may write to the repository: admin, maintain or write permission (404: not a collaborator). */
export async function canWrite(client: GitHubClient, repo: RepoRef, login: string): Promise<boolean> {
  try {
    const { data } = await client.request("GET /repos/{owner}/{repo}/collaborators/{username}/permission", {
      ...repo,
      username: login,
    });
    return ["admin", "maintain", "write"].includes(data.role_name) || ["admin", "write"].includes(data.permission);
  } catch (error) {
    if ((error as { status?: number }).status === 404) return false;
    throw error;
  }
}
