import { execFile } from "node:child_process";
import { promisify } from "node:util";

const exec = promisify(execFile);
const maxBuffer = 512 * 1024 * 1024;

/** A git command failed: the user can fix it (not a repository, an unknown ref), so the CLI shows it in one line. */
export class GitError extends Error {}

/** Runs git in `cwd` and returns stdout; a git failure becomes a one-line GitError. */
export async function git(cwd: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await exec("git", args, { cwd, maxBuffer, encoding: "utf8" });
    return stdout;
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr?.trim().split("\n")[0];
    throw new GitError(`git ${args.join(" ")} failed${stderr ? `: ${stderr}` : ""}`);
  }
}

/** Like `git`, but undefined when git fails (e.g. a path that does not exist at a ref). */
export async function gitMaybe(cwd: string, args: string[]): Promise<string | undefined> {
  try {
    return (await exec("git", args, { cwd, maxBuffer, encoding: "utf8" })).stdout;
  } catch {
    return undefined;
  }
}
