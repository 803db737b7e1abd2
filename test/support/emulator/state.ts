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

export interface Commit {
  sha: string;
  tree: Map<string, FileContent>;
  parents: string[];
  message: string;
  date: string;
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

export const gitSha = (text: string) => createHash("sha1").update(text).digest("hex");
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
  readonly branches = new Map<string, string>();
  readonly pulls = new Map<number, Pull>();
  readonly checkRuns: CheckRun[] = [];
  readonly labels: StoredLabel[] = [];
  readonly issues = new Map<number, StoredIssue>();
  readonly comments: StoredComment[] = [];
  readonly issueEvents: StoredIssueEvent[] = [];
  /** Logins the collaborator-permission endpoint reports with write access. */
  readonly writers = new Set<string>();
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
    options: { branch?: string; message?: string; parent?: string; date?: string; parents?: string[] } = {},
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
    const sha = gitSha(`${this.fullName}\n${parentSha ?? ""}\n${message}\n${date}\n${Object.keys(files).join("\n")}`);
    this.commits.set(sha, { sha, tree, parents: options.parents ?? (parentSha ? [parentSha] : []), message, date });
    this.branches.set(branch, sha);
    return sha;
  }

  /** Resolves a sha, a branch name or HEAD. */
  resolve(ref: string): Commit | undefined {
    if (ref === "HEAD") ref = this.defaultBranch;
    return this.commits.get(this.branches.get(ref.replace(/^refs\/heads\//, "")) ?? ref);
  }

  /** Opens a pull request whose head commit applies `files` to the default branch. */
  openPullRequest(
    files: Record<string, FileContent | null>,
    options: { title?: string; body?: string; user?: string; draft?: boolean; labels?: string[]; branch?: string } = {},
  ): Pull {
    const number = ++this.lastNumber;
    const baseSha = this.branches.get(this.defaultBranch)!;
    const headRef = options.branch ?? `feature-${number}`;
    const headSha = this.commit(files, { branch: headRef, parent: baseSha, message: options.title ?? `PR ${number}` });
    const pull: Pull = {
      number,
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

  /** Trees created through the git data API (and commits' trees, by their synthetic sha). */
  readonly trees = new Map<string, Map<string, FileContent>>();

  treeShaOf(commitSha: string): string {
    const sha = gitSha(`tree:${commitSha}`);
    if (!this.trees.has(sha)) this.trees.set(sha, this.commits.get(commitSha)!.tree);
    return sha;
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
    const sha = gitSha(`tree:${[...tree].map(([path, content]) => `${path}\0${String(content)}`).join("\n")}`);
    this.trees.set(sha, tree);
    return sha;
  }

  /** POST /git/commits: a commit object that no branch points at yet. */
  createCommitObject(treeSha: string, parents: string[], message: string): string | undefined {
    const tree = this.trees.get(treeSha);
    if (!tree || parents.some((parent) => !this.commits.has(parent))) return undefined;
    this.clock += 60_000;
    const date = new Date(this.clock).toISOString().replace(/\.\d{3}Z$/, "Z");
    const sha = gitSha(`${this.fullName}\n${parents.join(",")}\n${message}\n${date}\n${treeSha}`);
    this.commits.set(sha, { sha, tree: new Map(tree), parents, message, date });
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

  /** Merges a pull request into the default branch with a merge commit at `date`. */
  mergePullRequest(number: number, date: string): string {
    const pull = this.pulls.get(number)!;
    const base = this.branches.get(this.defaultBranch)!;
    const head = this.commits.get(pull.headSha)!;
    const sha = this.commit(Object.fromEntries(head.tree), {
      message: `Merge pull request #${number} from ${pull.headRef}`,
      date,
      parents: [base, pull.headSha],
    });
    pull.mergedAt = date;
    pull.mergeSha = sha;
    return sha;
  }

  /** Adds commits to a pull request's branch (a `synchronize`). */
  pushToPullRequest(number: number, files: Record<string, FileContent | null>): Pull {
    const pull = this.pulls.get(number)!;
    pull.headSha = this.commit(files, { branch: pull.headRef, parent: pull.headSha });
    pull.files = this.diff(pull.baseSha, pull.headSha);
    return pull;
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
