import { execFileSync } from "node:child_process";
import semver from "semver";

/**
 * A second, deliberately simple implementation of docs/dora.md's definitions for the tags source,
 * asking git everything, one question at a time: `git rev-list` for each change set,
 * `git merge-base --is-ancestor` for each release line, `git log` for each revert's message.
 * Slow and obviously right; the test suite holds the real implementation to it.
 */
interface ReferenceDeployment {
  ref: string;
  sha: string;
  time: number;
  changes: string[];
  line: string | null;
  remediation: boolean;
  failed: boolean;
  repairedBy: string | null;
}

export interface ReferenceResult {
  /** Every deployment up to `now`, in deployment order. */
  deployments: ReferenceDeployment[];
  inWindow: ReferenceDeployment[];
  leadTimeHours: number[];
  restoreHours: number[];
  failed: number;
  remediations: number;
}

const releaseShaped = /^v?\d+\.\d+\.\d+$/;

export function referenceDora(root: string, options: { now: number; windowDays: number }): ReferenceResult {
  const git = (args: string[]) =>
    execFileSync("git", args, {
      cwd: root,
      encoding: "utf8",
      maxBuffer: 1 << 28,
      stdio: ["ignore", "pipe", "pipe"],
    }).trim();
  const tryGit = (args: string[]) => {
    try {
      return git(args) || undefined;
    } catch {
      return undefined;
    }
  };
  const isAncestor = (a: string, b: string) => {
    try {
      execFileSync("git", ["merge-base", "--is-ancestor", a, b], { cwd: root, stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  const start = options.now - options.windowDays * 86_400_000;
  const inWindow = (time: number) => time > start && time <= options.now;

  // Tags: release-shaped names; time = the (outermost) tagger date, else the commit's date; peeled to commits.
  const tags = git(["for-each-ref", "--format=%(refname:short) %(objecttype) %(taggerdate:unix)", "refs/tags"])
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .filter(([name]) => releaseShaped.test(name!))
    .flatMap(([name, type, taggerDate]) => {
      let sha: string;
      try {
        sha = git(["rev-parse", "--verify", "--quiet", `${name}^{commit}`]);
      } catch {
        return []; // not a commit
      }
      const time = (type === "tag" ? Number(taggerDate) : Number(git(["log", "-1", "--format=%ct", sha]))) * 1000;
      return [{ ref: name!, sha, time }];
    })
    .filter((tag) => tag.time <= options.now);
  tags.sort(
    (a, b) => a.time - b.time || semver.compare(semver.clean(a.ref)!, semver.clean(b.ref)!) || (a.ref < b.ref ? -1 : 1),
  );

  const shippedBy = new Map<string, number>(); // commit -> index of the deployment that shipped it first
  const deployments: ReferenceDeployment[] = [];
  tags.forEach((tag, index) => {
    const earlier = tags.slice(0, index).map((other) => other.sha);
    const reached =
      index === 0
        ? []
        : git(["rev-list", tag.sha, "--not", ...earlier, "--"])
            .split("\n")
            .filter(Boolean);
    const shipped = index === 0 ? git(["rev-list", tag.sha, "--"]).split("\n").filter(Boolean) : reached;
    for (const sha of shipped) shippedBy.set(sha, index);
    const changes =
      index === 0
        ? []
        : git(["rev-list", "--no-merges", tag.sha, "--not", ...earlier, "--"])
            .split("\n")
            .filter(Boolean);
    let line: number | null = null;
    for (let j = index - 1; j >= 0 && line === null; j--) if (isAncestor(tags[j]!.sha, tag.sha)) line = j;
    deployments.push({
      ref: tag.ref,
      sha: tag.sha,
      time: tag.time,
      changes,
      line: line === null ? null : tags[line]!.ref,
      remediation: false,
      failed: false,
      repairedBy: null,
    });

    if (index === 0 || !inWindow(tag.time)) return; // only the window's remediations matter to the figures and the evidence
    const repaired: (number | "before")[] = [];
    for (const sha of changes) {
      const message = git(["log", "-1", "--format=%B", sha]);
      const subject = message.split("\n")[0]!;
      const named = /^This reverts commit ([0-9a-f]+)/m.exec(message)?.[1];
      const quoted = /^Revert "(.*)"$/.exec(subject)?.[1];
      if (!named && quoted === undefined) continue;
      let target = named ? (tryGit(["rev-parse", "--verify", "--quiet", `${named}^{commit}`]) ?? named) : undefined;
      if (!target) {
        // Named no commit: the latest-authored earlier commit with the quoted subject.
        const candidates = git(["log", "--format=%H %at %s", `${sha}^@`, "--"])
          .split("\n")
          .map((row) => row.split(" "))
          .filter((row) => row.slice(2).join(" ") === quoted);
        candidates.sort((a, b) => Number(b[1]) - Number(a[1]) || (a[0]! < b[0]! ? -1 : 1));
        target = candidates[0]?.[0];
      }
      if (target && changes.includes(target)) continue; // undoes a change of its own
      repaired.push(target !== undefined && shippedBy.has(target) ? shippedBy.get(target)! : "before");
    }
    if (repaired.length === 0) {
      const hotfix = changes.some((sha) => {
        const subject = git(["log", "-1", "--format=%s", sha]);
        return (
          /^hotfix(\([^)]*\))?!?:/i.test(subject) ||
          /^\[hotfix\]/i.test(subject) ||
          /^Merge (branch '|pull request #\d+ from [^\s/]+\/)hotfix[/-]/i.test(subject)
        );
      });
      if (hotfix || /hotfix/i.test(tag.ref)) repaired.push(line ?? "before");
    }
    if (repaired.length === 0) return;
    deployments[index]!.remediation = true;
    for (const target of repaired) {
      if (target === "before" || target === index || deployments[target]!.failed) continue;
      deployments[target]!.failed = true;
      deployments[target]!.repairedBy = tag.ref;
    }
  });

  const windowed = deployments.filter((deployment) => inWindow(deployment.time));
  const leadTimeHours = windowed.flatMap((deployment) =>
    deployment.changes.map(
      (sha) => Math.max(0, deployment.time - Number(git(["log", "-1", "--format=%at", sha])) * 1000) / 3_600_000,
    ),
  );
  const restoreHours = windowed
    .filter((deployment) => deployment.failed)
    .flatMap((deployment) => {
      const repairer = deployments.find((other) => other.ref === deployment.repairedBy);
      return repairer ? [(repairer.time - deployment.time) / 3_600_000] : [];
    });
  return {
    deployments,
    inWindow: windowed,
    leadTimeHours,
    restoreHours,
    failed: windowed.filter((deployment) => deployment.failed).length,
    remediations: windowed.filter((deployment) => deployment.remediation).length,
  };
}
