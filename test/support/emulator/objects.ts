/**
 * REST objects shaped as GitHub returns them (required fields of @octokit/openapi's
 * components). Every response built here is still checked against the description.
 */
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
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: issue.comments,
    closed_at: issue.closedAt,
    created_at: issue.createdAt,
    updated_at: issue.updatedAt,
    author_association: "OWNER",
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
