import type { CommitInfo } from "../dora/commit-graph.js";
import { revertedCommitIn } from "../dora/remediation.js";

/**
 * One read of the history: each commit's sha, parents, author time, subject, author, committer
 * time and body, NUL-terminated records of \x1f-separated fields. The body rides along for the
 * reverts that name their commit in it: printing it costs git nothing next to reading the commits,
 * where a second `git log --grep` walked them again (a quarter more git CPU on real histories).
 */
export const historyLogFormat = "--format=%H%x1f%P%x1f%at%x1f%s%x1f%an <%ae>%x1f%ct%x1f%b";

/** What every body line `git revert` writes starts with; a body without it names no reverted commit. */
const revertMarker = "This reverts commit ";

/** A commit whose body names the commit it reverts. */
interface NamedRevert {
  index: number;
  target: string;
}

/**
 * The commits of a history log, read in place: one pass, no split of the log or of each record
 * (reading a long history cost more than computing the metrics from it). A field a record lacks
 * reads as nothing. A revert's body names what it reverts (`revertOf`) when it was committed
 * since `since` and git's `--since` walk reaches it (see reachedSince); an older revert is still
 * known by its `Revert "…"` subject.
 */
export function commitsOfLog(log: string, tips: readonly string[], since: number | undefined): CommitInfo[] {
  const { commits, committed, reverts } = readRecords(log);
  if (reverts.length === 0) return commits;
  const reached =
    since === undefined
      ? undefined
      : reachedSince(commits, tips, reverts.at(-1)!.index, (index) => {
          const from = committed[index]!;
          return from >= 0 && Number(fieldFrom(log, from, recordEnd(log, from))) >= Math.floor(since / 1000);
        });
  for (const { index, target } of reverts) if (!reached || reached[index] === 1) commits[index]!.revertOf = target;
  return commits;
}

/**
 * Every record's commit, where its committer time starts (-1: none), and the reverts its body
 * names. One function with one loop and no calls of ours inside: the optimising compiler then
 * compiles it once, instead of each helper and the loop again with the helpers inlined.
 */
function readRecords(log: string): { commits: CommitInfo[]; committed: number[]; reverts: NamedRevert[] } {
  const commits: CommitInfo[] = [];
  const committed: number[] = [];
  const reverts: NamedRevert[] = [];
  // The markers are found by one native search over the whole log, not record by record.
  let marker = log.indexOf(revertMarker);
  for (let start = 0, end = 0; start < log.length; start = end + 1) {
    end = log.indexOf("\0", start);
    if (end < 0) end = log.length;
    if (end === start) continue;
    // Each field's separator, -1 for a field the record lacks.
    let afterSha = log.indexOf("\x1f", start);
    if (afterSha >= end) afterSha = -1;
    let afterParents = afterSha < 0 ? -1 : log.indexOf("\x1f", afterSha + 1);
    if (afterParents >= end) afterParents = -1;
    let afterTime = afterParents < 0 ? -1 : log.indexOf("\x1f", afterParents + 1);
    if (afterTime >= end) afterTime = -1;
    let afterSubject = afterTime < 0 ? -1 : log.indexOf("\x1f", afterTime + 1);
    if (afterSubject >= end) afterSubject = -1;
    let afterAuthor = afterSubject < 0 ? -1 : log.indexOf("\x1f", afterSubject + 1);
    if (afterAuthor >= end) afterAuthor = -1;
    let afterCommitted = afterAuthor < 0 ? -1 : log.indexOf("\x1f", afterAuthor + 1);
    if (afterCommitted >= end) afterCommitted = -1;
    const sha = log.slice(start, afterSha < 0 ? end : afterSha).trim();
    const parentList = afterSha < 0 ? "" : log.slice(afterSha + 1, afterParents < 0 ? end : afterParents);
    const parents = parentList === "" ? [] : parentList.includes(" ") ? parentList.split(" ") : [parentList];
    const authorTime =
      afterParents < 0 ? Number.NaN : Number(log.slice(afterParents + 1, afterTime < 0 ? end : afterTime)) * 1000;
    const subject = afterTime < 0 ? "" : log.slice(afterTime + 1, afterSubject < 0 ? end : afterSubject);
    const author = afterSubject < 0 ? "" : log.slice(afterSubject + 1, afterAuthor < 0 ? end : afterAuthor);
    commits.push(author ? { sha, parents, authorTime, subject, author } : { sha, parents, authorTime, subject });
    committed.push(afterAuthor < 0 ? -1 : afterAuthor + 1);
    if (marker >= 0 && marker < end) {
      const target = afterCommitted < 0 ? undefined : revertedCommitIn(fieldFrom(log, afterCommitted + 1, end));
      if (target) reverts.push({ index: commits.length - 1, target });
      marker = log.indexOf(revertMarker, end);
    }
  }
  return { commits, committed, reverts };
}

/** Where the record around `at` ends. */
function recordEnd(log: string, at: number): number {
  const end = log.indexOf("\0", at);
  return end < 0 ? log.length : end;
}

/** The field that starts at `from`: up to the next separator, or the record's end. */
function fieldFrom(log: string, from: number, end: number): string {
  const next = log.indexOf("\x1f", from);
  return log.slice(from, next < 0 || next > end ? end : next);
}

/**
 * Which commits, up to index `last`, `git log --since` reaches from the tips: git walks from each
 * tip, and a commit committed before `since` is neither shown nor walked past, so a newer commit
 * behind it (a clock off) is reached only along another path. In one pass over the log's
 * topological order (every child before its parents).
 */
function reachedSince(
  commits: readonly CommitInfo[],
  tips: readonly string[],
  last: number,
  isRecent: (index: number) => boolean,
): Uint8Array {
  const reached = new Uint8Array(last + 1);
  const walkedTo = new Set(tips);
  for (let i = 0; i <= last; i++) {
    const commit = commits[i]!;
    if (!walkedTo.has(commit.sha) || !isRecent(i)) continue;
    reached[i] = 1;
    for (const parent of commit.parents) walkedTo.add(parent);
  }
  return reached;
}
