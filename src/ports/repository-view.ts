import type { CommitInfo } from "../dora/commit-graph.js";
import type { CommitAuthor } from "../discovery/discover.js";
import type { FilesByDirectory } from "../discovery/files-by-directory.js";
import type { DebtIssue } from "../debt/plan-issues.js";
import type { IssueHistory } from "../incidents/issue-history.js";
import type { DeploymentEvent, DeploymentSource, IncidentEvent } from "../dora/compute.js";
import type { SelfIdentity } from "../markdown/ownership.js";

/**
 * The repository view: everything a use case reads about one repository, named for what it
 * means rather than for GitHub. The GitHub gateway (`src/github/`) implements it over the API;
 * the local view (`src/local/`) over git and the file system. A use case asks for the small
 * parts it reads (say `FileView & ConfigView`), so its unit test fakes only those.
 */

/** A file read at a ref. */
export interface FileContent {
  path: string;
  byteSize: number;
  /** The text; null when the file is binary or was not read (see `unread`). */
  text: string | null;
  /**
   * Why `text` is null: the source says the file is binary, it is over the `maxBytes` asked for,
   * or it is a symbolic link (never followed: it could point at secrets or a device).
   */
  unread?: "binary" | "too-large" | "symlink" | "unreadable";
  /** With `unread: "unreadable"`: what the system said (`EACCES: permission denied`). */
  problem?: string;
  /**
   * The exact bytes, kept only when `text` is not an exact decoding of them (invalid UTF-8, or a
   * byte order mark): validation reports those from the bytes. A clean file is held once, as text.
   */
  bytes?: Uint8Array;
}

export interface ContentRequest {
  files?: readonly string[];
  directories?: readonly string[];
  /** Files larger than this may be left unread (`unread: "too-large"`). */
  maxBytes?: number;
}

export interface RepositoryContents {
  /** The files asked for that exist (absent ones are simply missing). */
  files: Map<string, FileContent>;
  /** Entry names of each directory asked for (absent when the directory does not exist). */
  directories: Map<string, string[]>;
}

/** The ref meaning "the files as they are on disk now" (the local view's working tree). */
export const workingTree = "<working tree>";

export interface FileView {
  /** Files and directory listings at a ref, in as few round trips as the source allows. */
  readContents(ref: string, wanted: ContentRequest): Promise<RepositoryContents>;
}

/** The config files that apply to the repository. */
export interface ConfigSources {
  /** The repository's own config file at the ref, if any. */
  repository?: string;
  /** The organisation default: the same path in the owner's `.github` repository, if any. */
  organization?: string;
}

export interface ConfigView {
  readConfigSources(ref: string, path: string): Promise<ConfigSources>;
}

/** A file changed by a pull request or a local change. */
export interface ChangedFile {
  path: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previousPath?: string;
  additions: number;
  deletions: number;
  /** Unified diff of the file; absent for binary or very large diffs. */
  patch?: string;
}

/** A change under review: a pull request (`number`) or the working tree against a base. */
export interface ChangeRef {
  number?: number;
  baseSha: string;
  headSha: string;
}

export interface ChangeView {
  listChangedFiles(change: ChangeRef): Promise<ChangedFile[]>;
}

/** A branch head: the commit, and its tree (the base of the next commit) when the read already had it. */
export interface BranchHead {
  sha: string;
  tree?: string;
}

export interface BranchView {
  /** Where a branch points (the local view answers `workingTree`: what it reads and writes). */
  readHead(branch: string): Promise<BranchHead>;
}

/** Which deployments to read, as `dora.*` configures them. */
export interface DeploymentQuery {
  source: DeploymentSource;
  /** `deployments`: the environment. */
  environment: string;
  /** `tags`: the glob of release tags (unset: release-shaped tags, v1.2.3 or 1.2.3). */
  tagPattern?: string;
  /** `workflow-runs`: the deploying workflow (file name or id). */
  workflow?: string;
  /** `merges` and `workflow-runs`: the default branch. */
  branch: string;
  /** Read back at least until one successful deployment at or before this time (epoch ms). */
  since: number;
}

/** Which commits the change sets need: those reachable from the deployments. */
export interface HistoryRequest {
  /** The deployments' commits, newest first, with their deployment times. */
  tips: readonly { sha: string; time: number }[];
  /**
   * How far back a view that walks by time (GitHub) must read; it skips tips deployed before it.
   * A view that reads git itself returns the whole history of the tips.
   */
  since: number;
}

