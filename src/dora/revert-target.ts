import type { CommitGraph, CommitInfo } from "./commit-graph.js";
import { revertedSubject } from "./remediation.js";

/** The sha of the commit a revert undoes, when it can be told. */
export type RevertTarget = (revert: CommitInfo) => string | undefined;

/**
 * The commit a revert undoes: the one its message names (`git revert`), else (GitHub's revert
 * button names a pull request) the latest-authored earlier commit with the quoted subject. The
 * index of quoted subjects is built once, when the first revert that names no commit needs it.
 */
export function revertTargets(graph: CommitGraph): RevertTarget {
  let quotedSubjects: Map<string, CommitInfo[]> | undefined;
  return (revert) => {
    if (revert.revertOf) return graph.get(revert.revertOf)?.sha ?? revert.revertOf;
    const subject = revertedSubject(revert);
    if (subject === undefined) return undefined;
    const candidates = (quotedSubjects ??= commitsByQuotedSubject(graph)).get(subject) ?? [];
    return candidates.find((candidate) => candidate !== revert && graph.isAncestor(candidate.sha, revert.sha))?.sha;
  };
}

/**
 * The commits whose subject some revert in the history quotes, latest-authored first, by
 * subject: two passes over the history, once, instead of a walk per revert.
 */
function commitsByQuotedSubject(graph: CommitGraph): Map<string, CommitInfo[]> {
  const bySubject = new Map<string, CommitInfo[]>();
  for (let i = 0; i < graph.size; i++) {
    const quoted = revertedSubject(graph.at(i));
    if (quoted !== undefined) bySubject.set(quoted, []);
  }
  for (let i = 0; i < graph.size; i++) bySubject.get(graph.at(i).subject)?.push(graph.at(i));
  for (const list of bySubject.values()) list.sort((a, b) => b.authorTime - a.authorTime || (a.sha < b.sha ? -1 : 1));
  return bySubject;
}
