import { posix } from "node:path";
import { tickActionItems } from "../follow-up/action-items.js";
import { dayOf } from "../follow-up/plan.js";
import { followUpPlanWrites, planFollowUpIssues, type FollowUpIssuePlan } from "../follow-up/plan-issues.js";
import type { ReviewedAdr } from "../follow-up/render-issues.js";
import { findSection, parseMarkdownRecord } from "../markdown/document.js";
import type { Logger } from "../ports/logger.js";
import type { FilePublisher, IssuePublisher } from "../ports/publisher.js";
import type {
  BranchHead,
  BranchView,
  ConfigView,
  FileView,
  IdentityView,
  IssueView,
  PullRequestView,
} from "../ports/repository-view.js";
import type { Config } from "../schemas/config.js";
import { dataLayoutOf, type DataLayout } from "../schemas/data-files.js";
import { loadConfig } from "./load-config.js";
import { readFollowUpRecords, type FollowUpRecords } from "./read-follow-up.js";

export interface FollowUpSyncContext {
  view: ConfigView & BranchView & FileView & IssueView & PullRequestView & IdentityView;
  publish: IssuePublisher & FilePublisher;
  log: Logger;
  now: () => Date;
}

export interface FollowUpSyncOptions {
  branch: string;
  /** `https://github.com/owner/repo`, for links to the rows and the ADRs. */
  repositoryUrl: string;
  configPath?: string;
  dryRun?: boolean;
  /** The paths a push changed: the sync runs only when a post-mortem or an ADR is among them. */
  changedPaths?: readonly string[];
}

export type FollowUpSyncOutcome =
  | { status: "skipped"; reason: string }
  | {
      status: "planned" | "synced" | "unchanged";
      plan: FollowUpIssuePlan;
      commit: string;
      /** The pull request that ticks the rows of hand-closed issues. */
      backSync?: { number: number; url: string; created: boolean };
    };

/** Whether a push can have changed what the follow-up reads: a post-mortem or an ADR. */
function pushChangesFollowUp(changedPaths: readonly string[], layout: DataLayout): boolean {
  return changedPaths.some((path) => [layout.incidents, layout.adrs].includes(posix.dirname(path)));
}

/**
 * Keeps one issue per open action item and one reminder per accepted ADR past its review date:
 *
 * 1. Read the config (`followUp.issues` must be on), then the post-mortems and ADRs at the branch head.
 * 2. List the issues of the two labels; plan creates, edits, closes and reopens (`planFollowUpIssues`).
 * 3. Rows whose issue was closed by hand: one pull request ticks them (`followUp.backSync`).
 * 4. Apply: labels, edits, closes (with a comment saying why), reopens, then at most
 *    `followUp.maxCreatesPerRun` creations, planned once more right before creating.
 */
export async function syncFollowUp(
  context: FollowUpSyncContext,
  options: FollowUpSyncOptions,
): Promise<FollowUpSyncOutcome> {
  const { view, publish } = context;
  const { config } = (await loadConfig(view, options.branch, options.configPath)).resolved;
  if (!config.followUp.issues) return { status: "skipped", reason: "followUp.issues is off in the config" };
  const layout = dataLayoutOf(config);
  if (options.changedPaths && !pushChangesFollowUp(options.changedPaths, layout))
    return { status: "skipped", reason: "the push changes no post-mortem and no ADR" };
  const head = await view.readHead(options.branch);
  const records = await readFollowUpRecords(view, head.sha, layout);
  const planFor = await planner(context, config, options, head, records);
  const plan = await planFor();
  for (const drift of plan.drift) context.log.warn(drift.reason);
  if (options.dryRun) return { status: "planned", plan, commit: head.sha };
  const backSync =
    config.followUp.backSync === "pull-request" && plan.drift.length > 0
      ? await tickHandClosed(context, config, options.branch, head, records, plan)
      : undefined;
  const result = { plan, commit: head.sha, ...(backSync ? { backSync } : {}) };
  if (!followUpPlanWrites(plan)) return { status: "unchanged", ...result };
  await publish.ensureLabels(labelSpecs(config));
  for (const update of plan.updates)
    await publish.updateIssue(update.number, {
      title: update.title,
      body: update.body,
      ...(update.assignees ? { assignees: update.assignees } : {}),
    });
  for (const close of plan.closes) {
    await publish.commentOnIssue(close.number, close.comment);
    await publish.updateIssue(close.number, { body: close.body, state: "closed", stateReason: close.stateReason });
  }
  for (const reopen of plan.reopens) await publish.updateIssue(reopen.number, { body: reopen.body, state: "open" });
  // Another run may have created some meanwhile: look once more, and create only what is still missing.
  const creates = plan.creates.length > 0 ? (await planFor()).creates : [];
  for (const create of creates)
    await publish.createIssue({
      title: create.title,
      body: create.body,
      labels: create.labels,
      assignees: create.assignees,
    });
  return { status: "synced", ...result, plan: { ...plan, creates } };
}

