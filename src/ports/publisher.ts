import type { CheckRunPlan, ExistingCheckRun } from "../report/check-run.js";
import type { BotComment, BranchHead } from "./repository-view.js";

/**
 * The publisher: everything a use case writes. GitHub implements all of it (`src/github/`);
 * the CLI writes files (`src/local/`) and presents the rest in the terminal. A use case asks
 * for the parts it writes.
 */

export interface CheckPublisher {
  /** The newest check run of this name on a commit, if any. */
  findCheckRun(sha: string, name: string): Promise<ExistingCheckRun | undefined>;
  createCheckRun(plan: CheckRunPlan): Promise<number>;
}

export type UpsertResult =
  { id: number; action: "created" | "updated" | "unchanged" } | { id: undefined; action: "absent" };

export interface CommentPublisher {
  /**
   * One comment per issue or PR per topic, found by a hidden marker and edited in place (left as
   * it is when the text is the same). `existing` is the comment as the caller already read it
   * (`CommentView.findComment`; null: read, and there is none), so deciding the body and writing
   * it cost one listing; left out, the publisher looks for it itself.
   */
  upsertComment(
    issueNumber: number,
    topic: string,
    body: string,
    options?: { createIfMissing?: boolean; existing?: BotComment | null },
  ): Promise<UpsertResult>;
}

/** Files to write together, on top of the head they were computed from. */
export interface FileWrite {
  /** The branch the files belong on, and its head when they were read. */
  branch: string;
  head: BranchHead;
  files: Record<string, string>;
  message: string;
  /** Commit on `branch` itself, or on a bot branch with one pull request into `branch`. */
  via:
    | { kind: "push" }
    | {
        kind: "pull-request";
        branch: string;
        title: string;
        body: string;
        /** The bot branch's earlier work is over (its pull request was closed): start it again from `head`. */
        restart?: boolean;
      };
}

export interface FileWriteResult {
  /** Where the files went: the commit and branch (GitHub), or the working tree. */
  branch: string;
  sha?: string;
  pullRequest?: { number: number; url: string; created: boolean };
  paths: string[];
}

export interface FilePublisher {
  /** Writes all files or none; throws StaleBranchError when the branch moved since `head` was read. */
  writeFiles(write: FileWrite): Promise<FileWriteResult>;
}

export interface IssuePublisher {
  /** Creates the labels that do not exist yet, with their colour and description. */
  ensureLabels(labels: readonly { name: string; color: string; description: string }[]): Promise<void>;
  createIssue(fields: { title: string; body: string; labels: string[]; assignees?: string[] }): Promise<number>;
  updateIssue(
    number: number,
    fields: {
      title?: string;
      body?: string;
      labels?: string[];
      assignees?: string[];
      state?: "open" | "closed";
      stateReason?: "completed" | "not_planned";
    },
  ): Promise<void>;
  commentOnIssue(number: number, body: string): Promise<void>;
  /** Pins an issue to the top of the repository's issue list (nothing when it already is); GitHub may refuse (at most 3 pinned issues). */
  pinIssue(number: number): Promise<void>;
}

export type Publisher = CheckPublisher & CommentPublisher & FilePublisher & IssuePublisher;

/** The branch moved between reading and writing: someone else committed. */
export class StaleBranchError extends Error {
  constructor(branch: string) {
    super(`branch ${branch} moved while the files were being written`);
  }
}

/** True when the publisher was refused for lack of permission (a read-only token, e.g. on fork PRs: HTTP 403). */
export function isReadOnlyRefusal(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 403;
}
