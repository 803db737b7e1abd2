import type { CommitAuthor } from "../discovery/discover.js";
import type { CommitInfo } from "../dora/commit-graph.js";
import type { DeploymentEvent } from "../dora/compute.js";
import { revertedCommitIn } from "../dora/remediation.js";
import type { DeploymentRead } from "../ports/repository-view.js";
import { git, GitError, gitMaybe } from "./git.js";
import { readObjectTypes } from "./read-blobs.js";

/**
 * Release tags as deployments (the `tags` source): time is the tagger date of an annotated
 * tag, else the tagged commit's committer date. A tag of a tag is peeled to its commit; a tag
 * of a tree or a blob is no deployment, and is named in the notes.
 */
export async function readTagDeployments(root: string, matches: (name: string) => boolean): Promise<DeploymentRead> {
  const format = [
    "%(refname:short)",
    "%(objecttype)",
    "%(objectname)",
    "%(*objecttype)",
    "%(*objectname)",
    "%(taggerdate:unix)",
    "%(committerdate:unix)",
    "%(*committerdate:unix)",
  ].join("%1f");
  const output = await git(root, ["for-each-ref", `--format=${format}`, "refs/tags"]);
  const deployments: DeploymentEvent[] = [];
  const notes: string[] = [];
  const nested: { name: string; object: string; seconds: number }[] = [];
  for (const line of output.split("\n").filter(Boolean)) {
    const [name, type, object, peeledType, peeled, taggerDate, committerDate, peeledCommitterDate] = line.split("\x1f");
    if (!name || !matches(name)) continue;
    const deployment = (sha: string, seconds: number): DeploymentEvent => ({
      ref: name,
      sha,
      time: seconds * 1000,
      environment: "production",
      status: "success",
      markers: [name],
    });
    if (type === "commit") deployments.push(deployment(object!, Number(committerDate)));
    else if (type === "tag" && peeledType === "commit")
      deployments.push(deployment(peeled!, Number(taggerDate || peeledCommitterDate)));
    else if (type === "tag" && peeledType === "tag")
      nested.push({ name, object: object!, seconds: Number(taggerDate) });
    else notes.push(`tag ${name} points at a ${peeledType || type}, not a commit: skipped`);
  }
  // Tags of tags (of tags…): peel each to its commit in one batch.
  const peeledNested = await readObjectTypes(
    root,
    nested.map((tag) => `${tag.object}^{commit}`),
  );
  for (const [index, tag] of nested.entries()) {
    const commit = peeledNested[index];
    if (commit?.type !== "commit") notes.push(`tag ${tag.name} does not lead to a commit: skipped`);
    else
      deployments.push({
        ref: tag.name,
        sha: commit.sha,
        time: tag.seconds * 1000,
        environment: "production",
        status: "success",
        markers: [tag.name],
      });
  }
  return { deployments, notes };
}

/**
 * The whole history of the deployments' commits, newest first in topological order. Two reads
 * in parallel: the history, and the messages of the reverts committed since `since` (the commit
 * each one names; an older revert is still known by its `Revert "…"` subject).
 */
export async function readCommits(root: string, tips: readonly string[], since?: number): Promise<CommitInfo[]> {
  if (tips.length === 0) return [];
  // Revisions as arguments: a thousand tags are 42 KB, far below the limit.
  const revisions = [...tips, "--"];
  const recent = since === undefined ? [] : [`--since=${Math.floor(since / 1000)}`];
  const [log, reverts] = await Promise.all([
    git(root, ["log", "-z", "--topo-order", "--format=%H%x1f%P%x1f%at%x1f%s%x1f%an <%ae>", ...revisions]),
    git(root, ["log", "-z", "--format=%H%x1f%b", "--grep=^This reverts commit [0-9a-f]", ...recent, ...revisions]),
  ]);
  const revertOf = new Map<string, string>();
  for (const record of reverts.split("\0")) {
    const [sha, body] = record.split("\x1f");
    const target = body ? revertedCommitIn(body) : undefined;
    if (sha && target) revertOf.set(sha.trim(), target);
  }
  return commitsIn(log, revertOf);
}

