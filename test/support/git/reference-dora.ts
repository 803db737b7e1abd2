import { execFileSync } from "node:child_process";
import picomatch from "picomatch";
import semver from "semver";

/**
 * A second, deliberately simple implementation of docs/dora.md's definitions for the tags source,
 * asking git everything, one question at a time: `git rev-list` for each change set,
 * `git merge-base --is-ancestor` for each release line and each revert's target, `git log` for
 * each commit's message, `git diff-tree` for the files a service's commits touch. Slow and
 * obviously right; the test suite holds the real implementation to it.
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
  /** A misplaced tag: ships nothing, is nobody's line. */
  misplaced: boolean;
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

export interface ReferenceOptions {
  now: number;
  windowDays: number;
  /** Which tags are deployments (default: release-shaped, v1.2.3 or 1.2.3). */
  tagPattern?: string;
  /** A service: only commits touching these globs are changes. */
  paths?: string[];
}

const releaseShaped = /^v?\d+\.\d+\.\d+$/;

type Git = (args: string[]) => string;

function gitIn(root: string): {
  git: Git;
  tryGit: (args: string[]) => string | undefined;
  isAncestor: (a: string, b: string) => boolean;
} {
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
  return { git, tryGit, isAncestor };
}

const versionOf = (ref: string) => semver.valid(ref.replace(/^[^\d]*(?=\d)/, ""));

/** Tags, peeled to commits, in deployment order; of two on one commit at the same second, the first. */
function readTags(git: Git, options: ReferenceOptions) {
  const selected = options.tagPattern ? picomatch(options.tagPattern) : (name: string) => releaseShaped.test(name);
  const tags = git(["for-each-ref", "--format=%(refname:short) %(objecttype) %(taggerdate:unix)", "refs/tags"])
    .split("\n")
    .filter(Boolean)
    .map((line) => line.split(" "))
    .filter(([name]) => selected(name!))
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
  tags.sort((a, b) => {
    if (a.time !== b.time) return a.time - b.time;
    const [va, vb] = [versionOf(a.ref), versionOf(b.ref)];
    if (va && vb && va !== vb) return semver.compare(va, vb);
    return a.ref < b.ref ? -1 : 1;
  });
  return tags.filter((tag, i) => !tags.slice(0, i).some((other) => other.sha === tag.sha && other.time === tag.time));
}

/** Misplaced tags, by index: neighbours on a line whose version order contradicts their commits' order. */
function misplacedIndexes(
  tags: { ref: string; sha: string }[],
  isAncestor: (a: string, b: string) => boolean,
): Set<number> {
  const misplaced = new Set<number>();
  for (let i = 1; i < tags.length; i++) {
    const [a, b] = [tags[i - 1]!, tags[i]!];
    const [va, vb] = [versionOf(a.ref), versionOf(b.ref)];
    if (a.sha === b.sha || misplaced.has(i - 1) || !va || !vb) continue;
    const deployedBefore = tags.slice(0, i).some((tag) => tag.sha === b.sha);
    if (semver.gt(vb, va) && !deployedBefore && isAncestor(b.sha, a.sha)) misplaced.add(i);
    else if (semver.gt(va, vb) && isAncestor(a.sha, b.sha)) misplaced.add(i - 1);
  }
  return misplaced;
}

const isReleaseCommit = (subject: string, author: string) =>
  /^chore\(release\)/i.test(subject) ||
  /^chore(\([^)]*\))?!?: *(release +v?\d|version packages\b)/i.test(subject) ||
  /^\[release\] *v?\d/i.test(subject) ||
  /^version packages\b/i.test(subject) ||
  /^release(\([^)]*\))?:? +v?\d+\.\d+/i.test(subject) ||
  /^v?\d+\.\d+\.\d+(-[\w.]+)?$/.test(subject) ||
  (/\[bot\]|semantic-release-bot|^github-actions/i.test(author) && /\b(release|version)\b/i.test(subject));

