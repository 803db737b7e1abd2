import type { CommitGraph, CommitInfo } from "./commit-graph.js";
import { describe, revertClaim, type RevertClaim } from "./remediation.js";

/** What a revert undoes, and how that was told; or why it undoes nothing that can be found. */
type RevertFinding =
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
export function revertTargets(graph: CommitGraph, candidates: readonly CommitInfo[]): RevertTarget {
  const claims = new Map<CommitInfo, RevertClaim>();
  for (const commit of candidates) {
    const claim = revertClaim(commit);
    if (claim) claims.set(commit, claim);
  }
  let bySubject: { exact: Map<string, CommitInfo[]>; described: Map<string, CommitInfo[]> } | undefined;
  let byPullRequest: Map<number, CommitInfo[]> | undefined;
  const earlier = (revert: CommitInfo, found: readonly CommitInfo[] | undefined, exactly?: string) => {
    const ancestors = (found ?? []).filter(
      (candidate) => candidate !== revert && graph.isAncestor(candidate.sha, revert.sha),
    );
    return ancestors.find((candidate) => candidate.subject === exactly) ?? ancestors[0];
  };
  const wanted = () => {
    const quoted = new Set<string>();
    const described = new Set<string>();
    for (const claim of claims.values()) {
      if (claim.quoted !== undefined) quoted.add(claim.quoted);
      const text = claim.quoted ?? claim.described;
      if (text !== undefined) described.add(describe(text));
    }
    return { quoted, described };
  };
  return (revert) => {
    const claim = claims.get(revert) ?? revertClaim(revert);
    if (!claim) return undefined;
    if (claim.named !== undefined) {
      const named = graph.resolve(claim.named);
      if (named && named !== revert && graph.isAncestor(named.sha, revert.sha))
        return { target: named, by: "named commit", claim };
    }
    const text = claim.quoted ?? claim.described;
    if (text !== undefined) {
      bySubject ??= subjectIndexes(graph, wanted());
      const exact = claim.quoted !== undefined ? earlier(revert, bySubject.exact.get(claim.quoted)) : undefined;
      if (exact) return { target: exact, by: "quoted subject", claim };
      const found = earlier(revert, bySubject.described.get(describe(text)), claim.quoted);
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
function pullRequestOf(commit: CommitInfo): number | undefined {
  const merged = /^Merge pull request #(\d+)\b/.exec(commit.subject) ?? /\(#(\d+)\)\s*$/.exec(commit.subject);
  return merged ? Number(merged[1]) : undefined;
}

/**
 * In one pass over the history, latest-authored first: the commits whose exact subject a revert
 * quotes, and those whose description (describe()) a revert quotes or describes. Describing
 * every subject of a long history is slow, so a subject is described only when it ends like a
 * wanted description (compared in place, without copying the subject).
 */
function subjectIndexes(
  graph: CommitGraph,
  wanted: { quoted: ReadonlySet<string>; described: ReadonlySet<string> },
): { exact: Map<string, CommitInfo[]>; described: Map<string, CommitInfo[]> } {
  const byLastCharacter = new Map<number, string[]>();
  for (const text of wanted.described) {
    const last = text.charCodeAt(text.length - 1);
    byLastCharacter.set(last, [...(byLastCharacter.get(last) ?? []), text]);
  }
  const exact = new Map<string, CommitInfo[]>();
  const described = new Map<string, CommitInfo[]>();
  const add = (map: Map<string, CommitInfo[]>, key: string, commit: CommitInfo) => {
    const list = map.get(key);
    if (list) list.push(commit);
    else map.set(key, [commit]);
  };
  for (let i = 0; i < graph.size; i++) {
    const commit = graph.at(i);
    const subject = commit.subject;
    if (wanted.quoted.has(subject)) add(exact, subject, commit);
    // Most subjects end in neither a space, a `)` nor a quote: their description ends where they do.
    const lastCode = subject.charCodeAt(subject.length - 1);
    const plain =
      lastCode > 32 && lastCode !== 41 && lastCode !== 34 && lastCode !== 39 && lastCode !== 96 && lastCode !== 0x201d;
    const end = plain ? subject.length : descriptionEnd(subject);
    if (end === 0) continue;
    const last = subject.charCodeAt(end - 1);
    const candidates =
      byLastCharacter.get(last >= 65 && last <= 90 ? last + 32 : last) ??
      (last > 127
        ? byLastCharacter.get(
            subject
              .charAt(end - 1)
              .toLowerCase()
              .charCodeAt(0),
          )
        : undefined);
    if (!candidates?.some((text) => endsWithIgnoringCase(subject, end, text))) continue;
    const description = describe(subject);
    if (wanted.described.has(description)) add(described, description, commit);
  }
  for (const map of [exact, described])
    for (const list of map.values()) list.sort((a, b) => b.authorTime - a.authorTime || (a.sha < b.sha ? -1 : 1));
  return { exact, described };
}

/** Where a subject's description ends: before the trailing spaces, pull requests `(#12)` and a closing quote. */
function descriptionEnd(subject: string): number {
  let end = subject.length;
  for (;;) {
    while (end > 0 && subject.charCodeAt(end - 1) <= 32) end--;
    if (subject.charAt(end - 1) !== ")") break;
    let i = end - 2;
    while (i >= 0 && subject.charCodeAt(i) >= 48 && subject.charCodeAt(i) <= 57) i--;
    if (i === end - 2 || subject.charAt(i) !== "#" || subject.charAt(i - 1) !== "(") break;
    end = i - 1;
  }
  if (end > 0 && `"'\`\u201d`.includes(subject.charAt(end - 1))) end--;
  while (end > 0 && subject.charCodeAt(end - 1) <= 32) end--;
  return end;
}

function endsWithIgnoringCase(subject: string, end: number, text: string): boolean {
  const start = end - text.length;
  if (start < 0) return false;
  for (let i = 0; i < text.length; i++) {
    const a = subject.charCodeAt(start + i);
    const b = text.charCodeAt(i);
    if (a === b) continue;
    if (a >= 65 && a <= 90 && a + 32 === b) continue;
    if (a > 127 && subject.charAt(start + i).toLowerCase() === text.charAt(i)) continue;
    return false;
  }
  return true;
}

/** Commits by key, latest-authored first: one pass over the history instead of a walk per revert. */
function index<K>(graph: CommitGraph, keyOf: (commit: CommitInfo) => K | undefined): Map<K, CommitInfo[]> {
  const byKey = new Map<K, CommitInfo[]>();
  for (let i = 0; i < graph.size; i++) {
    const commit = graph.at(i);
    const key = keyOf(commit);
    if (key === undefined) continue;
    const list = byKey.get(key);
    if (list) list.push(commit);
    else byKey.set(key, [commit]);
  }
  for (const list of byKey.values()) list.sort((a, b) => b.authorTime - a.authorTime || (a.sha < b.sha ? -1 : 1));
  return byKey;
}