/**
 * The commits of a history log (NUL-terminated records of `%H %P %at %s %an <%ae>` separated by
 * \x1f), read in place: one pass, no split of the log or of each record (reading a long history
 * cost more than computing the metrics from it). A field a record lacks reads as nothing.
 */
function commitsIn(log: string, revertOf: ReadonlyMap<string, string>): CommitInfo[] {
  const commits: CommitInfo[] = [];
  for (let start = 0; start < log.length;) {
    let end = log.indexOf("\0", start);
    if (end < 0) end = log.length;
    if (end > start) commits.push(commitIn(log, start, end, revertOf));
    start = end + 1;
  }
  return commits;
}

/** Where the field that starts at `from` ends: the next separator within the record, or -1 when it is the last. */
function fieldEnd(log: string, from: number, end: number): number {
  const at = log.indexOf("\x1f", from);
  return at < 0 || at >= end ? -1 : at;
}

/** The commit of the record from `start` to `end` (exclusive). */
function commitIn(log: string, start: number, end: number, revertOf: ReadonlyMap<string, string>): CommitInfo {
  const afterSha = fieldEnd(log, start, end);
  const afterParents = afterSha < 0 ? -1 : fieldEnd(log, afterSha + 1, end);
  const afterTime = afterParents < 0 ? -1 : fieldEnd(log, afterParents + 1, end);
  const afterSubject = afterTime < 0 ? -1 : fieldEnd(log, afterTime + 1, end);
  const afterAuthor = afterSubject < 0 ? -1 : fieldEnd(log, afterSubject + 1, end);
  const sha = log.slice(start, afterSha < 0 ? end : afterSha).trim();
  const parentList = afterSha < 0 ? "" : log.slice(afterSha + 1, afterParents < 0 ? end : afterParents);
  const parents = parentList === "" ? [] : parentList.includes(" ") ? parentList.split(" ") : [parentList];
  const authorTime =
    afterParents < 0 ? Number.NaN : Number(log.slice(afterParents + 1, afterTime < 0 ? end : afterTime)) * 1000;
  const subject = afterTime < 0 ? "" : log.slice(afterTime + 1, afterSubject < 0 ? end : afterSubject);
  const author = afterSubject < 0 ? "" : log.slice(afterSubject + 1, afterAuthor < 0 ? end : afterAuthor);
  const commit: CommitInfo = author
    ? { sha, parents, authorTime, subject, author }
    : { sha, parents, authorTime, subject };
  const target = revertOf.size > 0 ? revertOf.get(sha) : undefined;
  if (target) commit.revertOf = target;
  return commit;
}

/** The authors of up to `limit` commits reachable from `revision` since `since`, newest first, raw (no .mailmap). */
export async function readCommitAuthors(
  root: string,
  revision: string,
  since: number,
  limit: number,
): Promise<{ commits: CommitAuthor[]; truncated: boolean }> {
  // %an/%ae, not %aN/%aE: discovery applies .mailmap itself, so git and GitHub count alike.
  const log = await gitMaybe(root, [
    "log",
    "-z",
    "--format=%an%x1f%ae",
    `--since=${Math.floor(since / 1000)}`,
    `--max-count=${limit + 1}`,
    "--end-of-options",
    revision,
    "--",
  ]);
  if (log === undefined) throw new GitError(`${root} has no git history to read the team from`);
  const commits = log
    .split("\0")
    .filter(Boolean)
    .map((record) => {
      const [name, email] = record.replace(/^\n/, "").split("\x1f");
      return { name: name ?? "", email: email ?? "" };
    });
  return { commits: commits.slice(0, limit), truncated: commits.length > limit };
}