/** `feat(x): Add y (#12)` -> `add y`. */
function plain(subject: string): string {
  let text = subject.trim();
  for (;;) {
    const stripped = text.replace(/\s*\(#\d+\)$/, "");
    if (stripped === text) break;
    text = stripped;
  }
  text = text.replace(/^[a-z]+(\([^)]*\))?!?:\s*/i, "");
  const quoted = /^["'`“](.*)["'`”]$/.exec(text);
  return (quoted ? quoted[1]! : text).trim().toLowerCase();
}

/** What a commit reverts: undefined when it is no revert; null when it is one whose target cannot be found. */
function revertTarget(
  git: Git,
  tryGit: (args: string[]) => string | undefined,
  isAncestor: (a: string, b: string) => boolean,
  sha: string,
): string | null | undefined {
  const message = git(["log", "-1", "--format=%B", sha]);
  const subject = message.split("\n")[0]!.replace(/ \(#\d+\)$/, "");
  const named = /^This reverts commit ([0-9a-f]{7,64})/m.exec(message)?.[1];
  let quoted: string | undefined;
  let described: string | undefined;
  let numbers: number[] = [];
  let m: RegExpExecArray | null;
  if ((m = /^Revert "(.*)"$/.exec(subject))) {
    quoted = m[1]!;
    numbers = [...quoted.matchAll(/#(\d+)\b/g)].map((x) => Number(x[1]));
  } else if ((m = /^revert(\([^)]*\))?!?:\s*(.+)$/i.exec(subject))) {
    const text = m[2]!.trim();
    const q = /^["'`“](.*)["'`”]$/.exec(text);
    if (q) quoted = q[1];
    else described = text;
    numbers = [...text.matchAll(/#(\d+)\b/g)].map((x) => Number(x[1]));
  } else if ((m = /^[a-z]+(\([^)]*\))?!?:\s*revert\b[,:]?\s*(.*)$/i.exec(subject))) {
    const text = m[2]!;
    quoted = /["“](.*)["”]/.exec(text)?.[1];
    numbers = [...text.matchAll(/#(\d+)\b/g)].map((x) => Number(x[1]));
    if (quoted === undefined && numbers.length === 0 && !named) return undefined;
  } else if (!named) return undefined;

  if (named) {
    const target = tryGit(["rev-parse", "--verify", "--quiet", `${named}^{commit}`]);
    if (target && target !== sha && isAncestor(target, sha)) return target;
  }
  // Earlier commits, latest-authored first.
  const earlier = git(["log", "--format=%H %at %s", `${sha}^@`, "--"])
    .split("\n")
    .filter(Boolean)
    .map((row) => {
      const [id, at, ...words] = row.split(" ");
      return { id: id!, at: Number(at), subject: words.join(" ") };
    })
    .sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  const text = quoted ?? described;
  if (text !== undefined) {
    const exact = quoted !== undefined ? earlier.find((commit) => commit.subject === quoted) : undefined;
    if (exact) return exact.id;
    const same = earlier.find((commit) => plain(commit.subject) === plain(text));
    if (same) return same.id;
  }
  for (const number of numbers) {
    const merged = earlier.find(
      (commit) =>
        commit.subject.startsWith(`Merge pull request #${number} `) || commit.subject.endsWith(`(#${number})`),
    );
    if (merged) return merged.id;
  }
  return null;
}

export function referenceDora(root: string, options: ReferenceOptions): ReferenceResult {
  const { git, tryGit, isAncestor } = gitIn(root);
  const start = options.now - options.windowDays * 86_400_000;
  const inWindow = (time: number) => time > start && time <= options.now;
  const tags = readTags(git, options);
  const misplaced = misplacedIndexes(tags, isAncestor);
  const touches = options.paths ? picomatch(options.paths, { dot: true }) : undefined;
  const touching = (sha: string) =>
    !touches ||
    git(["diff-tree", "--no-commit-id", "--name-only", "-r", "--root", sha])
      .split("\n")
      .some((path) => path !== "" && touches(path));

  const shippedBy = new Map<string, number>(); // commit -> index of the deployment that shipped it first
  const deployments: ReferenceDeployment[] = [];
  const placed = () => tags.map((_, j) => j).filter((j) => !misplaced.has(j));
  tags.forEach((tag, index) => {
    const deployment: ReferenceDeployment = {
      ...tag,
      changes: [],
      line: null,
      remediation: false,
      failed: false,
      repairedBy: null,
      misplaced: misplaced.has(index),
    };
    deployments.push(deployment);
    if (deployment.misplaced) return;
    const earlier = placed().filter((j) => j < index);
    if (earlier.length === 0) {
      for (const sha of git(["rev-list", tag.sha, "--"]).split("\n").filter(Boolean)) shippedBy.set(sha, index);
      return;
    }
    const not = earlier.map((j) => tags[j]!.sha);
    const reached = git(["rev-list", tag.sha, "--not", ...not, "--"])
      .split("\n")
      .filter(Boolean);
    for (const sha of reached) shippedBy.set(sha, index);
    const nonMerges = git(["rev-list", "--no-merges", tag.sha, "--not", ...not, "--"])
      .split("\n")
      .filter(Boolean);
    deployment.changes = nonMerges.filter(
      (sha) =>
        touching(sha) &&
        !isReleaseCommit(git(["log", "-1", "--format=%s", sha]), git(["log", "-1", "--format=%an <%ae>", sha])),
    );
    for (let j = earlier.length - 1; j >= 0 && deployment.line === null; j--)
      if (isAncestor(tags[earlier[j]!]!.sha, tag.sha)) deployment.line = tags[earlier[j]!]!.ref;
    if (inWindow(tag.time)) remediate(index, reached);
  });

  /** Only the window's remediations matter to the figures and the evidence. */
  function remediate(index: number, reached: string[]) {
    const deployment = deployments[index]!;
    const repaired: (number | "before")[] = [];
    for (const sha of deployment.changes) {
      const target = revertTarget(git, tryGit, isAncestor, sha);
      if (target === undefined || target === null) continue;
      if (shippedBy.get(target) === index) continue; // undoes what it shipped itself
      repaired.push(shippedBy.has(target) ? shippedBy.get(target)! : "before");
    }
    if (repaired.length === 0) {
      const hotfixSubject = (subject: string) =>
        /^hotfix(\([^)]*\))?!?:/i.test(subject) ||
        /^\[hotfix\]/i.test(subject) ||
        /^Merge (branch '|pull request #\d+ from [^\s/]+\/)hotfix[/-]/i.test(subject);
      const hotfixChange = deployment.changes.some((sha) => hotfixSubject(git(["log", "-1", "--format=%s", sha])));
      const hotfixMerge = reached.some((sha) => {
        const [subject, parents] = git(["log", "-1", "--format=%s%x1f%P", sha]).split("\x1f");
        const second = parents!.split(" ")[1];
        return second !== undefined && hotfixSubject(subject!) && reached.includes(second);
      });
      const line = deployments.findIndex((other) => other.ref === deployment.line);
      if (hotfixChange || hotfixMerge || /hotfix/i.test(deployment.ref)) repaired.push(line >= 0 ? line : "before");
    }
    if (repaired.length === 0) return;
    deployment.remediation = true;
    for (const target of repaired) {
      if (target === "before" || target === index || deployments[target]!.failed) continue;
      deployments[target]!.failed = true;
      deployments[target]!.repairedBy = deployment.ref;
    }
  }

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
