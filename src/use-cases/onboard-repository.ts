import { configPath } from "../config/parse-config.js";
import type { Logger } from "../ports/logger.js";
import type { FilePublisher } from "../ports/publisher.js";
import type {
  AuthorView,
  BranchView,
  ConfigView,
  DeliveryView,
  FileView,
  PullRequestView,
  TreeView,
} from "../ports/repository-view.js";
import { defaultConfigFile } from "../scaffold/default-config.js";
import { renderFirstSyncMarkdown } from "../discovery/first-sync.js";
import { planInit } from "../scaffold/plan-init.js";
import { scorecardWorkflow, scorecardWorkflowPath } from "../scaffold/scorecard-workflow.js";
import { defaultConfig, onboardingOf } from "../schemas/config.js";
import { dataFilePath, dataLayoutOf } from "../schemas/data-files.js";
import { discoverRepository, type DiscoveryRun } from "./discover-repository.js";
import { loadConfig } from "./load-config.js";

export interface OnboardingContext {
  view: TreeView & FileView & AuthorView & DeliveryView & ConfigView & PullRequestView & BranchView;
  publish: FilePublisher;
  log: Logger;
  now: () => Date;
}

export interface OnboardingOptions {
  /** The default branch: what is discovered, and what the pull request merges into. */
  branch: string;
  /**
   * When the App was installed on the repository (epoch ms): an install after a closed onboarding
   * pull request asks again; a redelivery of the same event carries the same time, so it does not.
   */
  installedAt?: number;
  /** A person asked (the Action's `onboard`): a closed pull request does not stop it. */
  requested?: boolean;
}

export type OnboardingOutcome =
  | {
      status: "skipped";
      reason: string;
      /** Whether the answer stands until the config changes (false: look again on the next push). */
      final: boolean;
    }
  | { status: "exists"; pullRequest: { number: number; url: string } }
  | {
      status: "opened";
      pullRequest: { number: number; url: string };
      files: string[];
      discovery: DiscoveryRun;
      body: string;
    };

const onboardingTitle = "Set up CTO Co-Pilot";

/** GitHub refused a commit because it touches a workflow file (403, or 422 naming the workflow). */
function isWorkflowRefusal(error: unknown): boolean {
  const status = (error as { status?: unknown }).status;
  return status === 403 || (status === 422 && /workflow/i.test(String((error as Error).message)));
}

/**
 * The one-read probe a push makes before any onboarding work: a repository with tech_stack.json
 * at the default place and no config file is set up, and costs nothing more. A config file may
 * move the data directory or opt out, so then the full look decides.
 */
export async function isPlainlySetUp(view: FileView, branch: string): Promise<boolean> {
  const techStackPath = dataFilePath(dataLayoutOf(defaultConfig()), "tech_stack");
  const { files } = await view.readContents(branch, { files: [techStackPath, configPath] });
  return files.has(techStackPath) && !files.has(configPath);
}

/**
 * The Renovate pattern: a repository without `tech_stack.json` gets one pull request that sets
 * up the data tree with its discovered stack, and whose description is the first CTO sync.
 * Never a second: an open one is left as it is; one closed unmerged means "no", until the App is
 * installed again or a person asks (`requested`); `onboarding: false` opts out. Keeps no state:
 * the repository (its files and its pull requests) is the state.
 */
export async function onboardRepository(
  context: OnboardingContext,
  options: OnboardingOptions,
): Promise<OnboardingOutcome> {
  const { view } = context;
  const loaded = await loadConfig(view, options.branch);
  if (!loaded.resolved.valid)
    return { status: "skipped", reason: `${configPath} has errors: fix it, then run onboarding again`, final: false };
  const { config } = loaded.resolved;
  const onboarding = onboardingOf(config);
  if (!onboarding.enabled) return { status: "skipped", reason: "onboarding is off (onboarding: false)", final: true };

  const layout = dataLayoutOf(config);
  const now = context.now();
  const scaffold = planInit(now, layout);
  const techStackPath = dataFilePath(layout, "tech_stack");
  const extras = [configPath, ...(onboarding.scorecardWorkflow ? [scorecardWorkflowPath] : [])];
  const [head, pull] = await Promise.all([
    view.readHead(options.branch),
    view.findLatestPullRequest(onboarding.branch),
  ]);
  if (pull?.state === "open") return { status: "exists", pullRequest: { number: pull.number, url: pull.url } };
  const present = await view.readContents(head.sha, { files: [...scaffold.map((file) => file.path), ...extras] });
  if (present.files.has(techStackPath))
    return { status: "skipped", reason: `${techStackPath} exists: the repository is set up`, final: true };
  if (pull && !options.requested) {
    const askedAgain =
      pull.state === "closed" && options.installedAt !== undefined && (pull.closedAt ?? 0) < options.installedAt;
    if (!askedAgain)
      return {
        status: "skipped",
        reason: `the onboarding pull request #${pull.number} was ${pull.state === "merged" ? "merged" : "closed without merging"}: not asked again (install the App again, or run the Action's onboard command)`,
        final: true,
      };
  }

  const discovery = await discoverRepository(view, config, { ref: head.sha, branch: options.branch, now });
  const files: Record<string, string> = {};
  for (const file of scaffold) {
    if (present.files.has(file.path)) continue;
    files[file.path] = file.path === techStackPath ? JSON.stringify(discovery.techStack, null, 2) + "\n" : file.content;
  }
  if (!present.files.has(configPath))
    files[configPath] = defaultConfigFile({
      dataDir: layout.dataDir,
      extendsOrganization: loaded.sources.organization !== undefined,
    });
  const write = (withWorkflow: boolean, notes: readonly string[]) => {
    const chosen = { ...files, ...(withWorkflow ? { [scorecardWorkflowPath]: scorecardWorkflow } : {}) };
    const body = renderFirstSyncMarkdown(
      discovery,
      { ...discovery.read, windowDays: config.dora.windowDays, notes: [...discovery.notes, ...notes] },
      { files: Object.keys(chosen), dataDir: layout.dataDir },
    );
    return context.publish
      .writeFiles({
        branch: options.branch,
        head,
        files: chosen,
        message: `${onboardingTitle}: ${layout.dataDir}/ with the discovered stack`,
        // Asked again after a closed pull request: the new one starts from today's default branch.
        via: {
          kind: "pull-request",
          branch: onboarding.branch,
          title: onboardingTitle,
          body,
          restart: pull !== undefined,
        },
      })
      .then((written) => ({ written, body, paths: Object.keys(chosen) }));
  };
  const withWorkflow = onboarding.scorecardWorkflow && !present.files.has(scorecardWorkflowPath);
  // GitHub lets no token write under .github/workflows without the `workflows` permission (the
  // App's manifest does not ask for it, and GITHUB_TOKEN never has it): the pull request then
  // goes without the workflow, and says how to add it.
  const { written, body, paths } = await write(withWorkflow, []).catch((error: unknown) => {
    if (!withWorkflow || !isWorkflowRefusal(error)) throw error;
    context.log.warn(
      `the scorecard workflow could not be written (${(error as Error).message}): onboarding without it`,
    );
    return write(false, [
      `the scorecard workflow was left out: this token may not write ${scorecardWorkflowPath} (GitHub asks for the workflows permission); copy examples/workflows/scorecard.yml there by hand`,
    ]);
  });
  if (!written.pullRequest) throw new Error("the publisher opened no pull request");
  const { number, url } = written.pullRequest;
  context.log.info(`onboarding pull request #${number} opened with ${paths.length} files`);
  return { status: "opened", pullRequest: { number, url }, files: paths, discovery, body };
}
