import { readRegularFile } from "./read-contents.js";
import { join } from "node:path";
import type { ChangedFile } from "../ports/repository-view.js";
import { git, GitError, gitMaybe } from "./git.js";
import { untrackedExcludeArgs } from "./untracked-excludes.js";

/**
 * Splits the output of `git diff --raw --numstat -z --patch` into its three parts: the raw records
 * (`:<modes> <shas> <status>\0<path>\0`), the counts (`<added>\t<deleted>\t<path>\0`, `-` for a
 * binary file), then after one more NUL the patches, one `diff --git` section per file in the
 * same order as the records (a hunk line starts with a space, `+`, `-` or `\\`, never with `diff`).
 */
function parseDiff(
  output: string,
): { status: string; path: string; additions: number; deletions: number; patch: string }[] {
  const files: { status: string; path: string; additions: number; deletions: number; patch: string }[] = [];
  let at = 0;
  const field = () => {
    const end = output.indexOf("\0", at);
    const text = output.slice(at, end < 0 ? output.length : end);
    at = end < 0 ? output.length : end + 1;
    return text;
  };
  while (output.startsWith(":", at)) {
    const status = field().split(" ").at(-1) ?? "M";
    files.push({ status, path: field(), additions: 0, deletions: 0, patch: "" });
  }
  for (const file of files) {
    const [added, deleted] = field().split("\t");
    file.additions = Number(added) || 0;
    file.deletions = Number(deleted) || 0;
  }
  if (output[at] === "\0") at++;
  const sections = output
    .slice(at)
    .split(/^diff --git /m)
    .slice(1);
  for (const [index, section] of sections.entries()) {
    const hunks = section.indexOf("\n@@");
    if (files[index] && hunks >= 0) files[index].patch = section.slice(hunks + 1);
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
 * The working tree's changes against `base` (committed, staged, unstaged and untracked):
 * statuses, line counts and patches, as GitHub lists a pull request's files.
 */
export async function localChanges(root: string, base: string): Promise<ChangedFile[]> {
  // Paths relative to `root` (a project inside a monorepo sees its own files), as GitHub lists them;
  // as they are (ops/dëploy.yaml), not octal-escaped. One diff gives statuses, counts and patches:
  // git compares the working tree with the base once, not three times.
  const diffArgs = ["-c", "core.quotePath=false", "diff", "--no-renames", "--relative", "--no-color", "--no-ext-diff"];
  const formats = ["--raw", "--numstat", "-z", "--patch"];
  const [diff, untracked] = await Promise.all([
    // The base unambiguously a revision (a branch may be named like a folder); when it is none, resolveCommit says so plainly.
    gitMaybe(root, [...diffArgs, ...formats, "--end-of-options", base, "--"]),
    // Untracked dependencies and build output are no change of the repository's, whatever .gitignore says.
    git(root, ["ls-files", "--others", "--exclude-standard", ...untrackedExcludeArgs, "-z"]),
  ]);
  let output = diff;
  if (output === undefined) {
    await resolveCommit(root, base);
    output = await git(root, [...diffArgs, ...formats, "--end-of-options", base, "--"]);
  }
  const changes: ChangedFile[] = [];
  for (const file of parseDiff(output)) {
    const status = file.status.startsWith("A") ? "added" : file.status.startsWith("D") ? "removed" : "modified";
    const { path, additions, deletions, patch } = file;
    changes.push({ path, status, additions, deletions, ...(patch ? { patch } : {}) });
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
  return changes;
}
