import { createHash } from "node:crypto";
import {
  timestamp,
  type StoredComment,
  type StoredDeployment,
  type StoredIssue,
  type StoredIssueEvent,
  type StoredLabel,
  type StoredRelease,
} from "./objects.js";

/** File contents in a commit: text, or bytes for binary files. */
export type FileContent = string | Uint8Array;

/** A commit's author as git records it; `login` when the email belongs to a GitHub account. */
export interface CommitAuthor {
  name: string;
  email: string;
  login?: string;
}

/** Who commits when a test does not say: a human with a GitHub account. */
const defaultAuthor: CommitAuthor = { name: "Octo Cat", email: "octocat@example.com", login: "octocat" };

/** Who authors the commits the App writes through the git data API (an installation token's identity). */
const appAuthor: CommitAuthor = {
  name: "cto-copilot[bot]",
  email: "12345+cto-copilot[bot]@users.noreply.github.com",
  login: "cto-copilot[bot]",
};

export interface Commit {
  sha: string;
  tree: Map<string, FileContent>;
  parents: string[];
  message: string;
  date: string;
  author: CommitAuthor;
}

/** One entry of a git tree as GET /git/trees lists it (`path` relative to the listed tree). */
export interface TreeEntry {
  path: string;
  mode: "100644" | "040000";
  type: "blob" | "tree";
  sha: string;
  /** Blobs only: bytes. */
  size?: number;
}

/** A git tree with its object id, its subtrees already hashed. */
export interface TreeNode {
  sha: string;
  entries: { name: string; type: "blob" | "tree"; sha: string; size?: number; node?: TreeNode }[];
}

/** An installation of the App: its id (what access tokens are asked for) and the repositories it may reach. */
export interface Installation {
  id: number;
  /** The account the App is installed on (a user or an organization login). */
  account: string;
  accountType: "User" | "Organization";
  /** "all": its tokens reach every repository of the emulator; "selected": only `repositories`. */
  repositorySelection: "all" | "selected";
  /** What the installation payloads list (and, when "selected", all its tokens reach). */
  repositories: RepoState[];
  /** When the App was installed (`installation.created_at`); a reinstall is a new installation. */
  createdAt: string;
  /** Last change (`installation.updated_at`): `github.addToInstallation` moves it. */
  updatedAt: string;
}

export interface PullFile {
  filename: string;
  status: "added" | "removed" | "modified" | "renamed";
  additions: number;
  deletions: number;
  changes: number;
  patch?: string;
  sha: string;
}

export interface Pull {
  mergedAt?: string;
  mergeSha?: string;
  /** Set when the pull request was closed, merged or not. */
  closedAt?: string;
  createdAt: string;
  number: number;
  title: string;
  body: string;
  user: string;
  headSha: string;
  baseSha: string;
  headRef: string;
  baseRef: string;
  draft: boolean;
  labels: string[];
  files: PullFile[];
}

export interface CheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  started_at: string;
  completed_at: string | null;
  output: { title: string | null; summary: string | null; text: string | null };
  annotations: Record<string, unknown>[];
}

const gitSha = (text: string) => createHash("sha1").update(text).digest("hex");

/** git's object id of a file's contents (what `git hash-object` prints). */
export function blobSha(content: FileContent): string {
  const bytes = typeof content === "string" ? Buffer.from(content, "utf8") : Buffer.from(content);
  return createHash("sha1").update(`blob ${bytes.length}\0`).update(bytes).digest("hex");
}

export const byteSize = (content: FileContent) =>
  typeof content === "string" ? Buffer.byteLength(content) : content.length;

/** git orders a tree's entries by name, a subtree's name compared as if it ended with "/". */
const gitOrder = (a: { name: string; type: string }, b: { name: string; type: string }) => {
  const left = Buffer.from(a.type === "tree" ? `${a.name}/` : a.name);
  const right = Buffer.from(b.type === "tree" ? `${b.name}/` : b.name);
  return Buffer.compare(left, right);
};

