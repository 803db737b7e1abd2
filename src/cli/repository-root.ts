import { statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve } from "node:path";
import { gitMaybe } from "../local/git.js";
import { UsageError, type CliIo } from "./io.js";

/** What is at a path, if anything: asked synchronously (most probes miss, and an asynchronous miss costs an error with a stack). */
function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}
const isDirectory = async (path: string) => statOf(path)?.isDirectory() ?? false;
const exists = async (path: string) => statOf(path) !== undefined;

/** What marks a repository that uses CTO Co-Pilot. */
const markers = ["data/engineering", ".github/cto-copilot.yml"];

/**
 * The repository a command works on. `--root` when given (it must be a directory, unless the
 * command creates it: `init`); else, from the current directory up to the top of its git
 * repository, the nearest directory holding `data/engineering` or `.github/cto-copilot.yml`
 * (a project inside a monorepo), else the top of the git repository, else the current directory.
 */
export async function repositoryRoot(
  io: CliIo,
  given: string | undefined,
  options: { create?: boolean } = {},
): Promise<string> {
  if (given !== undefined) {
    const root = resolve(io.cwd, given);
    if (await isDirectory(root)) return root;
    if (await exists(root)) throw new UsageError(`--root ${given} is a file; give the directory of the repository`);
    if (options.create) return root;
    throw new UsageError(`--root ${given}: no such directory`);
  }
  // git finds its top level as we do, by the `.git` (a directory, or a file in a worktree or a
  // submodule) nearest above: a git process is asked only when the environment moves it elsewhere.
  const asksGit =
    io.env.GIT_DIR !== undefined || io.env.GIT_WORK_TREE !== undefined || io.env.GIT_CEILING_DIRECTORIES !== undefined;
  const top = asksGit ? (await gitMaybe(io.cwd, ["rev-parse", "--show-toplevel"]))?.trim() : undefined;
  for (let directory = resolve(io.cwd); ; directory = dirname(directory)) {
    for (const marker of markers) if (await exists(join(directory, marker))) return directory;
    if (!asksGit && (await exists(join(directory, ".git")))) return directory;
    if (directory === top || directory === dirname(directory)) break;
  }
  return top || resolve(io.cwd);
}

/**
 * A path under the root as the user should read it: relative to where they are when they are in
 * the repository (`../data/engineering/…` from `infra/`) or above it (`app/data/engineering/…`),
 * else absolute.
 */
export function displayPath(io: CliIo, root: string, path: string): string {
  const absolute = join(root, path);
  const fromHere = relative(io.cwd, absolute) || ".";
  const rootFromHere = relative(io.cwd, root);
  const related = rootFromHere === "" || !rootFromHere.startsWith("..") || !relative(root, io.cwd).startsWith("..");
  return related && !isAbsolute(fromHere) ? fromHere : absolute;
}
