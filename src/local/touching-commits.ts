import { git } from "./git.js";

/**
 * The non-merge commits reachable from `tips` that change a file matching one of the globs: one
 * `git log` with glob pathspecs. `--full-history` keeps every such commit (without it git drops
 * side branches whose changes the merge did not keep).
 */
export async function readTouchingCommits(
  root: string,
  tips: readonly string[],
  paths: readonly string[],
): Promise<Set<string>> {
  if (tips.length === 0 || paths.length === 0) return new Set();
  const log = await git(
    root,
    ["log", "--full-history", "--no-merges", "--format=%H", ...tips, "--", ...paths.map((path) => `:(glob)${path}`)],
    { wholeRepository: true },
  );
  return new Set(log.split("\n").filter(Boolean));
}