/** Hashes a flat path -> contents map as git would store it: one tree object per directory. */
function hashTree(files: [string, FileContent][], registry: Map<string, TreeNode>): TreeNode {
  const blobs: TreeNode["entries"] = [];
  const dirs = new Map<string, [string, FileContent][]>();
  for (const [path, content] of files) {
    const slash = path.indexOf("/");
    if (slash < 0) blobs.push({ name: path, type: "blob", sha: blobSha(content), size: byteSize(content) });
    else {
      const name = path.slice(0, slash);
      let children = dirs.get(name);
      if (!children) dirs.set(name, (children = []));
      children.push([path.slice(slash + 1), content]);
    }
  }
  const trees = [...dirs].map(([name, children]) => {
    const node = hashTree(children, registry);
    return { name, type: "tree" as const, sha: node.sha, node };
  });
  const entries = [...blobs, ...trees].sort(gitOrder);
  const body = Buffer.concat(
    entries.flatMap((entry) => [
      Buffer.from(`${entry.type === "tree" ? "40000" : "100644"} ${entry.name}\0`),
      Buffer.from(entry.sha, "hex"),
    ]),
  );
  const sha = createHash("sha1").update(`tree ${body.length}\0`).update(body).digest("hex");
  const node = { sha, entries };
  registry.set(sha, node);
  return node;
}
const lines = (content: FileContent | undefined) =>
  content === undefined ? [] : typeof content === "string" ? content.split("\n") : [];

/** A naive unified diff (whole-file hunk): enough for tools that read +/- lines. */
function patchOf(
  before: FileContent | undefined,
  after: FileContent | undefined,
): { patch?: string; additions: number; deletions: number } {
  if (before instanceof Uint8Array || after instanceof Uint8Array) return { additions: 0, deletions: 0 };
  const old = lines(before);
  const next = lines(after);
  const removed = old.filter((line, index) => next[index] !== line);
  const added = next.filter((line, index) => old[index] !== line);
  const header = `@@ -1,${old.length} +1,${next.length} @@`;
  return {
    patch: [header, ...removed.map((line) => `-${line}`), ...added.map((line) => `+${line}`)].join("\n"),
    additions: added.length,
    deletions: removed.length,
  };
}

let repoIds = 1000;

/** One repository of the emulator: commits, branches, pull requests, check runs. */
export class RepoState {
  readonly id = repoIds++;
  readonly commits = new Map<string, Commit>();
  /** Branch tips. Read-only here: `moveBranch` and `deleteBranch` change them, so open pull requests follow. */
  readonly branches: ReadonlyMap<string, string> = new Map<string, string>();
  readonly pulls = new Map<number, Pull>();
  readonly checkRuns: CheckRun[] = [];
  readonly labels: StoredLabel[] = [];
  readonly issues = new Map<number, StoredIssue>();
  readonly comments: StoredComment[] = [];
  readonly issueEvents: StoredIssueEvent[] = [];
  /** Numbers of the pinned issues, in the order they were pinned (GitHub allows 3). */
  readonly pinnedIssues: number[] = [];
  /** Logins the collaborator-permission endpoint reports with write access. */
  readonly writers = new Set<string>();
  /** Other roles by login (lower case): "maintain" and "admin" may write, "triage" and "read" may not. The owner is admin. */
  readonly roles = new Map<string, "admin" | "maintain" | "write" | "triage" | "read">();
  private humanCommentIds = 1;
  readonly deployments: StoredDeployment[] = [];
  readonly releases: StoredRelease[] = [];
  /** Tags: lightweight (no date) or annotated (tagger date). */
  readonly tags = new Map<string, { sha: string; taggerDate?: string }>();
  readonly protectedBranches = new Set<string>();
  readonly workflowRuns: {
    id: number;
    workflow: string;
    runNumber: number;
    headSha: string;
    headBranch: string;
    conclusion: string;
    createdAt: string;
    updatedAt: string;
    title: string;
  }[] = [];
  /** Issues and pull requests share one number sequence, as on GitHub. */
  private lastNumber = 0;
  /** What GET /repos, GraphQL and the installation payloads report. */
  isPrivate = false;
  /** An archived repository is read-only on GitHub (GraphQL isArchived, REST archived). */
  isArchived = false;
  /** A fork of another repository (REST fork, GraphQL isFork). */
  isFork = false;
  /** Topics (REST topics), as GitHub stores them: lower case. */
  topics: string[] = [];
  private clock = Date.parse("2025-11-01T09:00:00Z");

  constructor(
    readonly owner: string,
    readonly name: string,
    readonly defaultBranch = "main",
  ) {}

  get fullName(): string {
    return `${this.owner}/${this.name}`;
  }

