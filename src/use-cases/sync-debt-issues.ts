import { planDebtIssues, planWrites, type DebtPlan } from "../debt/plan-issues.js";
import type { Logger } from "../ports/logger.js";
import { markResolved } from "../debt/back-sync.js";
import type { FilePublisher, IssuePublisher } from "../ports/publisher.js";
import type {
  BranchHead,
  BranchView,
  ConfigView,
  FileView,
  IdentityView,
  IssueView,
} from "../ports/repository-view.js";
import type { TechDebt } from "../schemas/tech-debt.js";
import { count } from "../text/plural.js";
import { dataFilePath, dataLayoutOf } from "../schemas/data-files.js";
import { techDebtSchema } from "../schemas/tech-debt.js";
import { parseJsonDocument } from "../validate/json-document.js";
import { LineIndex } from "../text/line-index.js";
import { pushChangesDebtFile } from "../debt/push-rule.js";
import { loadConfig } from "./load-config.js";

export interface DebtSyncContext {
  view: ConfigView & BranchView & FileView & IssueView & IdentityView;
  publish: IssuePublisher & FilePublisher;
  log: Logger;
}

export interface DebtSyncOptions {
  branch: string;
  /** `https://github.com/owner/repo`, for links to the items' lines. */
  repositoryUrl: string;
  configPath?: string;
  /** Compute the plan and write nothing. */
  dryRun?: boolean;
  /** The paths a push changed: the sync runs only when the debt file (where the config puts it) is among them. */
  changedPaths?: readonly string[];
}

export type DebtSyncOutcome =
  | { status: "skipped"; reason: string }
  | {
      status: "planned" | "synced" | "unchanged";
      plan: DebtPlan;
      file: string;
      commit: string;
      /** The pull request that marks hand-closed items resolved (debt.backSync: pull-request). */
      backSync?: { number: number; url: string; created: boolean };
    };

/**
 * Keeps one GitHub issue per open debt item in step with tech_debt.json:
 *
 * 1. Read the config (`debt.issues` must be on) and tech_debt.json at the branch head.
 * 2. List the issues with the debt label (open and closed) and plan creates, edits, closes and
 *    reopens (`planDebtIssues`) of the issues that are ours (src/markdown/ownership.ts); issues
 *    closed by hand while their item is open are drift, and issues quoting a marker are, reported.
 * 3. Apply it: labels first, then edits, closes (with a comment saying why), reopens, and at most
 *    `debt.maxCreatesPerRun` creations, looking for the marker once more right before creating.
 */
export async function syncDebtIssues(context: DebtSyncContext, options: DebtSyncOptions): Promise<DebtSyncOutcome> {
  const { view, publish } = context;
  const { config } = (await loadConfig(view, options.branch, options.configPath)).resolved;
  if (!config.debt.issues) return { status: "skipped", reason: "debt.issues is off in the config" };
  const file = dataFilePath(dataLayoutOf(config), "tech_debt");
  if (options.changedPaths && !pushChangesDebtFile(options.changedPaths, file))
    return { status: "skipped", reason: `the push does not change ${file}` };
  const head = await view.readHead(options.branch);
  const text = (await view.readContents(head.sha, { files: [file] })).files.get(file)?.text;
  if (text === undefined || text === null)
    return { status: "skipped", reason: `${file} does not exist on ${options.branch}` };
  const parsed = parseJsonDocument(text);
  const debt = techDebtSchema.safeParse(parsed.value);
  if (!debt.success)
    throw new Error(`${file} is not valid, so no issue was touched: run \`cto-copilot validate\` and fix it first`);

  // The line of each item, for links that land on it.
  const lines = new LineIndex(text);
  const spans = parsed.locate(
    debt.data.items.map((_, index) => ({ path: ["items", index], severity: "warning", code: "item", message: "" })),
  );
  const lineOf = new Map(
    debt.data.items.map((item, index) => [item.id, lines.position(spans[index]?.span.start ?? 0).line]),
  );
  const { debt: settings } = config;
  const self = await view.identity();
  const planFor = async () =>
    planDebtIssues({
      items: debt.data.items,
      issues: await view.listIssuesWithLabel(settings.label),
      labels: { base: settings.label, ...settings.labelPrefixes },
      removed: settings.removed,
      itemUrl: (id) => `${options.repositoryUrl}/blob/${head.sha}/${file}#L${lineOf.get(id) ?? 1}`,
      commit: head.sha,
      maxCreates: settings.maxCreatesPerRun,
      self,
    });
  const plan = await planFor();
  for (const drift of plan.drift) context.log.warn(drift.reason);
  for (const ignored of plan.ignored) context.log.warn(ignored.reason);
  if (options.dryRun) return { status: "planned", plan, file, commit: head.sha };
  const backSync =
    settings.backSync === "pull-request" && plan.drift.length > 0
      ? await proposeResolved(
          context,
          { branch: options.branch, botBranch: settings.backSyncBranch },
          head,
          file,
          text,
          debt.data,
          plan,
        )
      : undefined;
  if (!planWrites(plan))
    return { status: "unchanged", plan, file, commit: head.sha, ...(backSync ? { backSync } : {}) };

  await publish.ensureLabels(plan.labels);
  for (const update of plan.updates)
    await publish.updateIssue(update.number, { title: update.title, body: update.body, labels: update.labels });
  for (const close of plan.closes) {
    await publish.commentOnIssue(close.number, close.comment);
    await publish.updateIssue(close.number, { body: close.body, state: "closed", stateReason: close.stateReason });
  }
  for (const reopen of plan.reopens) await publish.updateIssue(reopen.number, { body: reopen.body, state: "open" });
  // Another run may have created some meanwhile: look once more, and create only what is still missing.
  const creates = plan.creates.length > 0 ? (await planFor()).creates : [];
  for (const create of creates)
    await publish.createIssue({ title: create.title, body: create.body, labels: create.labels });
  return { status: "synced", plan: { ...plan, creates }, file, commit: head.sha, ...(backSync ? { backSync } : {}) };
}

/**
 * debt.backSync: one pull request from a bot branch (never force-pushed; later runs update it)
 * that sets `resolvedAt` for the items whose issues were closed by hand, and fixes the summary.
 */
async function proposeResolved(
  context: DebtSyncContext,
  { branch, botBranch }: { branch: string; botBranch: string },
  head: BranchHead,
  file: string,
  text: string,
  debt: TechDebt,
  plan: DebtPlan,
) {
  const closed = new Map(
    plan.drift.map((drift) => [drift.id, (drift.closedAt ?? new Date().toISOString()).slice(0, 10)]),
  );
  const updated = markResolved(text, debt, closed);
  if (updated === text) return undefined;
  const list = plan.drift.map(
    (drift) => `- \`${drift.id.replace(/`/g, "'")}\`: #${drift.number}, closed on ${closed.get(drift.id)}`,
  );
  const written = await context.publish.writeFiles({
    branch,
    head,
    files: { [file]: updated },
    message: `chore(debt): mark ${count(closed.size, "item")} resolved whose issues were closed`,
    via: {
      kind: "pull-request",
      branch: botBranch,
      title: `Mark ${count(closed.size, "debt item")} resolved`,
      body: [
        "These issues were closed by hand while their items were still open in tech_debt.json. Merge to record them as resolved (the date each issue was closed), with the summary recomputed; close this pull request to keep them open, and reopen the issues.",
        "",
        ...list,
      ].join("\n"),
    },
  });
  return written.pullRequest;
}
