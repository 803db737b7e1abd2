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

// The separators of the record being read (-1 for each field it lacks): one array for all records.
const separators = new Int32Array(6);

/**
 * The commits of a history log, read in place: one pass, no split of the log or of each record
 * (reading a long history cost more than computing the metrics from it). A field a record lacks
 * reads as nothing. A revert's body names what it reverts (`revertOf`) when it was committed
 * since `since` and git's `--since` walk reaches it (see reachedSince); an older revert is still
 * known by its `Revert "…"` subject.
 */
export function commitsOfLog(log: string, tips: readonly string[], since: number | undefined): CommitInfo[] {
  const commits: CommitInfo[] = [];
  // Where each record's committer time starts (after its separator), or -1.
  const committed: number[] = [];
  const reverts: NamedRevert[] = [];
  // The markers are found by one native search over the whole log, not record by record.
  let marker = log.indexOf(revertMarker);
  for (let start = 0; start < log.length;) {
    let end = log.indexOf("\0", start);
    if (end < 0) end = log.length;
    if (end > start) {
      findSeparators(log, start, end);
      commits.push(commitIn(log, start, end));
      committed.push(separators[4]! < 0 ? -1 : separators[4]! + 1);
      if (marker >= 0 && marker < end) {
        const body = separators[5]! < 0 ? undefined : fieldFrom(log, separators[5]! + 1, end);
        const target = body === undefined ? undefined : revertedCommitIn(body);
        if (target) reverts.push({ index: commits.length - 1, target });
        marker = log.indexOf(revertMarker, end);
      }
    }
    start = end + 1;
  }
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

/** Fills `separators` with the record's first six field separators. */
function findSeparators(log: string, start: number, end: number): void {
  separators.fill(-1);
  let from = start;
  for (let k = 0; k < 6; k++) {
    const at = log.indexOf("\x1f", from);
    if (at < 0 || at >= end) return;
    separators[k] = at;
    from = at + 1;
  }
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

/** The commit of the record from `start` to `end` (exclusive), whose separators `separators` holds. */
function commitIn(log: string, start: number, end: number): CommitInfo {
  const afterSha = separators[0]!;
  const afterParents = separators[1]!;
  const afterTime = separators[2]!;
  const afterSubject = separators[3]!;
  const afterAuthor = separators[4]!;
  const sha = log.slice(start, afterSha < 0 ? end : afterSha).trim();
  const parentList = afterSha < 0 ? "" : log.slice(afterSha + 1, afterParents < 0 ? end : afterParents);
  const parents = parentList === "" ? [] : parentList.includes(" ") ? parentList.split(" ") : [parentList];
  const authorTime =
    afterParents < 0 ? Number.NaN : Number(log.slice(afterParents + 1, afterTime < 0 ? end : afterTime)) * 1000;
  const subject = afterTime < 0 ? "" : log.slice(afterTime + 1, afterSubject < 0 ? end : afterSubject);
  const author = afterSubject < 0 ? "" : log.slice(afterSubject + 1, afterAuthor < 0 ? end : afterAuthor);
  return author ? { sha, parents, authorTime, subject, author } : { sha, parents, authorTime, subject };
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
