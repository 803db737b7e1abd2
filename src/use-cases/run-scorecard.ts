import type { FilePublisher } from "../ports/publisher.js";
import type { Config } from "../schemas/config.js";
import { renderSyncIssue } from "../scorecard/sync-issue.js";
import type { DrafterFactory } from "./ai-drafter.js";
import {
  computeScorecard,
  syncInputsOf,
  writeScorecard,
  type ScorecardContext,
  type ScorecardRun,
  type WriteOutcome,
} from "./compute-scorecard.js";
import { draftSyncRead, type SyncReadDraft } from "./draft-sync-read.js";
import { readTechnicalContext } from "./read-technical-context.js";
import { syncEngineeringIssue, type SyncIssueContext, type SyncIssueOutcome } from "./sync-engineering-issue.js";

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
}

export interface ScorecardRunOutcome {
  run: ScorecardRun;
  /** The CTO sync read: the rule-based one, or the model's (with its note and token use). */
  drafted: SyncReadDraft;
  written: WriteOutcome | { status: "dry-run" };
  /** The Engineering sync issue, as written or planned; absent where there is no issue to keep. */
  syncIssue?: SyncIssueOutcome;
}

/**
 * The scorecard run of every door (the Action's schedule, the App's dispatch, `cto-copilot scorecard`):
 *
 * 1. Compute the scorecard on the branch (`computeScorecard`).
 * 2. Write the CTO sync read: rule-based, or the model's with `ai.enabled` (never on a dry run),
 *    given CLAUDE.md as background when the repository has one.
 * 3. Write the scorecard and its snapshot as `scorecard.commit` says, computing again if the branch moved.
 * 4. Keep the Engineering sync issue (`sync.issue`), or plan it on a dry run.
 */
export async function runScorecard(
  context: RunScorecardContext,
  config: Config,
  options: RunScorecardOptions,
): Promise<ScorecardRunOutcome> {
  const { branch } = options;
  const compute = () =>
    computeScorecard(context, config, branch, {
      explain: options.explain,
      ...(options.paths ? { paths: options.paths } : {}),
    });
  const run = await compute();
  const drafter = options.dryRun ? undefined : context.drafterFor?.(config.ai);
  // CLAUDE.md is read only when a model will be asked.
  const technicalContext = drafter ? await readTechnicalContext(context.view, run.head.sha, context.log) : undefined;
  const drafted = await draftSyncRead(syncInputsOf(run), drafter, technicalContext);
  const written = options.dryRun
    ? ({ status: "dry-run" } as const)
    : await writeScorecard(context, run, {
        mode: config.scorecard.commit,
        branch,
        botBranch: config.scorecard.branch,
        recompute: compute,
      });
  const syncIssue = context.issues
    ? await syncEngineeringIssue(context.issues, config.sync, renderSyncIssue(drafted.read, run.scorecard), {
        dryRun: options.dryRun === true,
      })
    : undefined;
  return { run, drafted, written, ...(syncIssue ? { syncIssue } : {}) };
}
