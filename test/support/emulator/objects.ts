/**
 * REST objects shaped as GitHub returns them (required fields of @octokit/openapi's
 * components). Every response built here is still checked against the description.
 */
import type { Pull } from "./state.js";

const web = "https://github.com";

export const timestamp = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function simpleUser(login: string, api: string, id = 1) {
  // Bot logins such as "cto-copilot[bot]" need escaping to be valid URIs.
  const path = encodeURIComponent(login);
  const url = `${api}/users/${path}`;
  return {
    login,
    id,
    node_id: `U_${id}`,
    avatar_url: `${web}/${path}.png`,
    gravatar_id: "",
    url,
    html_url: `${web}/${path}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: login.endsWith("[bot]") ? "Bot" : "User",
    site_admin: false,
  };
}

export interface StoredLabel {
  id: number;
  name: string;
  color: string;
  description: string | null;
}

export function labelBody(label: StoredLabel, repoApi: string) {
  return {
    id: label.id,
    node_id: `LA_${label.id}`,
    url: `${repoApi}/labels/${encodeURIComponent(label.name)}`,
    name: label.name,
    description: label.description,
    color: label.color,
    default: false,
  };
}

export interface StoredIssue {
  number: number;
  id: number;
  title: string;
  body: string | null;
  user: string;
  labels: string[];
  state: "open" | "closed";
  stateReason: "completed" | "not_planned" | "reopened" | null;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  comments: number;
  /** Logins the issue is assigned to. */
  assignees?: string[];
  /** GitHub's author association of the reporter (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE...); OWNER when unset. */
  association?: string;
}

export function issueBody(issue: StoredIssue, labels: StoredLabel[], repoApi: string, repoHtml: string, api: string) {
  const url = `${repoApi}/issues/${issue.number}`;
  return {
    id: issue.id,
    node_id: `I_${issue.id}`,
    url,
    repository_url: repoApi,
    labels_url: `${url}/labels{/name}`,
    comments_url: `${url}/comments`,
    events_url: `${url}/events`,
    html_url: `${repoHtml}/issues/${issue.number}`,
    number: issue.number,
    state: issue.state,
    state_reason: issue.stateReason,
    title: issue.title,
    body: issue.body,
    user: simpleUser(issue.user, api),
    labels: issue.labels.map((name) =>
      labelBody(
        labels.find((label) => label.name === name) ?? { id: 0, name, color: "ededed", description: null },
        repoApi,
      ),
    ),
    assignee: issue.assignees?.[0] ? simpleUser(issue.assignees[0], api) : null,
    assignees: (issue.assignees ?? []).map((login) => simpleUser(login, api)),
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: issue.association ?? "OWNER",
  };
}

export interface StoredComment {
  id: number;
  issue: number;
  body: string;
  user: string;
  createdAt: string;
  updatedAt: string;
  /** GitHub's author association (OWNER, MEMBER, COLLABORATOR, CONTRIBUTOR, NONE...); OWNER when unset. */
  association?: string;
}

export function commentBody(comment: StoredComment, repoApi: string, repoHtml: string, api: string) {
  return {
    id: comment.id,
    node_id: `IC_${comment.id}`,
    url: `${repoApi}/issues/comments/${comment.id}`,
    html_url: `${repoHtml}/issues/${comment.issue}#issuecomment-${comment.id}`,
    issue_url: `${repoApi}/issues/${comment.issue}`,
    body: comment.body,
    user: simpleUser(comment.user, api),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    author_association: comment.association ?? "OWNER",
  };
}

/** A label change, close or reopen on an issue, as the issue events API lists it. */
export interface StoredIssueEvent {
  id: number;
  issue: number;
  event: "labeled" | "unlabeled" | "closed" | "reopened";
  label?: string;
  stateReason?: "completed" | "not_planned";
  actor: string;
  createdAt: string;
}

