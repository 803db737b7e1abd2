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

/** What a revert says it undoes: a commit it names, a subject it quotes, a description, pull requests. */
export interface RevertClaim {
  /** The sha its message names (`This reverts commit <sha>.`), possibly abbreviated. */
  named?: string;
  /** The subject it quotes (`Revert "<subject>"`, `fix: revert "<subject>"`). */
  quoted?: string;
  /** What a conventional `revert: <description>` describes, unquoted. */
  described?: string;
  /** Pull requests it names (`revert: #12`, `revert "feat: x (#12)"`). */
  pullRequests: number[];
  /** Which form told it is a revert, for the evidence. */
  form: "git revert" | 'Revert "…"' | "revert: type" | "revert in a fix";
}

/** Squash merges end a subject with their pull request: `feat: x (#12)`. */
const ownPullRequest = /\s\(#\d+\)$/;
const githubRevert = /^Revert "(.*)"$/;
const conventionalRevert = /^revert(?:\([^)]*\))?!?:\s*(.+)$/i;
/** `fix: revert "x"`, `chore(deps): revert, "x"`: a revert in another type's clothes; the quotes are required. */
const revertInAnotherType = /^[a-z]+(?:\([^)]*\))?!?:\s*revert\b[,:]?\s*(.*)$/i;
const quotes = /^["'`\u201c](.*)["'`\u201d]$/;

/**
 * Whether a commit is a revert, and what it claims to undo: a body line naming a commit (`git
 * revert`), `Revert "<subject>"` (git and GitHub's Revert button), a conventional `revert:`
 * type, or another type whose description starts with revert and quotes a subject or names a
 * pull request (`fix: revert "feat: x (#12)"`, `refactor: revert #12`). `fix(deps): revert
 * lexer to 2.1.0` quotes nothing and names nothing: a downgrade, no revert.
 */
export function revertClaim(commit: CommitInfo): RevertClaim | undefined {
  if (commit.revertOf === undefined && !/revert/i.test(commit.subject)) return undefined;
  const subject = commit.subject.replace(ownPullRequest, "");
  const named = commit.revertOf !== undefined ? { named: commit.revertOf } : {};
  const github = githubRevert.exec(subject);
  if (github) return { ...named, quoted: github[1]!, pullRequests: pullRequestsIn(github[1]!), form: 'Revert "…"' };
  const conventional = conventionalRevert.exec(subject);
  if (conventional) {
    const text = conventional[1]!.trim();
    const quoted = quotes.exec(text)?.[1];
    return {
      ...named,
      ...(quoted !== undefined ? { quoted } : { described: text }),
      pullRequests: pullRequestsIn(text),
      form: "revert: type",
    };
  }
  const inAnotherType = revertInAnotherType.exec(subject);
  if (inAnotherType) {
    const text = inAnotherType[1]!.trim();
    const quoted = /["\u201c](.*)["\u201d]/.exec(text)?.[1];
    const pullRequests = pullRequestsIn(text);
    if (quoted !== undefined || pullRequests.length > 0 || commit.revertOf !== undefined)
      return { ...named, ...(quoted !== undefined ? { quoted } : {}), pullRequests, form: "revert in a fix" };
    return undefined;
  }
  return commit.revertOf !== undefined ? { named: commit.revertOf, pullRequests: [], form: "git revert" } : undefined;
}

function pullRequestsIn(text: string): number[] {
  return [...text.matchAll(/#(\d+)\b/g)].map((match) => Number(match[1]));
}

/**
 * A subject as a description, for matching what a revert describes to what it reverts: no
 * conventional type, no trailing pull request, no quotes, lower case (`feat(x): Add y (#12)` is
 * `add y`).
 */
export function describe(subject: string): string {
  let text = subject.trim();
  while (text.endsWith(")") && /\(#\d+\)$/.test(text)) text = text.slice(0, text.lastIndexOf("(#")).trimEnd();
  text = text.replace(/^[a-z]+(?:\([^)]*\))?!?:\s*/i, "");
  const quoted = quotes.exec(text)?.[1];
  return (quoted ?? text).trim().toLowerCase();
}

/**
 * Release commits: what a release tool commits to cut a release (a version bump, a changelog),
 * not a change anyone waited for. By subject: `chore(release): 1.2.3`, `chore(main): release
 * 1.2.3` (release-please), `chore: release v1.2.3`, `Version Packages` (changesets), `release:
 * v1.2.3`, `[Release] v1.2.3`, a bare version (`npm version`); or by a bot author (`…[bot]`,
 * `semantic-release-bot`) whose subject speaks of a release or version. `chore: release notes`
 * is a change.
 */
const releaseSubject =
  /^(?:chore(?:\([^)]*\))?!?:\s*(?:release\s+v?\d|version packages\b)|chore\(release\)|version packages\b|\[release\]\s*v?\d|release(?:\([^)]*\))?:?\s+v?\d+\.\d+|v?\d+\.\d+\.\d+(?:-[\w.]+)?$)/i;
const botAuthor = /\[bot\]|semantic-release-bot|^github-actions\b/i;

export function isReleaseCommit(commit: CommitInfo): boolean {
  if (releaseSubject.test(commit.subject)) return true;
  return (
    commit.author !== undefined && botAuthor.test(commit.author) && /\b(?:release|version)\b/i.test(commit.subject)
  );
}
