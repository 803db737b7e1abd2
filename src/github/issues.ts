import type { IssuePublisher } from "../ports/publisher.js";
import type { IssueRecord } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { labelNames } from "./labels.js";
import { pinIssue } from "./pin-issue.js";

/** Every issue with the label, open and closed, 100 per request (pull requests left out). */
export async function listIssuesWithLabel(client: GitHubClient, repo: RepoRef, label: string): Promise<IssueRecord[]> {
  const issues = await client.paginate("GET /repos/{owner}/{repo}/issues", {
    ...repo,
    labels: label,
    state: "all",
    per_page: 100,
  });
  return issues
    .filter((issue) => !issue.pull_request)
    .map((issue) => ({
      number: issue.number,
      title: issue.title,
      body: issue.body ?? null,
      state: issue.state === "closed" ? "closed" : "open",
      labels: labelNames(issue.labels),
      ...(issue.closed_at ? { closedAt: issue.closed_at } : {}),
      ...(issue.user ? { author: { login: issue.user.login, isBot: issue.user.type === "Bot" } } : {}),
      assignees: (issue.assignees ?? []).map((user) => user.login),
    }));
}

/** Issue writes over REST: labels created when missing, issues created, edited, closed, reopened, commented on; pinned over GraphQL. */
export function issuePublisher(client: GitHubClient, repo: RepoRef): IssuePublisher {
  return {
    async ensureLabels(labels) {
      if (labels.length === 0) return;
      const existing = await client.paginate("GET /repos/{owner}/{repo}/labels", { ...repo, per_page: 100 });
      const names = new Set(existing.map((label) => label.name.toLowerCase()));
      for (const label of labels) {
        if (names.has(label.name.toLowerCase())) continue;
        await client.request("POST /repos/{owner}/{repo}/labels", {
          ...repo,
          name: label.name,
          color: label.color,
          description: label.description,
        });
        names.add(label.name.toLowerCase());
      }
    },
    async createIssue(fields) {
      const { data } = await client.request("POST /repos/{owner}/{repo}/issues", {
        ...repo,
        title: fields.title,
        body: fields.body,
        labels: fields.labels,
        ...(fields.assignees && fields.assignees.length > 0 ? { assignees: fields.assignees } : {}),
      });
      return data.number;
    },
    async updateIssue(number, fields) {
      await client.request("PATCH /repos/{owner}/{repo}/issues/{issue_number}", {
        ...repo,
        issue_number: number,
        ...(fields.title !== undefined ? { title: fields.title } : {}),
        ...(fields.body !== undefined ? { body: fields.body } : {}),
        ...(fields.labels !== undefined ? { labels: fields.labels } : {}),
        ...(fields.assignees !== undefined ? { assignees: fields.assignees } : {}),
        ...(fields.state !== undefined ? { state: fields.state } : {}),
        ...(fields.stateReason !== undefined ? { state_reason: fields.stateReason } : {}),
      });
    },
    async commentOnIssue(number, body) {
      await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
        ...repo,
        issue_number: number,
        body,
      });
    },
    pinIssue: (number) => pinIssue(client, repo, number),
  };
}