export function issueEventBody(event: StoredIssueEvent, repoApi: string, api: string) {
  return {
    id: event.id,
    node_id: `IE_${event.id}`,
    url: `${repoApi}/issues/events/${event.id}`,
    actor: simpleUser(event.actor, api),
    event: event.event,
    commit_id: null,
    commit_url: null,
    created_at: event.createdAt,
    performed_via_github_app: null,
    ...(event.label !== undefined ? { label: { name: event.label, color: "ededed" } } : {}),
    ...(event.event === "closed" ? { state_reason: event.stateReason ?? "completed" } : {}),
  };
}

export interface StoredDeployment {
  id: number;
  sha: string;
  ref: string;
  environment: string;
  createdAt: string;
  statuses: { id: number; state: string; createdAt: string }[];
}

export function deploymentBody(deployment: StoredDeployment, repoApi: string, api: string) {
  const url = `${repoApi}/deployments/${deployment.id}`;
  return {
    id: deployment.id,
    node_id: `DE_${deployment.id}`,
    url,
    sha: deployment.sha,
    ref: deployment.ref,
    task: "deploy",
    payload: {},
    original_environment: deployment.environment,
    environment: deployment.environment,
    description: null,
    creator: simpleUser("deployer", api),
    created_at: deployment.createdAt,
    updated_at: deployment.statuses.at(-1)?.createdAt ?? deployment.createdAt,
    statuses_url: `${url}/statuses`,
    repository_url: repoApi,
  };
}

export function deploymentStatusBody(
  deployment: StoredDeployment,
  status: StoredDeployment["statuses"][number],
  repoApi: string,
  api: string,
) {
  const deploymentUrl = `${repoApi}/deployments/${deployment.id}`;
  return {
    id: status.id,
    node_id: `DES_${status.id}`,
    url: `${deploymentUrl}/statuses/${status.id}`,
    state: status.state,
    creator: simpleUser("deployer", api),
    description: "",
    environment: deployment.environment,
    target_url: `https://ci.example.com/deployments/${deployment.id}`,
    created_at: status.createdAt,
    updated_at: status.createdAt,
    deployment_url: deploymentUrl,
    repository_url: repoApi,
  };
}

export interface StoredRelease {
  id: number;
  tagName: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  createdAt: string;
  publishedAt: string | null;
  targetCommitish: string;
}

export function releaseBody(release: StoredRelease, repoApi: string, repoHtml: string, api: string) {
  const url = `${repoApi}/releases/${release.id}`;
  return {
    id: release.id,
    node_id: `RE_${release.id}`,
    url,
    html_url: `${repoHtml}/releases/tag/${release.tagName}`,
    assets_url: `${url}/assets`,
    upload_url: `https://uploads.github.com/repos/x/y/releases/${release.id}/assets{?name,label}`,
    tarball_url: `${repoApi}/tarball/${release.tagName}`,
    zipball_url: `${repoApi}/zipball/${release.tagName}`,
    tag_name: release.tagName,
    target_commitish: release.targetCommitish,
    name: release.name,
    body: null,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    author: simpleUser("releaser", api),
    assets: [],
  };
}

export function gitRefBody(ref: string, sha: string, repoApi: string) {
  return {
    ref,
    node_id: `REF_${sha.slice(0, 8)}`,
    url: `${repoApi}/git/${ref}`,
    object: { type: "commit", sha, url: `${repoApi}/git/commits/${sha}` },
  };
}

