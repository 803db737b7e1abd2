import type { Config } from "../schemas/config.js";
import { discoverStack, evidenceFilesOf, type Discovery } from "../discovery/discover.js";
import { fileCount } from "../discovery/files-by-directory.js";
import type { AuthorView, DeliveryView, FileView, TreeView } from "../ports/repository-view.js";

const day = 86_400_000;

/**
 * Commits read for the headcount at most (ten GraphQL pages on GitHub; the CLI reads as many so
 * both say the same): a team shows within its thousand newest commits, and past that the
 * headcount says "at least".
 */
const authorLimit = 1_000;

/** Evidence files larger than this are manifests no one wrote by hand (or not manifests at all). */
const maxEvidenceBytes = 512 * 1024;

export interface DiscoveryRun extends Discovery {
  /** What was read, for the notes and the benches. */
  read: { files: number; evidenceFiles: number; commits: number; treeTruncated: boolean; historyTruncated: boolean };
  /** Sources that had nothing to say, or could not be read, in one line each. */
  notes: string[];
}

/**
 * Discovers a repository's stack through the ports: one tree listing, one batched read of the
 * files that can say something (manifests, CI and infrastructure files), the commit authors of
 * the window, and the deployments of the configured DORA source. Deployments that cannot be
 * read leave the deployment frequency to a question, never to a guess.
 */
export async function discoverRepository(
  view: TreeView & FileView & AuthorView & DeliveryView,
  config: Config,
  options: { ref: string; branch: string; now: Date },
): Promise<DiscoveryRun> {
  const { now } = options;
  const windowDays = config.dora.windowDays;
  const since = now.getTime() - windowDays * day;
  const notes: string[] = [];
  const listing = await view.listTree(options.ref);
  const files = fileCount(listing.byDirectory);
  if (listing.truncated)
    notes.push(`the tree has more files than the source lists at once: discovery read the first ${files}`);
  const wanted = evidenceFilesOf(listing.byDirectory);
  const [contents, authors, deployments] = await Promise.all([
    view.readContents(options.ref, { files: wanted, maxBytes: maxEvidenceBytes }),
    view.readCommitAuthors(options.branch, since, authorLimit).catch((error: unknown) => {
      notes.push(`the commit history could not be read (${(error as Error).message}): the headcount is a question`);
      return undefined;
    }),
    countDeployments(view, config, options.branch, since, now).catch((error: unknown) => {
      notes.push(`deployments (dora.source ${config.dora.source}) could not be read: ${(error as Error).message}`);
      return undefined;
    }),
  ]);
  const texts = new Map<string, string>();
  for (const [path, file] of contents.files) if (file.text !== null) texts.set(path, file.text);
  if (deployments === 0)
    notes.push(`no successful deployments in ${windowDays} days from dora.source ${config.dora.source}`);
  const discovery = discoverStack({
    files: listing.byDirectory,
    contents: texts,
    ...(authors
      ? { history: { windowDays, commits: authors.commits, ...(authors.truncated ? { truncated: true } : {}) } }
      : {}),
    ...(deployments ? { deployments: { count: deployments, windowDays, source: config.dora.source } } : {}),
    now,
  });
  return {
    ...discovery,
    read: {
      files,
      evidenceFiles: texts.size,
      commits: authors?.commits.length ?? 0,
      treeTruncated: listing.truncated,
      historyTruncated: authors?.truncated ?? false,
    },
    notes,
  };
}

/** Successful deployments of the configured source in the window. */
async function countDeployments(
  view: DeliveryView,
  config: Config,
  branch: string,
  since: number,
  now: Date,
): Promise<number> {
  if (config.dora.source === "workflow-runs" && !config.dora.workflow)
    throw new Error("the workflow-runs source needs dora.workflow (the deploying workflow's file name)");
  const read = await view.readDeployments({
    source: config.dora.source,
    environment: config.dora.environment,
    tagPattern: config.dora.tagPattern,
    workflow: config.dora.workflow,
    branch,
    since,
  });
  return read.deployments.filter(
    (deployment) => deployment.status === "success" && deployment.time > since && deployment.time <= now.getTime(),
  ).length;
}
