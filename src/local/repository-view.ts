import { lstatSync } from "node:fs";
import { join } from "node:path";
import { tagMatcher } from "../dora/tag-pattern.js";
import { workingTree, type ChangedFile, type FileContent, type RepositoryView } from "../ports/repository-view.js";
import type { BaseVersion } from "./base-versions.js";
import { localChanges } from "./changed-files.js";
import { gitMaybe, GitError, type GitRun } from "./git.js";
import { readCommitAuthors, readCommits, readTagDeployments } from "./git-history.js";
import { readTouchingCommits } from "./touching-commits.js";
import { listFiles } from "./list-files.js";
import { listWorkingTree } from "./list-tree.js";
import { readLocalContents, readRegularFile } from "./read-contents.js";

export interface LocalRepositoryView extends RepositoryView {
  /** Every file under a directory of the working tree (the CLI validates them all). */
  listFiles(directory: string): Promise<string[]>;
}

/** Whether a path is a symbolic link (asked synchronously: the config file is usually absent). */
function isLink(absolute: string): boolean {
  try {
    return lstatSync(absolute, { throwIfNoEntry: false })?.isSymbolicLink() ?? false;
  } catch {
    return false;
  }
}

/** The blob and patch of each changed file the base has, for rebuilding its base version from the working tree. */
function versionsOf(changes: readonly ChangedFile[], blobs: ReadonlyMap<string, string>): Map<string, BaseVersion> {
  const versions = new Map<string, BaseVersion>();
  for (const { path, patch } of changes) {
    const blob = blobs.get(path);
    if (blob !== undefined && patch) versions.set(path, { blob, patch });
  }
  return versions;
}

/**
 * The repository view over a local clone: files from the working tree under `root` (or at a git
 * ref), history and release tags from the git repository in `gitDir` (usually the same
 * directory). What only GitHub knows (incident issues, branch protection, Dependabot alerts)
 * is absent, not guessed. `history` says how the tags and the history are read (git.ts: GitRun).
 */
export function localRepositoryView(options: { root: string; gitDir?: string; history?: GitRun }): LocalRepositoryView {
  const { root } = options;
  const history = options.history ?? {};
  const gitDir = options.gitDir ?? root;
  let isRepository: Promise<unknown> | undefined;
  const requireRepository = () =>
    (isRepository ??= gitMaybe(gitDir, ["rev-parse", "--git-dir"]).then((found) => {
      if (found === undefined)
        throw new GitError(
          `${gitDir} is not in a git repository: the deployments are read from its release tags; run this inside a clone, or pass --git DIR`,
        );
    }));
  // The blob id of each changed file at a base, from the diff that listed the changes: reading the
  // base versions then needs no path lookup. Only when git runs in the view's root (the diff's paths are relative to it).
  const baseBlobs = new Map<string, ReadonlyMap<string, string>>();
  // With their patches, the base versions are rebuilt from the working tree (`base-versions.ts`).
  const baseVersions = new Map<string, ReadonlyMap<string, BaseVersion>>();
  const worktreeReads = new Map<string, FileContent | undefined>();
  const knownAt = (ref: string) =>
    ref === workingTree
      ? { versions: [...baseVersions.values()][0], worktreeReads }
      : { blobs: baseBlobs.get(ref), versions: baseVersions.get(ref), worktreeReads };
  return {
    readContents: (ref, wanted) => readLocalContents(root, gitDir, ref, wanted, knownAt(ref)),
    readConfigSources: async (ref, path) => {
      if (ref === workingTree && isLink(join(root, path))) {
        throw new GitError(
          `${path} is a symbolic link; CTO Co-Pilot reads files as files and never follows a link (it could point at secrets): replace it with the file itself`,
        );
      }
      const text =
        ref === workingTree
          ? await readRegularFile(join(root, path)).catch(() => undefined)
          : await gitMaybe(gitDir, ["show", `${ref}:./${path}`]);
      return text === undefined ? {} : { repository: text };
    },
    listChangedFiles: async (change) => {
      if (change.headSha !== workingTree)
        throw new GitError("the local view compares the working tree with a base ref");
      const { changes, baseBlobs: blobs } = await localChanges(root, change.baseSha);
      if (gitDir === root) {
        baseBlobs.set(change.baseSha, blobs);
        baseVersions.set(change.baseSha, versionsOf(changes, blobs));
      }
      return changes;
    },
    readHead: async () => ({ sha: workingTree }),
    readDeployments: async (query) => {
      if (query.source !== "tags")
        throw new GitError(`a local repository has release tags but no ${query.source}: use the tags source`);
      // One git process when all is well: whether this is a repository at all is asked only when reading the tags failed.
      try {
        return await readTagDeployments(gitDir, await tagMatcher(query.tagPattern), history);
      } catch (error) {
        await requireRepository();
        throw error;
      }
    },
    readHistory: (request) =>
      readCommits(
        gitDir,
        request.tips.map((tip) => tip.sha),
        request.since,
        history,
      ),
    readTouchingCommits: (request) =>
      readTouchingCommits(
        gitDir,
        request.tips.map((tip) => tip.sha),
        request.paths,
      ),
    listIncidentIssues: async () => [],
    readIssueHistory: async () => {
      throw new GitError("a local repository has no issues: incidents are tracked by the App or the Action");
    },
    canWrite: async () => false,
    findComment: async () => undefined,
    findOpenPullRequest: async () => undefined,
    findLatestPullRequest: async () => undefined,
    listTree: async (ref) => {
      if (ref !== workingTree) throw new GitError("the local view lists the working tree");
      return listWorkingTree(root);
    },
    // The local view reads the checked-out history: `branch` is the default branch on GitHub, HEAD here.
    readCommitAuthors: (_branch, since, limit) => readCommitAuthors(gitDir, "HEAD", since, limit),
    listBranches: async (prefix) =>
      ((await gitMaybe(gitDir, ["for-each-ref", "--format=%(refname:lstrip=2)", `refs/heads/${prefix}*`])) ?? "")
        .split("\n")
        .filter(Boolean),
    readBranchProtection: async () => undefined,
    countOpenDependabotAlerts: async () => undefined,
    listIssuesWithLabel: async () => [],
    // The ownership rules (and crypto under them) load only for a command that asks who we are.
    identity: async () => (await import("../markdown/ownership.js")).sharedIdentity,
    listFiles: (directory) => listFiles(root, directory),
  };
}