  /** Commits a change (null deletes a file) on a branch, returning the new sha. */
  commit(
    files: Record<string, FileContent | null>,
    options: {
      branch?: string;
      message?: string;
      parent?: string;
      date?: string;
      parents?: string[];
      /** Default: `defaultAuthor` (Octo Cat, login octocat). */
      author?: CommitAuthor;
    } = {},
  ): string {
    const branch = options.branch ?? this.defaultBranch;
    const parentSha = options.parent ?? this.branches.get(branch);
    const parent = parentSha ? this.commits.get(parentSha) : undefined;
    const tree = new Map(parent?.tree ?? []);
    for (const [path, content] of Object.entries(files)) {
      if (content === null) tree.delete(path);
      else tree.set(path, content);
    }
    this.clock = options.date ? Date.parse(options.date) : this.clock + 60_000;
    const date = new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
    const message = options.message ?? `Update ${Object.keys(files).join(", ")}`.slice(0, 200);
    const author = options.author ?? defaultAuthor;
    // The author counts only when it is not the default, so that existing shas stay as they were.
    const who = author === defaultAuthor ? "" : `\n${author.name} <${author.email}>`;
    const sha = gitSha(
      `${this.fullName}\n${parentSha ?? ""}\n${message}\n${date}\n${Object.keys(files).join("\n")}${who}`,
    );
    this.commits.set(sha, {
      sha,
      tree,
      parents: options.parents ?? (parentSha ? [parentSha] : []),
      message,
      date,
      author: { ...author },
    });
    this.moveBranch(branch, sha);
    return sha;
  }

  /**
   * Points a branch at a commit (a push, a ref update, a force-push). As on GitHub, an open pull
   * request from that branch follows it: its head, its files and its commits are the branch's.
   * A closed or merged one keeps the head it had.
   */
  moveBranch(branch: string, sha: string): void {
    (this.branches as Map<string, string>).set(branch, sha);
    for (const pull of this.pulls.values())
      if (pull.headRef === branch && this.pullState(pull) === "open") this.followHead(pull, sha);
  }

  /** Deletes a branch; pull requests from it keep their last head, as on GitHub. */
  deleteBranch(branch: string): void {
    (this.branches as Map<string, string>).delete(branch);
  }

  private followHead(pull: Pull, sha: string): void {
    if (pull.headSha === sha) return;
    pull.headSha = sha;
    pull.files = this.diff(pull.baseSha, sha);
  }

  /** The commits a pull request brings: reachable from its head, not from its base, newest first. */
  pullCommits(pull: Pull): Commit[] {
    const inBase = new Set<string>();
    for (const stack = [pull.baseSha]; stack.length > 0;) {
      const sha = stack.pop()!;
      if (inBase.has(sha)) continue;
      inBase.add(sha);
      stack.push(...(this.commits.get(sha)?.parents ?? []));
    }
    const commits: Commit[] = [];
    const seen = new Set<string>();
    for (const stack = [pull.headSha]; stack.length > 0;) {
      const sha = stack.pop()!;
      if (seen.has(sha) || inBase.has(sha)) continue;
      seen.add(sha);
      const commit = this.commits.get(sha);
      if (!commit) continue;
      commits.push(commit);
      stack.push(...commit.parents);
    }
    return commits;
  }

