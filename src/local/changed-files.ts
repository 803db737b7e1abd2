import { readRegularFile } from "./read-contents.js";
import { join } from "node:path";
import type { ChangedFile } from "../ports/repository-view.js";
import { git, GitError, gitMaybe } from "./git.js";
import { untrackedExcludeArgs } from "./untracked-excludes.js";

/** One file of `git diff --raw --patch`: its status, its blob at the base (for a modified or removed file), its counts and patch. */
interface DiffFile {
  status: string;
  path: string;
  /** The blob id at the base; absent for an added file (git writes zeros) or a submodule. */
  baseBlob?: string;
  additions: number;
  deletions: number;
  patch: string;
}

const noBlob = /^0+$/;

/** Added and deleted lines of a patch's hunks, as `--numstat` counts them (a binary file has no hunks: 0 and 0). */
function countLines(patch: string): { additions: number; deletions: number } {
  let additions = 0;
  let deletions = 0;
  for (let at = 0; at < patch.length;) {
    const first = patch.charCodeAt(at);
    if (first === 43)
      additions++; // "+"
    else if (first === 45) deletions++; // "-"
    const newline = patch.indexOf("\n", at);
    if (newline < 0) break;
    at = newline + 1;
  }
  return { additions, deletions };
}

/**
 * Splits the output of `git diff --raw --no-abbrev -z --patch` into its two parts: the raw records
 * (`:<modes> <base sha> <head sha> <status>\0<path>\0`), then the patches, one `diff --git`
 * section per file in the same order as the records (a hunk line starts with a space, `+`, `-`
 * or `\\`, never with `diff`). The counts come from the hunks: `--numstat` would make git
 * compute every file's diff a second time (a third of its CPU on a change of 5,000 files).
 */
function parseDiff(output: string): DiffFile[] {
  const files: DiffFile[] = [];
  let at = 0;
  const field = () => {
    const end = output.indexOf("\0", at);
    const text = output.slice(at, end < 0 ? output.length : end);
    at = end < 0 ? output.length : end + 1;
    return text;
  };
  while (output.startsWith(":", at)) {
    const record = field().split(" ");
    const status = record.at(-1) ?? "M";
    const base = record[2];
    // A submodule's "blob" is a commit of another repository: nothing to read here.
    const submodule = record[0] === ":160000";
    files.push({
      status,
      path: field(),
      ...(base && !noBlob.test(base) && !submodule ? { baseBlob: base } : {}),
      additions: 0,
      deletions: 0,
      patch: "",
    });
  }
  if (output[at] === "\0") at++;
  const sections = output
    .slice(at)
    .split(/^diff --git /m)
    .slice(1);
  let next = 0;
  for (const file of files) {
    // A type change (a file become a link) is shown as the old one deleted, then the new one created.
    const own = sections.slice(next, (next += file.status.startsWith("T") ? 2 : 1));
    file.patch = own
      .flatMap((section) => {
        const hunks = section.indexOf("\n@@");
        return hunks < 0 ? [] : [section.slice(hunks + 1)];
      })
      .join("");
    Object.assign(file, countLines(file.patch));
  }
  return files;
}

/** The commit a ref names; a plain error when it names none. */
export async function resolveCommit(root: string, ref: string): Promise<string> {
  const sha = (
    await gitMaybe(root, ["rev-parse", "--verify", "--quiet", "--end-of-options", `${ref}^{commit}`])
  )?.trim();
  if (!sha)
    throw new GitError(
      `${ref} is not a commit here (a branch, tag or sha); fetch it first, e.g. \`git fetch origin main\`, or pass another --base`,
    );
  return sha;
}

/**
 * The subjects of the commits from `baseSha` to HEAD, newest first (merges left out, at most 50):
 * what a local change says it does, as a pull request's title does.
 */
export async function commitSubjects(root: string, baseSha: string): Promise<string[]> {
  const log = await gitMaybe(root, ["log", "--no-merges", "-n", "50", "--format=%s", `${baseSha}..HEAD`]);
  return (log ?? "").split("\n").filter((subject) => subject.trim() !== "");
}

/** The working tree's changes, and the blob id of each changed file at the base (so that reading it costs no path lookup). */
export interface LocalChanges {
  changes: ChangedFile[];
  /** Root-relative path -> blob id at the base, for the files the base has. */
  baseBlobs: Map<string, string>;
}

/**
 * The working tree's changes against `base` (committed, staged, unstaged and untracked):
 * statuses, line counts and patches, as GitHub lists a pull request's files.
 */
export async function localChanges(root: string, base: string): Promise<LocalChanges> {
  // Paths relative to `root` (a project inside a monorepo sees its own files), as GitHub lists them;
  // as they are (ops/dëploy.yaml), not octal-escaped. One diff gives statuses, blob ids and patches:
  // git compares the working tree with the base once, not three times.
  const diffArgs = ["-c", "core.quotePath=false", "diff", "--no-renames", "--relative", "--no-color", "--no-ext-diff"];
  const formats = ["--raw", "--no-abbrev", "-z", "--patch"];
  // Both read the whole index and working tree (gitEnvironment says why that changes git's environment).
  const whole = { wholeRepository: true };
  const [diff, untracked] = await Promise.all([
    // The base unambiguously a revision (a branch may be named like a folder); when it is none, resolveCommit says so plainly.
    gitMaybe(root, [...diffArgs, ...formats, "--end-of-options", base, "--"], whole),
    // Untracked dependencies and build output are no change of the repository's, whatever .gitignore says.
    git(root, ["ls-files", "--others", "--exclude-standard", ...untrackedExcludeArgs, "-z"], whole),
  ]);
  let output = diff;
  if (output === undefined) {
    await resolveCommit(root, base);
    output = await git(root, [...diffArgs, ...formats, "--end-of-options", base, "--"], whole);
  }
  const changes: ChangedFile[] = [];
  const baseBlobs = new Map<string, string>();
  for (const file of parseDiff(output)) {
    const status = file.status.startsWith("A") ? "added" : file.status.startsWith("D") ? "removed" : "modified";
    const { path, additions, deletions, patch } = file;
    changes.push({ path, status, additions, deletions, ...(patch ? { patch } : {}) });
    if (file.baseBlob !== undefined) baseBlobs.set(path, file.baseBlob);
  }
  for (const path of untracked.split("\0").filter(Boolean)) {
    // An untracked link or FIFO is not read (a link to /dev/zero would never end); nor is a huge file.
    const text = (await readRegularFile(join(root, path), 1024 * 1024).catch(() => undefined)) ?? "";
    const lines = text.split("\n");
    changes.push({
      path,
      status: "added",
      additions: lines.length,
      deletions: 0,
      patch: `@@ -0,0 +1,${lines.length} @@\n${lines.map((line) => `+${line}`).join("\n")}`,
    });
  }
  return { changes, baseBlobs };
}
