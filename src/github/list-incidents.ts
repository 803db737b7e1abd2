import type { IncidentEvent } from "../dora/compute.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { isOurFollowUp } from "../follow-up/markers.js";
import { sharedIdentity } from "../markdown/ownership.js";

/** Issues with the incident label updated since `since` (open or closed), as incidents; closed as not planned or duplicate: not incidents. */
export async function listIncidentIssues(
  client: GitHubClient,
  repo: RepoRef,
  label: string,
  since: number,
): Promise<IncidentEvent[]> {
  const issues = await client.paginate("GET /repos/{owner}/{repo}/issues", {
    ...repo,
    labels: label,
    state: "all",
    since: new Date(since).toISOString(),
    per_page: 100,
  });
  return (
    issues
      .filter((issue) => !issue.pull_request)
      .filter((issue) => issue.state_reason !== "not_planned" && issue.state_reason !== "duplicate")
      // The action items of a post-mortem carry the incident label too; they are not incidents.
      .filter(
        (issue) =>
          !issue.user ||
          !isOurFollowUp(
            { body: issue.body ?? null, author: { login: issue.user.login, isBot: issue.user.type === "Bot" } },
            sharedIdentity,
          ),
      )
      .map((issue) => ({
        id: `#${issue.number}`,
        issue: issue.number,
        title: issue.title,
        started: Date.parse(issue.created_at),
        resolved: issue.closed_at ? Date.parse(issue.closed_at) : null,
      }))
  );
}
