import { readFileSync } from "node:fs";
import { installationBody } from "./emulator/objects.js";
import type { Installation, Pull, RepoState } from "./emulator/state.js";

export interface WebhookExample {
  name: string;
  examples: Record<string, any>[];
}

/** Every recorded payload of @octokit/webhooks-examples (58 events) for api.github.com. */
export function webhookExamples(): WebhookExample[] {
  return JSON.parse(
    readFileSync(
      new URL("../../node_modules/@octokit/webhooks-examples/api.github.com/index.json", import.meta.url),
      "utf8",
    ),
  ) as WebhookExample[];
}

/** A recorded `pull_request` payload, re-pointed at an emulated repository and pull request. */
export function pullRequestPayload(
  repo: RepoState,
  pull: Pull,
  action = "opened",
  installationId = 1,
): Record<string, any> {
  const example =
    webhookExamples()
      .find((event) => event.name === "pull_request")!
      .examples.find((payload) => payload.action === action) ??
    webhookExamples().find((event) => event.name === "pull_request")!.examples[0]!;
  const payload = structuredClone(example);
  payload.action = action;
  repointRepository(payload, repo, installationId);
  payload.number = pull.number;
  payload.pull_request = {
    ...payload.pull_request,
    number: pull.number,
    title: pull.title,
    body: pull.body,
    draft: pull.draft,
    user: { ...payload.pull_request.user, login: pull.user },
    requested_reviewers: [],
    labels: pull.labels.map((name, index) => ({
      id: index + 1,
      name,
      node_id: `L${index}`,
      url: "",
      color: "ededed",
      default: false,
      description: null,
    })),
    head: { ...payload.pull_request.head, sha: pull.headSha, ref: pull.headRef, repo: payload.repository },
    base: { ...payload.pull_request.base, sha: pull.baseSha, ref: pull.baseRef, repo: payload.repository },
    // A pull request closed or merged in the emulator says so; an open one keeps the example's state.
    ...(pull.closedAt
      ? {
          state: "closed",
          closed_at: pull.closedAt,
          merged: Boolean(pull.mergedAt),
          merged_at: pull.mergedAt ?? null,
          merge_commit_sha: pull.mergeSha ?? null,
        }
      : {}),
  };
  return payload;
}

/** A repository as the installation events list it. */
const installedRepository = (repo: RepoState) => ({
  id: repo.id,
  node_id: `R_${repo.id}`,
  name: repo.name,
  full_name: repo.fullName,
  private: repo.isPrivate,
});

/** The `installation` object of an installation event (the recorded example's, re-pointed). */
function installationObject(example: Record<string, any>, installation: Installation): Record<string, any> {
  const body = installationBody(installation, "https://api.github.com");
  return {
    ...example,
    ...body,
    account: { ...example.account, ...body.account, url: `https://api.github.com/users/${installation.account}` },
  };
}

/**
 * A recorded `installation` payload (`created` unless told) for an emulated installation
 * (`github.addInstallation`): its id is one `/app/installations/{id}/access_tokens` accepts, and
 * `repositories` lists `installation.repositories`.
 */
export function installationPayload(
  installation: Installation,
  action: "created" | "deleted" | "suspend" | "unsuspend" | "new_permissions_accepted" = "created",
): Record<string, any> {
  const event = webhookExamples().find((candidate) => candidate.name === "installation")!;
  const payload = structuredClone(event.examples.find((example) => example.action === action) ?? event.examples[0]!);
  payload.action = action;
  payload.installation = installationObject(payload.installation, installation);
  payload.repositories = installation.repositories.map(installedRepository);
  payload.sender = { ...payload.sender, login: installation.account };
  return payload;
}

/**
 * A recorded `installation_repositories` payload: `added` when `change.added` is not empty,
 * else `removed`. Update `installation.repositories` to match before delivering it.
 */
export function installationRepositoriesPayload(
  installation: Installation,
  change: { added?: RepoState[]; removed?: RepoState[] },
): Record<string, any> {
  const action = (change.added ?? []).length > 0 ? "added" : "removed";
  const event = webhookExamples().find((candidate) => candidate.name === "installation_repositories")!;
  const payload = structuredClone(event.examples.find((example) => example.action === action) ?? event.examples[0]!);
  payload.action = action;
  payload.installation = installationObject(payload.installation, installation);
  payload.repository_selection = installation.repositorySelection;
  payload.repositories_added = (change.added ?? []).map(installedRepository);
  payload.repositories_removed = (change.removed ?? []).map(installedRepository);
  payload.requester ??= null;
  payload.sender = { ...payload.sender, login: installation.account };
  return payload;
}

function repointRepository(payload: Record<string, any>, repo: RepoState, installationId = 1): void {
  payload.installation = { id: installationId, node_id: "MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9uMQ==" };
  payload.repository = {
    ...payload.repository,
    id: repo.id,
    name: repo.name,
    full_name: repo.fullName,
    html_url: `https://github.com/${repo.fullName}`,
    owner: { ...payload.repository.owner, login: repo.owner },
    default_branch: repo.defaultBranch,
  };
}

function issueObject(example: Record<string, any>, repo: RepoState, number: number): Record<string, any> {
  const issue = repo.issues.get(number)!;
  return {
    ...example,
    number,
    title: issue.title,
    body: issue.body,
    // Who opened it, as GitHub says in every payload (the App's own issues are a Bot's).
    user: { ...example.user, login: issue.user, type: issue.user.endsWith("[bot]") ? "Bot" : "User" },
    state: issue.state,
    state_reason: issue.stateReason,
    created_at: issue.createdAt,
    closed_at: issue.closedAt,
    html_url: `https://github.com/${repo.fullName}/issues/${number}`,
    labels: issue.labels.map((name, index) => ({
      id: index + 1,
      node_id: `L${index}`,
      url: "",
      name,
      color: "ededed",
      default: false,
      description: null,
    })),
    pull_request: undefined,
  };
}

/** A recorded `issues` payload (the action's example when there is one), re-pointed at an emulated issue as it is now. */
export function issuesPayload(repo: RepoState, number: number, action: string): Record<string, any> {
  const event = webhookExamples().find((candidate) => candidate.name === "issues")!;
  const payload = structuredClone(event.examples.find((example) => example.action === action) ?? event.examples[0]!);
  payload.action = action;
  repointRepository(payload, repo);
  payload.issue = issueObject(payload.issue, repo, number);
  return payload;
}

/** A recorded `issue_comment` payload re-pointed at an emulated issue and one of its comments. */
export function issueCommentPayload(
  repo: RepoState,
  number: number,
  comment: { id: number; body: string; user: string },
  action: "created" | "edited" | "deleted",
): Record<string, any> {
  const event = webhookExamples().find((candidate) => candidate.name === "issue_comment")!;
  const payload = structuredClone(event.examples.find((example) => example.action === action) ?? event.examples[0]!);
  payload.action = action;
  repointRepository(payload, repo);
  payload.issue = issueObject(payload.issue, repo, number);
  payload.comment = {
    ...payload.comment,
    id: comment.id,
    body: comment.body,
    user: { ...payload.comment.user, login: comment.user },
  };
  return payload;
}
