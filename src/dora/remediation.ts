import type { CommitInfo } from "./commit-graph.js";

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export interface RemediationMatchers {
  /**
   * A commit whose *type* is a hotfix: `hotfix: …`, `hotfix(scope): …`, `hotfix!: …`,
   * `[hotfix] …`, or a merge of a `hotfix/…` branch. The word elsewhere in a subject
   * (`fix(formdata): add hotfix to use …`) is not a hotfix.
   */
  hotfixCommit(subject: string): boolean;
  /** A ref (tag, branch, PR label) that names a hotfix: the pattern anywhere in it. */
  hotfixMarker(text: string): boolean;
}

/** Matchers for `dora.hotfixPattern` (case-insensitive). */
export function remediationMatchers(pattern = "hotfix"): RemediationMatchers {
  const word = escape(pattern);
  const commitType = new RegExp(`^(?:${word}(?:\\([^)]*\\))?!?:|\\[${word}\\])`, "i");
  const mergeOfBranch = new RegExp(
    `^Merge (?:branch '|remote-tracking branch '[^/']+/|pull request #\\d+ from [^\\s/]+/)${word}[/-]`,
    "i",
  );
  const marker = new RegExp(word, "i");
  return {
    hotfixCommit: (subject) => commitType.test(subject) || mergeOfBranch.test(subject),
    hotfixMarker: (text) => marker.test(text),
  };
}

/** The line `git revert` writes into the message: `This reverts commit <sha>.` */
const revertLine = /^This reverts commit ([0-9a-f]{7,64})\b/m;

/** The commit a revert's message body names, if it names one. */
export function revertedCommitIn(body: string): string | undefined {
  return revertLine.exec(body)?.[1];
}

/** `Revert "<subject>"`: the subject of the commit a revert undoes. */
const revertSubject = /^Revert "(.*)"$/;

/** Whether a commit is a revert: its subject says so, or its message names the commit it reverts. */
export function isRevert(commit: CommitInfo): boolean {
  return commit.revertOf !== undefined || revertSubject.test(commit.subject);
}

/** The subject a revert quotes, for finding what it reverts when its message names no commit. */
export function revertedSubject(commit: CommitInfo): string | undefined {
  return revertSubject.exec(commit.subject)?.[1];
}