/** Deployments read, and what the source had that could not be one (a tag of a tree, say). */
export interface DeploymentRead {
  deployments: DeploymentEvent[];
  notes: string[];
}

export interface DeliveryView {
  readDeployments(query: DeploymentQuery): Promise<DeploymentRead>;
  /** Newest first in topological order where the source gives it. */
  readHistory(request: HistoryRequest): Promise<CommitInfo[]>;
  /**
   * The non-merge commits of the history of `request.tips` that change a file matching one of
   * `paths` (globs): a service's changes in a monorepo. Absent where the source cannot tell.
   */
  readTouchingCommits?(request: HistoryRequest & { paths: readonly string[] }): Promise<Set<string>>;
}

export interface IncidentView {
  /** Issues with the incident label updated since `since` (the local view has none). */
  listIncidentIssues(label: string, since: number): Promise<IncidentEvent[]>;
}

export interface BranchListView {
  /** Branches whose names start with `prefix` (the bot's own, e.g. `cto-copilot/incident-`). */
  listBranches(prefix: string): Promise<string[]>;
}

/** A pull request from one branch, in whatever state it was left. */
export interface PullRequestRecord {
  number: number;
  url: string;
  state: "open" | "closed" | "merged";
  /** When it was closed or merged (epoch ms). */
  closedAt?: number;
}

export interface PullRequestView {
  /** The open pull request from a branch, if any (the local view has none). */
  findOpenPullRequest(branch: string): Promise<{ number: number; url: string } | undefined>;
  /** The newest pull request ever opened from a branch, open, closed or merged (the local view has none). */
  findLatestPullRequest(branch: string): Promise<PullRequestRecord | undefined>;
}

/** Every file of a tree, for discovery; `truncated` when the source returned only part of a huge tree. */
export interface FileListing {
  /**
   * Every file, by directory ("" for the root) and name: the local view reads the names from each
   * directory as they are, and discovery looks at each name once (`filesByDirectory` groups paths).
   */
  byDirectory: FilesByDirectory;
  truncated: boolean;
}

export interface TreeView {
  /** Every file path at a ref (the local view: the files git tracks, or all files outside git). */
  listTree(ref: string): Promise<FileListing>;
}

export interface AuthorView {
  /**
   * The authors of the commits reachable from `branch` since `since` (epoch ms), newest first,
   * at most `limit` (then `truncated`). Raw as recorded: .mailmap is applied by discovery.
   */
  readCommitAuthors(
    branch: string,
    since: number,
    limit: number,
  ): Promise<{ commits: CommitAuthor[]; truncated: boolean }>;
}

export interface IssueHistoryView {
  /** An issue with its comments and its label, close and reopen events. */
  readIssueHistory(number: number): Promise<IssueHistory>;
  /** Whether a person may write to the repository (for authors whose association does not say). */
  canWrite(login: string): Promise<boolean>;
}

export interface SecurityView {
  /** Undefined when the view cannot tell (the token may not read it; the local view). */
  readBranchProtection(branch: string): Promise<boolean | undefined>;
  /** Undefined when the view cannot tell. */
  countOpenDependabotAlerts(): Promise<number | undefined>;
}

/** A comment the bot wrote on one topic of an issue or pull request (found by its hidden marker). */
export interface BotComment {
  id: number;
  body: string;
}

export interface CommentView {
  /** The bot's comment on `topic` of an issue or pull request, if it wrote one (the local view has none). */
  findComment(issueNumber: number, topic: string): Promise<BotComment | undefined>;
}

/** An issue as a sync reads it: the shape the debt planner takes, with who wrote it and who is assigned. */
export type IssueRecord = DebtIssue & { assignees?: string[] };

export interface IssueView {
  /** Every issue (not pull request) with the label, open and closed. */
  listIssuesWithLabel(label: string): Promise<IssueRecord[]>;
  /** Whether an issue of the repository can be assigned to a login (absent: the view cannot tell, assign no one). */
  canBeAssigned?(login: string): Promise<boolean>;
}

export interface IdentityView {
  /** Who this view's token writes as: what decides which issues and comments are ours (src/markdown/ownership.ts). */
  identity(): Promise<SelfIdentity>;
}

export type RepositoryView = FileView &
  IdentityView &
  ConfigView &
  ChangeView &
  BranchView &
  DeliveryView &
  IncidentView &
  IssueHistoryView &
  PullRequestView &
  BranchListView &
  SecurityView &
  IssueView &
  CommentView &
  TreeView &
  AuthorView;