/** GitHub's minimal-repository shape (owner, URLs and a few flags). */
export function minimalRepositoryBody(owner: string, name: string, id: number, api: string) {
  const url = `${api}/repos/${owner}/${name}`;
  const templated: Record<string, string> = {
    archive_url: "/{archive_format}{/ref}",
    assignees_url: "/assignees{/user}",
    blobs_url: "/git/blobs{/sha}",
    branches_url: "/branches{/branch}",
    collaborators_url: "/collaborators{/collaborator}",
    comments_url: "/comments{/number}",
    commits_url: "/commits{/sha}",
    compare_url: "/compare/{base}...{head}",
    contents_url: "/contents/{+path}",
    contributors_url: "/contributors",
    deployments_url: "/deployments",
    downloads_url: "/downloads",
    events_url: "/events",
    forks_url: "/forks",
    git_commits_url: "/git/commits{/sha}",
    git_refs_url: "/git/refs{/sha}",
    git_tags_url: "/git/tags{/sha}",
    hooks_url: "/hooks",
    issue_comment_url: "/issues/comments{/number}",
    issue_events_url: "/issues/events{/number}",
    issues_url: "/issues{/number}",
    keys_url: "/keys{/key_id}",
    labels_url: "/labels{/name}",
    languages_url: "/languages",
    merges_url: "/merges",
    milestones_url: "/milestones{/number}",
    notifications_url: "/notifications{?since,all,participating}",
    pulls_url: "/pulls{/number}",
    releases_url: "/releases{/id}",
    stargazers_url: "/stargazers",
    statuses_url: "/statuses/{sha}",
    subscribers_url: "/subscribers",
    subscription_url: "/subscription",
    tags_url: "/tags",
    teams_url: "/teams",
    trees_url: "/git/trees{/sha}",
  };
  return {
    id,
    node_id: `R_${id}`,
    name,
    full_name: `${owner}/${name}`,
    owner: simpleUser(owner, api),
    private: false,
    html_url: `${web}/${owner}/${name}`,
    description: null,
    fork: false,
    url,
    ...Object.fromEntries(Object.entries(templated).map(([key, suffix]) => [key, `${url}${suffix}`])),
  };
}

/** GitHub's repository / full-repository shape (what GET /repos/{owner}/{repo} and the installation lists return). */
export function repositoryBody(
  repo: {
    owner: string;
    name: string;
    id: number;
    defaultBranch: string;
    isPrivate: boolean;
    isArchived?: boolean;
    isFork?: boolean;
    topics?: string[];
  },
  api: string,
) {
  const html = `${web}/${repo.owner}/${repo.name}`;
  const at = "2025-01-01T00:00:00Z";
  return {
    ...minimalRepositoryBody(repo.owner, repo.name, repo.id, api),
    private: repo.isPrivate,
    visibility: repo.isPrivate ? "private" : "public",
    clone_url: `${html}.git`,
    git_url: `git://github.com/${repo.owner}/${repo.name}.git`,
    ssh_url: `git@github.com:${repo.owner}/${repo.name}.git`,
    svn_url: html,
    mirror_url: null,
    homepage: null,
    language: null,
    license: null,
    default_branch: repo.defaultBranch,
    forks: 0,
    forks_count: 0,
    stargazers_count: 0,
    watchers: 0,
    watchers_count: 0,
    open_issues: 0,
    open_issues_count: 0,
    network_count: 0,
    subscribers_count: 0,
    size: 0,
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: repo.isArchived ?? false,
    fork: repo.isFork ?? false,
    topics: repo.topics ?? [],
    disabled: false,
    pushed_at: at,
    created_at: at,
    updated_at: at,
  };
}

