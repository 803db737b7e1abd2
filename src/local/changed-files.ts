import { readRegularFile } from "./read-contents.js";
import { join } from "node:path";
import type { ChangedFile } from "../ports/repository-view.js";
import { git, GitError, gitMaybe } from "./git.js";
import { untrackedExcludeArgs } from "./untracked-excludes.js";

/**
 * A path as `git diff` prints it: as is, or C-quoted when it holds a quote, a backslash or a
 * control character (`"b/ops/a\tb.yaml"`, octal escapes for bytes git will not print raw).
 */
function unquoteGitPath(text: string): string {
  if (!text.startsWith('"') || !text.endsWith('"')) return text;
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  const body = text.slice(1, -1);
  const named: Record<string, number> = { a: 7, b: 8, t: 9, n: 10, v: 11, f: 12, r: 13, '"': 34, "\\": 92 };
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c !== "\\") {
      bytes.push(...encoder.encode(c));
      continue;
    }
    const next = body[++i] ?? "";
    if (/[0-7]/.test(next)) {
      bytes.push(parseInt(body.slice(i, i + 3), 8));
      i += 2;
    } else bytes.push(named[next] ?? next.charCodeAt(0));
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/** Splits `git diff` output into per-file patches (keyed by the new path). */
function patchesByFile(diff: string): Map<string, string> {
  const patches = new Map<string, string>();
  for (const section of diff.split(/^diff --git /m).slice(1)) {
    const plus = /^\+\+\+ (.+)$/m.exec(section)?.[1];
    const header = plus !== undefined && plus !== "/dev/null" ? plus : /^--- (.+)$/m.exec(section)?.[1];
    const path =
      header === undefined || header === "/dev/null" ? undefined : unquoteGitPath(header).replace(/^[ab]\//, "");
    const hunks = section.indexOf("\n@@");
    if (path) patches.set(path, hunks >= 0 ? section.slice(hunks + 1) : "");
  }
  return patches;
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
  // The base as a commit, resolved unambiguously (a branch may be named like a folder).
  const sha = await resolveCommit(root, base);
  // Paths relative to `root` (a project inside a monorepo sees its own files), as GitHub lists them.
  const diffArgs = ["--no-renames", "--relative", sha, "--"];
  const [nameStatus, numstat, diff, untracked] = await Promise.all([
    git(root, ["diff", "--name-status", "-z", ...diffArgs]),
    git(root, ["diff", "--numstat", "-z", ...diffArgs]),
    // Paths as they are (ops/dëploy.yaml), not octal-escaped, so each patch meets its file.
    git(root, ["-c", "core.quotePath=false", "diff", "--no-color", "--no-ext-diff", ...diffArgs]),
    // Untracked dependencies and build output are no change of the repository's, whatever .gitignore says.
    git(root, ["ls-files", "--others", "--exclude-standard", ...untrackedExcludeArgs, "-z"]),
  ]);
  const counts = new Map<string, [number, number]>();
  for (const entry of numstat.split("\0").filter(Boolean)) {
    const [added, deleted, path] = entry.split("\t");
    if (path) counts.set(path, [Number(added) || 0, Number(deleted) || 0]);
  }
  const patches = patchesByFile(diff);
  const fields = nameStatus.split("\0").filter(Boolean);
  const changes: ChangedFile[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = fields[i]!.startsWith("A") ? "added" : fields[i]!.startsWith("D") ? "removed" : "modified";
    const path = fields[i + 1]!;
    const [additions, deletions] = counts.get(path) ?? [0, 0];
    changes.push({ path, status, additions, deletions, ...(patches.has(path) ? { patch: patches.get(path)! } : {}) });
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
