import type { FilePublisher } from "../ports/publisher.js";
import type { Config } from "../schemas/config.js";
import type { DrafterFactory } from "./ai-drafter.js";
import {
  computeScorecard,
  syncInputsOf,
  writeScorecard,
  type ScorecardContext,
  type ScorecardRun,
  type WriteOutcome,
} from "./compute-scorecard.js";
import type { SyncReadDraft } from "./draft-sync-read.js";
import type { SyncIssueContext, SyncIssueOutcome } from "./sync-engineering-issue.js";

export interface RunScorecardContext extends ScorecardContext {
  publish: FilePublisher;
  /** AI drafting of the sync read, when the door offers it (the config still decides). */
  drafterFor?: DrafterFactory;
  /** Where the Engineering sync issue lives; without it (the CLI) there is no issue to keep. */
  issues?: SyncIssueContext;
}

export interface RunScorecardOptions {
  /** The branch read, and written to (`HEAD` locally). */
  branch: string;
  /** Keep the evidence of every figure (deployments, change counts, why each failed). */
  explain: boolean;
  /** Compute and plan; write nothing and ask no model. */
  dryRun?: boolean;
  /** One service's figures: only the commits touching these globs are changes. */
  paths?: readonly string[];
  /**
   * Draft the CTO sync read (the default). `false` for a door that shows none and keeps no sync
   * issue (the CLI's JSON): the read, and the modules that write it, are then left out.
   */
  syncRead?: boolean;
}

export interface ScorecardRunOutcome {
  run: ScorecardRun;
  /** The CTO sync read: the rule-based one, or the model's (with its note and token use). */
  drafted: SyncReadDraft;
  written: WriteOutcome | { status: "dry-run" };
  /** The Engineering sync issue, as written or planned; absent where there is no issue to keep. */
  syncIssue?: SyncIssueOutcome;
}

/** A run without the sync read (`syncRead: false`): the scorecard, and what was written. */
export type ScorecardRunWithoutRead = Pick<ScorecardRunOutcome, "run" | "written">;

/**
 * The scorecard run of every door (the Action's schedule, the App's dispatch, `cto-copilot scorecard`):
 *
 * 1. Compute the scorecard on the branch (`computeScorecard`).
 * 2. Write the CTO sync read: rule-based, or the model's with `ai.enabled` (never on a dry run),
 *    given CLAUDE.md as background when the repository has one; unless the door shows no read.
 * 3. Write the scorecard and its snapshot as `scorecard.commit` says, computing again if the branch moved.
 * 4. Keep the Engineering sync issue (`sync.issue`), or plan it on a dry run.
 *
 * The read, CLAUDE.md and the issue each load their modules only when they are wanted.
 */
export function runScorecard(
  context: RunScorecardContext,
  config: Config,
  options: RunScorecardOptions & { syncRead: false },
): Promise<ScorecardRunWithoutRead>;
export function runScorecard(
  context: RunScorecardContext,
  config: Config,
  options: RunScorecardOptions,
): Promise<ScorecardRunOutcome>;
export async function runScorecard(
  context: RunScorecardContext,
  config: Config,
  options: RunScorecardOptions,
): Promise<ScorecardRunOutcome | ScorecardRunWithoutRead> {
  const { branch } = options;
  const compute = () =>
    computeScorecard(context, config, branch, {
      explain: options.explain,
      ...(options.paths ? { paths: options.paths } : {}),
    });
  const run = await compute();
  // The sync issue shows the read: with one to keep, the read is written whatever the door shows.
  const drafted =
    options.syncRead !== false || context.issues ? await draftRead(context, config, run, options) : undefined;
  const written = options.dryRun
    ? ({ status: "dry-run" } as const)
    : await writeScorecard(context, run, {
        mode: config.scorecard.commit,
        branch,
        botBranch: config.scorecard.branch,
        recompute: compute,
      });
  if (!drafted) return { run, written };
  const syncIssue = context.issues ? await keepSyncIssue(context.issues, config, run, drafted, options) : undefined;
  return { run, drafted, written, ...(syncIssue ? { syncIssue } : {}) };
}

/** The CTO sync read of a run: the model's when the door offers a drafter and the config enables it, else the rule-based one. */
async function draftRead(
  context: RunScorecardContext,
  config: Config,
  run: ScorecardRun,
  options: RunScorecardOptions,
): Promise<SyncReadDraft> {
  const drafter = options.dryRun ? undefined : context.drafterFor?.(config.ai);
  // CLAUDE.md is read only when a model will be asked.
  const technicalContext = drafter
    ? await (await import("./read-technical-context.js")).readTechnicalContext(context.view, run.head.sha, context.log)
    : undefined;
  const { draftSyncRead } = await import("./draft-sync-read.js");
  return draftSyncRead(syncInputsOf(run), drafter, technicalContext);
}

/** The Engineering sync issue, rewritten with the read (or planned, on a dry run). */
async function keepSyncIssue(
  issues: SyncIssueContext,
  config: Config,
  run: ScorecardRun,
  drafted: SyncReadDraft,
  options: RunScorecardOptions,
): Promise<SyncIssueOutcome> {
  const { renderSyncIssue } = await import("../scorecard/sync-issue.js");
  const { syncEngineeringIssue } = await import("./sync-engineering-issue.js");
  return syncEngineeringIssue(issues, config.sync, renderSyncIssue(drafted.read, run.scorecard), {
    dryRun: options.dryRun === true,
  });
}
