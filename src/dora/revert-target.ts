import type { CommitGraph, CommitInfo } from "./commit-graph.js";
import { describe, revertClaim, type RevertClaim } from "./remediation.js";

/** What a revert undoes, and how that was told; or why it undoes nothing that can be found. */
export type RevertFinding =
  | { target: CommitInfo; by: "named commit" | "quoted subject" | "description" | "pull request"; claim: RevertClaim }
  | { target: undefined; why: string; claim: RevertClaim };

/** What a commit reverts, when it is a revert (undefined when it is none). */
export type RevertTarget = (revert: CommitInfo) => RevertFinding | undefined;

/**
 * The commit a revert undoes, always an ancestor of the revert: the one its message names
 * (`git revert`; an abbreviated sha is resolved); else the latest-authored earlier commit with
 * the subject it quotes (exactly, else as a description: `feat: x (#12)` is quoted as `x`);
 * else the one its conventional `revert: <description>` describes; else the pull request it
 * names (`(#12)` at the end of a squash merge, or `Merge pull request #12`). A named commit
 * outside the history (a squashed branch's own commit) is no target; with nothing else to go
 * on, the revert undoes nothing that can be found. The indexes are built once, when the first
 * revert needs them.
 */
export function revertTargets(graph: CommitGraph): RevertTarget {
  let texts: ReturnType<typeof revertTexts> | undefined;
  let bySubject: Map<string, CommitInfo[]> | undefined;
  let byDescription: Map<string, CommitInfo[]> | undefined;
  let byPullRequest: Map<number, CommitInfo[]> | undefined;
  const earlier = (revert: CommitInfo, candidates: readonly CommitInfo[] | undefined, exactly?: string) => {
    const ancestors = (candidates ?? []).filter(
      (candidate) => candidate !== revert && graph.isAncestor(candidate.sha, revert.sha),
    );
    return ancestors.find((candidate) => candidate.subject === exactly) ?? ancestors[0];
  };
  return (revert) => {
    const claim = revertClaim(revert);
    if (!claim) return undefined;
    if (claim.named !== undefined) {
      const named = graph.resolve(claim.named);
      if (named && named !== revert && graph.isAncestor(named.sha, revert.sha))
        return { target: named, by: "named commit", claim };
    }
    const text = claim.quoted ?? claim.described;
    if (text !== undefined) {
      bySubject ??= quotedSubjects(graph, (texts ??= revertTexts(graph)).quoted);
      const exact = claim.quoted !== undefined ? earlier(revert, bySubject.get(claim.quoted)) : undefined;
      if (exact) return { target: exact, by: "quoted subject", claim };
      byDescription ??= describedSubjects(graph, (texts ??= revertTexts(graph)).described);
      const found = earlier(revert, byDescription.get(describe(text)), claim.quoted);
      if (found) return { target: found, by: claim.quoted !== undefined ? "quoted subject" : "description", claim };
    }
    for (const number of claim.pullRequests) {
      byPullRequest ??= index(graph, pullRequestOf);
      const found = earlier(revert, byPullRequest.get(number));
      if (found) return { target: found, by: "pull request", claim };
    }
    const why =
      claim.named !== undefined
        ? `it names ${claim.named.slice(0, 7)}, a commit not in the history it was released from (a squashed branch's own commit?)`
        : "what it reverts is not in the history";
    return { target: undefined, why, claim };
  };
}

/** The pull request a commit merged: `Merge pull request #12 from …`, or `… (#12)` at the end of a squash merge. */
function pullRequestOf(commit: CommitInfo): number[] {
  const merged = /^Merge pull request #(\d+)\b/.exec(commit.subject) ?? /\(#(\d+)\)\s*$/.exec(commit.subject);
  return merged ? [Number(merged[1])] : [];
}

/** The reverts of the history and what they quote or describe: the keys the indexes below need, no more. */
function revertTexts(graph: CommitGraph): { quoted: Set<string>; described: Set<string> } {
  const quoted = new Set<string>();
  const described = new Set<string>();
  for (let i = 0; i < graph.size; i++) {
    const commit = graph.at(i);
    if (commit.revertOf === undefined && !/revert/i.test(commit.subject)) continue;
    const claim = revertClaim(commit);
    if (claim?.quoted !== undefined) quoted.add(claim.quoted);
    const text = claim?.quoted ?? claim?.described;
    if (text !== undefined) described.add(describe(text));
  }
  return { quoted, described };
}

/** The commits whose exact subject some revert quotes, latest-authored first. */
function quotedSubjects(graph: CommitGraph, quoted: ReadonlySet<string>): Map<string, CommitInfo[]> {
  return index(graph, (commit) => (quoted.has(commit.subject) ? [commit.subject] : []));
}

/**
 * The commits whose description (describe()) some revert quotes or describes. Describing every
 * subject of a long history is slow, so a subject is described only when its end, the part a
 * description keeps, matches the end of a wanted one.
 */
function describedSubjects(graph: CommitGraph, described: ReadonlySet<string>): Map<string, CommitInfo[]> {
  const tail = 8;
  const ends = new Set([...described].map((text) => text.slice(-tail)));
  const lengths = [...new Set([...described].map((text) => Math.min(tail, text.length)))];
  return index(graph, (commit) => {
    const end = withoutSuffixes(commit.subject);
    if (!lengths.some((length) => ends.has(end.slice(-length).toLowerCase()))) return [];
    const description = describe(commit.subject);
    return described.has(description) ? [description] : [];
  });
}

/** A subject without the pull requests and the closing quote that end it, quickly. */
function withoutSuffixes(subject: string): string {
  let end = subject.trimEnd();
  while (end.endsWith(")") && /\(#\d+\)$/.test(end)) end = end.slice(0, end.lastIndexOf("(#")).trimEnd();
  return /["'`\u201d]$/.test(end) ? end.slice(0, -1).trimEnd() : end;
}

/** Commits by key, latest-authored first: one pass over the history instead of a walk per revert. */
function index<K>(graph: CommitGraph, keys: (commit: CommitInfo) => K[]): Map<K, CommitInfo[]> {
  const byKey = new Map<K, CommitInfo[]>();
  for (let i = 0; i < graph.size; i++) {
    const commit = graph.at(i);
    for (const key of keys(commit)) {
      const list = byKey.get(key);
      if (list) list.push(commit);
      else byKey.set(key, [commit]);
    }
  }
  for (const list of byKey.values()) list.sort((a, b) => b.authorTime - a.authorTime || (a.sha < b.sha ? -1 : 1));
  return byKey;
}