/** A pull request as the REST API returns one (GET and PATCH /pulls/{number}). */
export function pullRequestBody(
  pull: Pull,
  repo: Parameters<typeof repositoryBody>[0],
  labels: StoredLabel[],
  counts: { comments: number; commits: number },
  api: string,
) {
  const repoApi = `${api}/repos/${repo.owner}/${repo.name}`;
  const repoHtml = `${web}/${repo.owner}/${repo.name}`;
  const url = `${repoApi}/pulls/${pull.number}`;
  const html = `${repoHtml}/pull/${pull.number}`;
  const issue = `${repoApi}/issues/${pull.number}`;
  const repository = repositoryBody(repo, api);
  const side = (ref: string, sha: string) => ({
    label: `${repo.owner}:${ref}`,
    ref,
    sha,
    user: simpleUser(repo.owner, api),
    repo: repository,
  });
  const closedAt = pull.closedAt ?? pull.mergedAt ?? null;
  return {
    id: 40_000 + pull.number,
    node_id: `PR_${pull.number}`,
    url,
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoApi}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repoApi}/statuses/${pull.headSha}`,
    number: pull.number,
    state: closedAt ? "closed" : "open",
    locked: false,
    title: pull.title,
    user: simpleUser(pull.user, api),
    body: pull.body,
    labels: pull.labels.map((name) =>
      labelBody(
        labels.find((label) => label.name === name) ?? { id: 0, name, color: "ededed", description: null },
        repoApi,
      ),
    ),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: closedAt ?? pull.createdAt,
    closed_at: closedAt,
    merged_at: pull.mergedAt ?? null,
    merge_commit_sha: pull.mergeSha ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(pull.headRef, pull.headSha),
    base: side(pull.baseRef, pull.baseSha),
    _links: {
      self: { href: url },
      html: { href: html },
      issue: { href: issue },
      comments: { href: `${issue}/comments` },
      review_comments: { href: `${url}/comments` },
      review_comment: { href: `${repoApi}/pulls/comments{/number}` },
      commits: { href: `${url}/commits` },
      statuses: { href: `${repoApi}/statuses/${pull.headSha}` },
    },
    author_association: "OWNER",
    auto_merge: null,
    draft: pull.draft,
    merged: Boolean(pull.mergedAt),
    mergeable: pull.mergedAt || closedAt ? null : true,
    rebaseable: null,
    mergeable_state: pull.mergedAt || closedAt ? "unknown" : "clean",
    merged_by: pull.mergedAt ? simpleUser("octocat", api) : null,
    comments: counts.comments,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: counts.commits,
    additions: pull.files.reduce((sum, file) => sum + file.additions, 0),
    deletions: pull.files.reduce((sum, file) => sum + file.deletions, 0),
    changed_files: pull.files.length,
  };
}

/** The permissions app.yml asks for, as an installation reports them. */
const appPermissions = {
  actions: "read",
  checks: "write",
  contents: "write",
  deployments: "read",
  issues: "write",
  metadata: "read",
  pull_requests: "write",
} as const;

/** An installation of the App as GET /app/installations/{id} and the installation webhooks describe it. */
/** GET /app: the App itself, as its JWT sees it (its bot account is `<slug>[bot]`). */
export function appBody(api: string) {
  return {
    id: 12345,
    slug: "cto-copilot",
    node_id: "A_12345",
    client_id: "Iv1.emulator",
    owner: simpleUser("octocat", api),
    name: "CTO Co-Pilot",
    description: "Engineering governance as code",
    external_url: web,
    html_url: `${web}/apps/cto-copilot`,
    created_at: "2025-01-01T00:00:00Z",
    updated_at: "2025-01-01T00:00:00Z",
    permissions: { ...appPermissions },
    events: ["issue_comment", "issues", "pull_request", "push", "repository_dispatch"],
  };
}

export function installationBody(
  installation: {
    id: number;
    account: string;
    accountType: "User" | "Organization";
    repositorySelection: string;
    createdAt: string;
    updatedAt: string;
  },
  api: string,
) {
  const account = { ...simpleUser(installation.account, api, 2_000 + installation.id), type: installation.accountType };
  return {
    id: installation.id,
    account,
    repository_selection: installation.repositorySelection,
    access_tokens_url: `${api}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${api}/installation/repositories`,
    html_url: `${web}/settings/installations/${installation.id}`,
    app_id: 12345,
    app_slug: "cto-copilot",
    target_id: account.id,
    target_type: installation.accountType,
    permissions: { ...appPermissions },
    events: ["issue_comment", "issues", "pull_request", "push", "repository_dispatch"],
    created_at: installation.createdAt,
    updated_at: installation.updatedAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    suspended_by: null,
    suspended_at: null,
  };
}
