import picomatch from "picomatch";
import type { CommitInfo } from "../dora/commit-graph.js";
import type { DeploymentEvent } from "../dora/compute.js";
import { git } from "./git.js";

/**
 * Release tags as deployments (the `tags` source): time is the tagger date of an annotated
 * tag, else the tagged commit's committer date.
 */
export async function readTagDeployments(root: string, pattern: string): Promise<DeploymentEvent[]> {
  const format = [
    "%(refname:short)",
    "%(objecttype)",
    "%(objectname)",
    "%(*objectname)",
    "%(taggerdate:unix)",
    "%(committerdate:unix)",
    "%(*committerdate:unix)",
  ].join("%1f");
  const output = await git(root, ["for-each-ref", `--format=${format}`, "refs/tags"]);
  const matches = picomatch(pattern);
  const deployments: DeploymentEvent[] = [];
  for (const line of output.split("\n").filter(Boolean)) {
    const [name, type, object, peeled, taggerDate, committerDate, peeledCommitterDate] = line.split("\x1f");
    if (!name || !matches(name)) continue;
    const annotated = type === "tag";
    const sha = annotated ? peeled : object;
    const seconds = Number(annotated ? taggerDate || peeledCommitterDate : committerDate);
    if (!sha || !seconds) continue; // a tag of a tree or blob is no deployment
    deployments.push({
      ref: name,
      sha,
      time: seconds * 1000,
      environment: "production",
      status: "success",
      markers: [name],
    });
  }
  return deployments;
}

/**
 * The commits the change sets need: history of the given tips, stopping at `exclude` tips
 * (reads only what the window needs, not the whole repository).
 */
export async function readCommits(
  root: string,
  tips: readonly string[],
  exclude: readonly string[] = [],
): Promise<CommitInfo[]> {
  if (tips.length === 0) return [];
  const output = await git(root, [
    "log",
    "-z",
    "--topo-order",
    "--format=%H%x1f%P%x1f%at%x1f%s",
    ...tips,
    ...(exclude.length > 0 ? ["--not", ...exclude] : []),
    "--",
  ]);
  return output
    .split("\0")
    .filter(Boolean)
    .map((record) => {
      const [sha, parents, authorTime, subject] = record.split("\x1f");
      return {
        sha: sha!.trim(),
        parents: parents ? parents.split(" ").filter(Boolean) : [],
        authorTime: Number(authorTime) * 1000,
        subject: subject ?? "",
      };
    });
}
