import type { CommitAuthor } from "../discovery/discover.js";
import type { CommitInfo } from "../dora/commit-graph.js";
import type { DeploymentEvent } from "../dora/compute.js";
import type { DeploymentRead } from "../ports/repository-view.js";
import { git, GitError, gitMaybe, type GitRun } from "./git.js";
import { commitsOfLog, historyLogFormat } from "./history-log.js";
import { readObjectTypes } from "./read-blobs.js";

/**
 * Release tags as deployments (the `tags` source): time is the tagger date of an annotated
 * tag, else the tagged commit's committer date. A tag of a tag is peeled to its commit; a tag
 * of a tree or a blob is no deployment, and is named in the notes.
 */
export async function readTagDeployments(
  root: string,
  matches: (name: string) => boolean,
  run: GitRun = {},
): Promise<DeploymentRead> {
  const format = [
    // The name without `refs/tags/`, never `:short`: that asks, for every tag, whether a branch
    // shares its name, and then says `tags/v1.2.0`, which no release pattern matches.
    "%(refname:lstrip=2)",
    "%(objecttype)",
    "%(objectname)",
    "%(*objecttype)",
    "%(*objectname)",
    "%(taggerdate:unix)",
    "%(committerdate:unix)",
    "%(*committerdate:unix)",
  ].join("%1f");
  const output = await git(root, ["for-each-ref", `--format=${format}`, "refs/tags"], run);
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
 * The whole history of the deployments' commits, newest first in topological order, in one read
 * (history-log.ts): with the commit each revert committed since `since` names in its body (an
 * older revert is still known by its `Revert "…"` subject).
 */
export async function readCommits(
  root: string,
  tips: readonly string[],
  since?: number,
  run: GitRun = {},
): Promise<CommitInfo[]> {
  if (tips.length === 0) return [];
  // Revisions as arguments: a thousand tags are 42 KB, far below the limit.
  const log = await git(root, ["log", "-z", "--topo-order", historyLogFormat, ...tips, "--"], {
    ...run,
    wholeRepository: true,
  });
  return commitsOfLog(log, tips, since);
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