  /** Resolves a sha, a branch name or HEAD (also refs/heads/x, heads/x, and tags as refs/tags/x or tags/x). */
  resolve(ref: string): Commit | undefined {
    if (ref === "HEAD") ref = this.defaultBranch;
    const tag = /^(?:refs\/)?tags\/(.+)$/.exec(ref)?.[1];
    if (tag !== undefined) return this.commits.get(this.tags.get(tag)?.sha ?? "");
    return this.commits.get(this.branches.get(ref.replace(/^(?:refs\/)?heads\//, "")) ?? ref);
  }

  /** Opens a pull request whose head commit applies `files` to the default branch. */
  openPullRequest(
    files: Record<string, FileContent | null>,
    options: {
      title?: string;
      body?: string;
      user?: string;
      draft?: boolean;
      labels?: string[];
      branch?: string;
      /** The head commit's author; default `defaultAuthor`. */
      author?: CommitAuthor;
      /** Default: now. */
      createdAt?: string;
    } = {},
  ): Pull {
    const number = ++this.lastNumber;
    const baseSha = this.branches.get(this.defaultBranch)!;
    const headRef = options.branch ?? `feature-${number}`;
    const headSha = this.commit(files, {
      branch: headRef,
      parent: baseSha,
      message: options.title ?? `PR ${number}`,
      ...(options.author ? { author: options.author } : {}),
    });
    const pull: Pull = {
      number,
      createdAt: options.createdAt ?? timestamp(),
      title: options.title ?? `Pull request ${number}`,
      body: options.body ?? "",
      user: options.user ?? "octocat",
      headSha,
      baseSha,
      headRef,
      baseRef: this.defaultBranch,
      draft: options.draft ?? false,
      labels: options.labels ?? [],
      files: this.diff(baseSha, headSha),
    };
    this.pulls.set(number, pull);
    return pull;
  }

  createIssue(fields: {
    title: string;
    body?: string | null;
    labels?: string[];
    user?: string;
    createdAt?: string;
    /** The reporter's author association; OWNER when unset. */
    association?: string;
  }): StoredIssue {
    const number = ++this.lastNumber;
    const createdAt = fields.createdAt ?? timestamp();
    const issue: StoredIssue = {
      number,
      id: 50_000 + number,
      title: fields.title,
      body: fields.body ?? null,
      user: fields.user ?? "octocat",
      labels: fields.labels ?? [],
      state: "open",
      stateReason: null,
      createdAt,
      updatedAt: createdAt,
      closedAt: null,
      comments: 0,
      ...(fields.association !== undefined ? { association: fields.association } : {}),
    };
    for (const name of issue.labels) this.ensureLabel(name);
    this.issues.set(number, issue);
    for (const name of issue.labels)
      this.recordIssueEvent(number, "labeled", createdAt, { label: name, actor: issue.user });
    return issue;
  }

  recordIssueEvent(
    issue: number,
    event: StoredIssueEvent["event"],
    at: string,
    details: { label?: string; stateReason?: "completed" | "not_planned"; actor?: string } = {},
  ): void {
    this.issueEvents.push({
      id: 30_000 + this.issueEvents.length,
      issue,
      event,
      createdAt: at,
      actor: details.actor ?? "octocat",
      ...(details.label !== undefined ? { label: details.label } : {}),
      ...(details.stateReason !== undefined ? { stateReason: details.stateReason } : {}),
    });
  }

  /** A person adds a label to an issue at `at`. */
  labelIssue(number: number, name: string, at: string, actor = "octocat"): void {
    const issue = this.issues.get(number)!;
    const label = this.ensureLabel(name).name;
    if (issue.labels.includes(label)) return;
    issue.labels.push(label);
    issue.updatedAt = at;
    this.recordIssueEvent(number, "labeled", at, { label, actor });
  }

  unlabelIssue(number: number, name: string, at: string, actor = "octocat"): void {
    const issue = this.issues.get(number)!;
    const index = issue.labels.findIndex((label) => label.toLowerCase() === name.toLowerCase());
    if (index < 0) return;
    const [label] = issue.labels.splice(index, 1);
    issue.updatedAt = at;
    this.recordIssueEvent(number, "unlabeled", at, { label: label!, actor });
  }

  closeIssue(number: number, reason: "completed" | "not_planned", at: string, actor = "octocat"): void {
    const issue = this.issues.get(number)!;
    Object.assign(issue, { state: "closed", stateReason: reason, closedAt: at, updatedAt: at });
    this.recordIssueEvent(number, "closed", at, { stateReason: reason, actor });
  }

  reopenIssue(number: number, at: string, actor = "octocat"): void {
    const issue = this.issues.get(number)!;
    Object.assign(issue, { state: "open", stateReason: "reopened", closedAt: null, updatedAt: at });
    this.recordIssueEvent(number, "reopened", at, { actor });
  }

  /** A person's comment on an issue (association as GitHub would report it). */
  addComment(number: number, fields: { user: string; body: string; at: string; association?: string }): StoredComment {
    const comment: StoredComment = {
      id: 65_000 + this.humanCommentIds++,
      issue: number,
      body: fields.body,
      user: fields.user,
      createdAt: fields.at,
      updatedAt: fields.at,
      association: fields.association ?? "MEMBER",
    };
    this.comments.push(comment);
    this.issues.get(number)!.comments++;
    return comment;
  }

  editComment(id: number, body: string, at: string): StoredComment {
    const comment = this.comments.find((candidate) => candidate.id === id)!;
    Object.assign(comment, { body, updatedAt: at });
    return comment;
  }

  deleteComment(id: number): StoredComment {
    const index = this.comments.findIndex((candidate) => candidate.id === id);
    const [comment] = this.comments.splice(index, 1);
    this.issues.get(comment!.issue)!.comments--;
    return comment!;
  }

  ensureLabel(name: string): StoredLabel {
    let label = this.labels.find((candidate) => candidate.name.toLowerCase() === name.toLowerCase());
    if (!label) {
      label = { id: 70_000 + this.labels.length, name, color: "ededed", description: null };
      this.labels.push(label);
    }
    return label;
  }

  /** A deployment of `sha` with its statuses in order (e.g. ["in_progress", "success"]) at `at`. */
  addDeployment(sha: string, environment: string, states: string[], at: string): StoredDeployment {
    const id = 90_000 + this.deployments.length;
    const deployment: StoredDeployment = {
      id,
      sha,
      ref: sha,
      environment,
      createdAt: at,
      statuses: states.map((state, index) => ({ id: id * 10 + index, state, createdAt: at })),
    };
    this.deployments.push(deployment);
    return deployment;
  }

  addRelease(
    tagName: string,
    options: { draft?: boolean; prerelease?: boolean; publishedAt?: string; target?: string } = {},
  ): StoredRelease {
    const release: StoredRelease = {
      id: 80_000 + this.releases.length,
      tagName,
      name: tagName,
      draft: options.draft ?? false,
      prerelease: options.prerelease ?? false,
      createdAt: options.publishedAt ?? timestamp(),
      publishedAt: options.draft ? null : (options.publishedAt ?? timestamp()),
      targetCommitish: options.target ?? this.defaultBranch,
    };
    this.releases.push(release);
    return release;
  }

  /** Root trees (commits' trees and those created through the git data API) by their git object id. */
  readonly trees = new Map<string, Map<string, FileContent>>();
  /** Every tree hashed so far, subtrees included, by object id. */
  private readonly treeNodes = new Map<string, TreeNode>();
  private readonly commitTrees = new Map<string, string>();

  /** The git object id of a commit's root tree (real git hashing: equal contents, equal ids). */
  treeShaOf(commitSha: string): string {
    let sha = this.commitTrees.get(commitSha);
    if (!sha) {
      const tree = this.commits.get(commitSha)!.tree;
      sha = hashTree([...tree], this.treeNodes).sha;
      this.trees.set(sha, tree);
      this.commitTrees.set(commitSha, sha);
    }
    return sha;
  }

  /**
   * GET /git/trees/{tree_sha}: a tree's entries, depth first in git's order (a directory's own
   * "tree" entry, then its contents) when recursive, else one level. `treeish` may be a tree
   * id (root or subtree), a commit sha, a branch, HEAD or a tag. Undefined when nothing matches.
   */
  listTree(treeish: string, recursive: boolean): { sha: string; entries: TreeEntry[] } | undefined {
    let node = this.treeNodes.get(treeish);
    const root = this.trees.get(treeish);
    if (!node && root) node = hashTree([...root], this.treeNodes);
    if (!node) {
      const commit = this.resolve(treeish);
      if (!commit) return undefined;
      node = this.treeNodes.get(this.treeShaOf(commit.sha))!;
    }
    const entries: TreeEntry[] = [];
    const walk = (tree: TreeNode, prefix: string) => {
      for (const entry of tree.entries) {
        const path = `${prefix}${entry.name}`;
        if (entry.type === "blob")
          entries.push({ path, mode: "100644", type: "blob", sha: entry.sha, size: entry.size! });
        else {
          entries.push({ path, mode: "040000", type: "tree", sha: entry.sha });
          if (recursive) walk(entry.node!, `${path}/`);
        }
      }
    };
    walk(node, "");
    return { sha: node.sha, entries };
  }

  /** The hashed tree at `path` (a directory, "" for the root) of a commit, for GraphQL's Tree objects. */
  subtreeOf(commitSha: string, path: string): TreeNode | undefined {
    let node = this.treeNodes.get(this.treeShaOf(commitSha));
    for (const name of path === "" ? [] : path.split("/")) {
      node = node?.entries.find((entry) => entry.name === name && entry.type === "tree")?.node;
    }
    return node;
  }

  /** POST /git/trees: a new tree from a base tree and entries (content to write, sha null to delete). */
  createTree(
    baseTree: string | undefined,
    entries: { path: string; content?: string; sha?: string | null }[],
  ): string | undefined {
    const base = baseTree ? this.trees.get(baseTree) : new Map<string, FileContent>();
    if (!base) return undefined;
    const tree = new Map(base);
    for (const entry of entries) {
      if (entry.content !== undefined) tree.set(entry.path, entry.content);
      else if (entry.sha === null) tree.delete(entry.path);
    }
    const sha = hashTree([...tree], this.treeNodes).sha;
    this.trees.set(sha, tree);
    return sha;
  }

  /** POST /git/commits: a commit object that no branch points at yet (authored by the App unless told). */
  createCommitObject(
    treeSha: string,
    parents: string[],
    message: string,
    author: CommitAuthor = appAuthor,
  ): string | undefined {
    const tree = this.trees.get(treeSha);
    if (!tree || parents.some((parent) => !this.commits.has(parent))) return undefined;
    this.clock += 60_000;
    const date = new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
    const sha = gitSha(`${this.fullName}\n${parents.join(",")}\n${message}\n${date}\n${treeSha}`);
    this.commits.set(sha, { sha, tree: new Map(tree), parents, message, date, author: { ...author } });
    return sha;
  }

  /** Opens a pull request from an existing branch (what the createPullRequest mutation does). */
  openPullRequestFromBranch(headRef: string, title: string, body: string): Pull | undefined {
    const headSha = this.branches.get(headRef);
    const baseSha = this.branches.get(this.defaultBranch);
    if (!headSha || !baseSha) return undefined;
    const number = ++this.lastNumber;
    const pull: Pull = {
      number,
      createdAt: timestamp(),
      title,
      body,
      user: "cto-copilot[bot]",
      headSha,
      baseSha,
      headRef,
      baseRef: this.defaultBranch,
      draft: false,
      labels: [],
      files: this.diff(baseSha, headSha),
    };
    this.pulls.set(number, pull);
    return pull;
  }

  /** Merges a pull request into the default branch with a merge commit at `date` (default: the repository's clock). */
  mergePullRequest(number: number, date?: string, author: CommitAuthor = defaultAuthor): string {
    const pull = this.pulls.get(number)!;
    const base = this.branches.get(this.defaultBranch)!;
    const head = this.commits.get(pull.headSha)!;
    const sha = this.commit(Object.fromEntries(head.tree), {
      message: `Merge pull request #${number} from ${pull.headRef}`,
      ...(date !== undefined ? { date } : {}),
      parents: [base, pull.headSha],
      author,
    });
    const at = this.commits.get(sha)!.date;
    pull.mergedAt = at;
    pull.closedAt = at;
    pull.mergeSha = sha;
    return sha;
  }

  /** Closes a pull request without merging it, as a person would with "Close pull request". */
  closePull(number: number, at: string = timestamp()): Pull {
    const pull = this.pulls.get(number);
    if (!pull) throw new Error(`no pull request #${number} in ${this.fullName}`);
    if (pull.mergedAt) throw new Error(`pull request #${number} is merged`);
    pull.closedAt ??= at;
    return pull;
  }

  /** Reopens a pull request closed unmerged. */
  reopenPull(number: number): Pull {
    const pull = this.pulls.get(number);
    if (!pull) throw new Error(`no pull request #${number} in ${this.fullName}`);
    if (pull.mergedAt) throw new Error(`pull request #${number} is merged`);
    delete pull.closedAt;
    // Reopened, it takes up its branch where the branch is now.
    const tip = this.branches.get(pull.headRef);
    if (tip) this.followHead(pull, tip);
    return pull;
  }

  /** Pushes a commit to a pull request's branch (what a `synchronize` reports); an open pull request follows it. */
  pushToPullRequest(
    number: number,
    files: Record<string, FileContent | null>,
    options: { author?: CommitAuthor } = {},
  ): Pull {
    const pull = this.pulls.get(number)!;
    this.commit(files, {
      branch: pull.headRef,
      parent: this.branches.get(pull.headRef) ?? pull.headSha,
      ...(options.author ? { author: options.author } : {}),
    });
    return pull;
  }

  /** "open", "closed" (unmerged) or "merged". */
  pullState(pull: Pull): "open" | "closed" | "merged" {
    return pull.mergedAt ? "merged" : pull.closedAt ? "closed" : "open";
  }

  private diff(baseSha: string, headSha: string): PullFile[] {
    const base = this.commits.get(baseSha)!.tree;
    const head = this.commits.get(headSha)!.tree;
    const paths = [...new Set([...base.keys(), ...head.keys()])].sort();
    const files: PullFile[] = [];
    for (const path of paths) {
      const before = base.get(path);
      const after = head.get(path);
      if (before === after) continue;
      const status = before === undefined ? "added" : after === undefined ? "removed" : "modified";
      const { patch, additions, deletions } = patchOf(before, after);
      files.push({
        filename: path,
        status,
        additions,
        deletions,
        changes: additions + deletions,
        ...(patch !== undefined ? { patch } : {}),
        sha: gitSha(String(after ?? before)),
      });
    }
    return files;
  }
}