/** The labels of the two kinds of issue, with the colour and description each gets when it is created. */
function labelSpecs(config: Config) {
  return [
    { name: config.incidents.label, color: "b60205", description: "An incident, or an action item of its post-mortem" },
    { name: config.followUp.label, color: "fbca04", description: "An action item of a post-mortem (CTO Co-Pilot)" },
    { name: config.followUp.reviewLabel, color: "c5def5", description: "An ADR past its review date (CTO Co-Pilot)" },
  ];
}

/** The first words of an ADR's Decision section, for its reminder. */
function decisionOf(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const section = findSection(parseMarkdownRecord(text), "decision");
  const words = section ? text.slice(section.body.start, section.body.end).replace(/\s+/g, " ").trim() : "";
  return words === "" ? undefined : words.length > 300 ? `${words.slice(0, 299)}…` : words;
}

/** Plans against the issues as they are now (listed afresh at each call); the owners' assignability is asked once. */
async function planner(
  context: FollowUpSyncContext,
  config: Config,
  options: FollowUpSyncOptions,
  head: BranchHead,
  records: FollowUpRecords,
) {
  const { view } = context;
  const owners = [
    ...new Set(
      records.actionItems
        .filter((item) => item.status === "open" && item.ownerIsLogin && item.owner)
        .map((item) => item.owner!.toLowerCase()),
    ),
  ].slice(0, 50);
  const assignable = new Set<string>();
  if (view.canBeAssigned) for (const owner of owners) if (await view.canBeAssigned(owner)) assignable.add(owner);
  const adrs: ReviewedAdr[] = records.adrs.map((adr) => {
    const decision = decisionOf(records.texts.get(adr.path));
    return { ...adr, ...(decision ? { decision } : {}) };
  });
  const today = dayOf(context.now());
  const self = await view.identity();
  return async () =>
    planFollowUpIssues({
      actionItems: records.actionItems,
      adrs,
      actionIssues: await view.listIssuesWithLabel(config.followUp.label),
      reviewIssues: await view.listIssuesWithLabel(config.followUp.reviewLabel),
      self,
      today,
      fileUrl: (path, line) =>
        `${options.repositoryUrl}/blob/${encodeURIComponent(options.branch)}/${encodeURI(path)}${line ? `#L${line}` : ""}`,
      labels: {
        actionItem: [config.incidents.label, config.followUp.label],
        adrReview: [config.followUp.reviewLabel],
      },
      assignable,
      maxCreates: config.followUp.maxCreatesPerRun,
      commit: head.sha,
    });
}

/**
 * followUp.backSync: one pull request from a bot branch that ticks the rows whose issues were
 * closed by hand; a later run with the same rows finds it already saying so and writes nothing.
 */
async function tickHandClosed(
  context: FollowUpSyncContext,
  config: Config,
  branch: string,
  head: BranchHead,
  records: FollowUpRecords,
  plan: FollowUpIssuePlan,
) {
  const files: Record<string, string> = {};
  for (const file of new Set(plan.drift.map((drift) => drift.item.file))) {
    const text = records.texts.get(file)!;
    files[file] = tickActionItems(
      text,
      plan.drift.filter((drift) => drift.item.file === file).map((drift) => drift.item),
    );
  }
  const botBranch = config.followUp.backSyncBranch;
  const open = await context.view.findOpenPullRequest(botBranch);
  if (open) {
    const onBranch = await context.view.readContents(botBranch, { files: Object.keys(files) });
    if (Object.entries(files).every(([path, text]) => onBranch.files.get(path)?.text === text))
      return { ...open, created: false };
  }
  const list = plan.drift.map(
    (drift) =>
      `- #${drift.number}: ${drift.item.action.replace(/[`\r\n]/g, " ")} (${drift.item.file}, row ${drift.item.row})`,
  );
  const written = await context.publish.writeFiles({
    branch,
    head,
    files,
    message: `chore(follow-up): tick ${plan.drift.length} action item${plan.drift.length === 1 ? "" : "s"} whose issues were closed`,
    via: {
      kind: "pull-request",
      branch: botBranch,
      restart: true,
      title: `Tick ${plan.drift.length} action item${plan.drift.length === 1 ? "" : "s"} closed on GitHub`,
      body: [
        "These issues were closed by hand while their rows in the post-mortems were still open (🔲). Merge to tick the rows (✅); close this pull request and reopen the issues to keep them open.",
        "",
        ...list,
      ].join("\n"),
    },
  });
  return written.pullRequest;
}
