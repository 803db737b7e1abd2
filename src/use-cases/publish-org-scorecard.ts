import type { Logger } from "../ports/logger.js";
import { StaleBranchError, type FilePublisher } from "../ports/publisher.js";
import type { BranchView, FileView } from "../ports/repository-view.js";
import type { Config } from "../schemas/config.js";
import { orgScorecardSchema, type OrgScorecard } from "../schemas/org-scorecard.js";
import { parseDataJson } from "../schemas/parse-data.js";
import type { WriteOutcome } from "./compute-scorecard.js";

export interface OrgPublishOptions {
  /** The target repository's branch (its default branch). */
  branch: string;
  /** Where the live file goes; its dated snapshots go to `snapshots/` beside it. */
  path: string;
  mode: Config["scorecard"]["commit"];
  /** The bot branch of `pull-request` mode. */
  botBranch: string;
  maxAttempts?: number;
}

/** The dated snapshot's path: `<dir>/snapshots/org_scorecard_<window end>.json`. */
function orgSnapshotPath(path: string, scorecard: OrgScorecard): string {
  const slash = path.lastIndexOf("/");
  return `${slash < 0 ? "" : path.slice(0, slash + 1)}snapshots/org_scorecard_${scorecard.window.end.slice(0, 10)}.json`;
}

/**
 * Reads the scorecard the new one replaces (for the trend), then writes the new one and its
 * dated snapshot in one commit, never forcing a ref: when the branch moved meanwhile, it reads
 * again and writes again (up to `maxAttempts`).
 */
export async function publishOrgScorecard(
  context: { view: FileView & BranchView; publish: FilePublisher; log: Logger },
  scorecard: OrgScorecard,
  options: OrgPublishOptions,
): Promise<{ previous?: OrgScorecard; written: WriteOutcome }> {
  const maxAttempts = options.maxAttempts ?? 3;
  const json = JSON.stringify(scorecard, null, 2) + "\n";
  let previous: OrgScorecard | undefined;
  for (let attempt = 1; ; attempt++) {
    const head = await context.view.readHead(options.branch);
    previous = await readPrevious(context, head.sha, options.path, scorecard);
    if (options.mode === "none")
      return { ...(previous ? { previous } : {}), written: { status: "skipped", reason: "commit is none" } };
    const date = scorecard.window.end.slice(0, 10);
    try {
      const result = await context.publish.writeFiles({
        branch: options.branch,
        head,
        files: { [options.path]: json, [orgSnapshotPath(options.path, scorecard)]: json },
        message: `chore(scorecard): organisation scorecard ${date}`,
        via:
          options.mode === "push"
            ? { kind: "push" }
            : {
                kind: "pull-request",
                branch: options.botBranch,
                title: `Organisation scorecard ${date}`,
                body: `CTO Co-Pilot scored ${scorecard.totals.scored} repositories of ${scorecard.organization} over ${scorecard.window.days} days. Merge to record it; the next run updates this pull request.`,
              },
      });
      return { ...(previous ? { previous } : {}), written: { status: "committed", attempts: attempt, ...result } };
    } catch (error) {
      if (!(error instanceof StaleBranchError) || attempt >= maxAttempts) throw error;
      context.log.warn(`${error.message}; reading again (attempt ${attempt + 1} of ${maxAttempts})`);
    }
  }
}

/**
 * The scorecard to show the trend against: the newest one of an earlier window (a rerun the same
 * day would otherwise compare the scorecard with itself), from the live file or the snapshots.
 */
async function readPrevious(
  context: { view: FileView; log: Logger },
  ref: string,
  path: string,
  scorecard: OrgScorecard,
): Promise<OrgScorecard | undefined> {
  const today = scorecard.window.end.slice(0, 10);
  const snapshots = orgSnapshotPath(path, scorecard).replace(/\/[^/]*$/, "");
  const read = await context.view.readContents(ref, { files: [path], directories: [snapshots] });
  const liveText = read.files.get(path)?.text;
  const live = parseDataJson(orgScorecardSchema, liveText);
  if (liveText && !live) context.log.warn(`${path} is not an organisation scorecard: it is replaced`);
  if (live && live.window.end.slice(0, 10) < today) return live;
  const earlier = (read.directories.get(snapshots) ?? [])
    .map((name) => /^org_scorecard_(\d{4}-\d{2}-\d{2})\.json$/.exec(name)?.[1])
    .filter((date): date is string => date !== undefined && date < today)
    .sort()
    .at(-1);
  if (!earlier) return undefined;
  const file = `${snapshots}/org_scorecard_${earlier}.json`;
  return parseDataJson(
    orgScorecardSchema,
    (await context.view.readContents(ref, { files: [file] })).files.get(file)?.text,
  );
}
