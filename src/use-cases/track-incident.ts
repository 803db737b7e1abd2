import { buildIncident, isIncident, type Incident } from "../incidents/build-incident.js";
import type { IssueHistory } from "../incidents/issue-history.js";
import { aiDraftedLabel, type Drafter } from "../llm/drafter.js";
import { postMortemDraftRequest, withAiNarrative } from "../llm/drafts/post-mortem.js";
import type { DrafterFactory } from "./ai-drafter.js";
import { postMortemFileName, postMortemIssue, renderPostMortem, updatePostMortem } from "../incidents/post-mortem.js";
import { renderStatusComment, type PostMortemLink } from "../incidents/render-status-comment.js";
import type { Logger } from "../ports/logger.js";
import type { CommentPublisher, FilePublisher } from "../ports/publisher.js";
import type {
  BranchListView,
  BranchView,
  ConfigView,
  FileView,
  IssueHistoryView,
  PullRequestView,
} from "../ports/repository-view.js";
import { neutralizeReferences } from "../markdown/escape.js";
import { dataLayoutOf, isRecordFileName } from "../schemas/data-files.js";
import type { Config } from "../schemas/config.js";
import { loadConfig } from "./load-config.js";
import { readTechnicalContext } from "./read-technical-context.js";

export interface IncidentContext {
  /** AI drafting, when the door offers it (the config still decides). */
  drafterFor?: DrafterFactory;
  view: ConfigView & BranchView & BranchListView & FileView & IssueHistoryView & PullRequestView;
  publish: CommentPublisher & FilePublisher;
  log: Logger;
}

export interface IncidentOptions {
  issueNumber: number;
  /** Where the config is read and the post-mortem pull request goes. */
  defaultBranch: string;
  configPath?: string;
  /** The config, when the door already has it (the App keeps it per repository). */
  config?: Config;
  /** Read and compute, write nothing: the outcome carries the comment it would post. */
  dryRun?: boolean;
  /** The issue's labels as the event gave them: without the incident label, nothing more is read. */
  labels?: readonly string[];
}

export type IncidentOutcome =
  | { status: "skipped"; reason: string }
  | { status: "planned"; incident: Incident; comment: string }
  | {
      status: "tracked";
      incident: Incident;
      comment: "created" | "updated" | "unchanged" | "absent";
      postMortem?: PostMortemLink & { action: "created" | "updated" | "unchanged" };
    };

/** The comment topic (hidden marker) of an incident's live comment. */
const incidentCommentTopic = "incident";

/** Permission checks in flight at once: a thread full of strangers' commands is checked in a few rounds. */
const permissionChecksAtOnce = 8;
const commandLine = /^\s*\/(timeline|started)\b/im;

/**
 * Who may steer the incident: every distinct person whose comment holds a command, and the
 * reporter when the description does (or `alsoReporter`), checked against the repository's
 * collaborator permission (write, maintain or admin), each login once. An author association
 * (an organisation MEMBER, say) is not a permission and is never taken for one.
 */
async function writersAmong(history: IssueHistory, view: IssueHistoryView, alsoReporter = false): Promise<Set<string>> {
  const authors = history.comments
    .filter((comment) => !comment.authorIsBot && commandLine.test(comment.body))
    .map((comment) => comment.author);
  const reporter = history.issue.author;
  if (reporter !== undefined && (alsoReporter || commandLine.test(history.issue.body))) authors.push(reporter);
  const logins = [...new Set(authors.map((login) => login.toLowerCase()))];
  const writers = new Set<string>();
  for (let start = 0; start < logins.length; start += permissionChecksAtOnce) {
    const batch = logins.slice(start, start + permissionChecksAtOnce);
    const allowed = await Promise.all(batch.map((login) => view.canWrite(login)));
    for (const [index, login] of batch.entries()) if (allowed[index]) writers.add(login);
  }
  return writers;
}

/**
 * Keeps an incident issue's record: recomputes the incident from the issue's whole history, edits
 * its one live comment, and when it is closed as completed opens (or updates) one pull request
 * with its post-mortem. Idempotent: a redelivered event finds nothing to change and writes nothing.
 */
export async function trackIncident(context: IncidentContext, options: IncidentOptions): Promise<IncidentOutcome> {
  const { view, publish } = context;
  const config = options.config ?? (await loadConfig(view, options.defaultBranch, options.configPath)).resolved.config;
  const settings = config.incidents;
  if (options.labels && !isIncident(options.labels, settings.label))
    return { status: "skipped", reason: `issue #${options.issueNumber} has no \`${settings.label}\` label` };
  const history = await view.readIssueHistory(options.issueNumber);
  if (!isIncident(history.issue.labels, settings.label))
    return { status: "skipped", reason: `issue #${options.issueNumber} has no \`${settings.label}\` label` };

  const drafter = context.drafterFor?.(config.ai);
  // The post-mortem's AI material takes the reporter's words only when the reporter may write.
  const writers = await writersAmong(history, view, drafter !== undefined && settings.postMortems === "pull-request");
  const incident = buildIncident(history, settings, writers);
  if (options.dryRun) return { status: "planned", incident, comment: renderStatusComment(incident, settings) };
  const postMortem =
    incident.outcome === "resolved" && settings.postMortems === "pull-request"
      ? await writePostMortem(context, incident, dataLayoutOf(config).incidents, options.defaultBranch, {
          history,
          writers,
          drafter,
        })
      : undefined;
  // Closed as not planned: an existing comment says so; none is started just to say it.
  const comment = await publish.upsertComment(
    incident.number,
    incidentCommentTopic,
    renderStatusComment(incident, settings, postMortem),
    { createIfMissing: incident.outcome !== "not-planned" },
  );
  return { status: "tracked", incident, comment: comment.action, ...(postMortem ? { postMortem } : {}) };
}

/** The post-mortem pull request's branch for an incident issue. */
const postMortemBranchPrefix = "cto-copilot/incident-";
const postMortemBranch = (issueNumber: number) => `${postMortemBranchPrefix}${issueNumber}`;

interface ExistingPostMortem {
  path: string;
  text: string;
  on: "bot-branch" | "default-branch";
}

/** The incident's post-mortem as already written: on its pull request's branch first, else merged. */
async function findPostMortem(
  view: FileView,
  refs: { ref: string; on: ExistingPostMortem["on"] }[],
  directory: string,
  issueNumber: number,
): Promise<{ existing?: ExistingPostMortem; taken: Set<string> }> {
  const taken = new Set<string>();
  for (const { ref, on } of refs) {
    const listing = (await view.readContents(ref, { directories: [directory] })).directories.get(directory) ?? [];
    const names = listing.filter((name) => isRecordFileName(name));
    for (const name of names) taken.add(name);
    const paths = names.map((name) => `${directory}/${name}`);
    if (paths.length === 0) continue;
    const contents = await view.readContents(ref, { files: paths });
    for (const path of paths) {
      const text = contents.files.get(path)?.text;
      if (text && postMortemIssue(text) === issueNumber) return { existing: { path, text, on }, taken };
    }
  }
  return { taken };
}

async function writePostMortem(
  context: IncidentContext,
  incident: Incident,
  directory: string,
  defaultBranch: string,
  ai: { history: IssueHistory; writers: ReadonlySet<string>; drafter: Drafter | undefined },
): Promise<NonNullable<Extract<IncidentOutcome, { status: "tracked" }>["postMortem"]>> {
  const { view, publish } = context;
  const branch = postMortemBranch(incident.number);
  const head = await view.readHead(defaultBranch);
  const { existing, taken } = await findPostMortem(
    view,
    [
      { ref: `refs/heads/${branch}`, on: "bot-branch" },
      { ref: head.sha, on: "default-branch" },
    ],
    directory,
    incident.number,
  );
  if (!existing) {
    // Other incidents' post-mortems still in their pull requests hold names too: two incidents of one day never collide.
    for (const other of await view.listBranches(postMortemBranchPrefix))
      if (other !== branch)
        for (const name of (
          await view.readContents(`refs/heads/${other}`, { directories: [directory] })
        ).directories.get(directory) ?? [])
          taken.add(name);
  }
  const path = existing?.path ?? `${directory}/${postMortemFileName(incident.started.at, taken)}`;
  let text = existing ? updatePostMortem(existing.text, incident) : renderPostMortem(incident);
  // The model writes only a new post-mortem's narrative: an update never asks again (idempotent),
  // and never rewrites what people wrote since.
  let aiNote = "";
  if (!existing && ai.drafter) {
    const technicalContext = await readTechnicalContext(view, head.sha, context.log);
    const outcome = await ai.drafter.draft(postMortemDraftRequest(ai.history, incident, ai.writers, technicalContext));
    if (outcome.ok) text = withAiNarrative(text, outcome.value, outcome.model);
    aiNote = outcome.ok
      ? `\n\nThe root-cause hypotheses and lessons are ${aiDraftedLabel} (${outcome.usage.inputTokens} input and ${outcome.usage.outputTokens} output tokens): confirm or rewrite them.`
      : `\n\nThe AI narrative was not used (${outcome.reason}): the placeholders are the deterministic ones.`;
  }

  if (existing && existing.text === text) {
    // Nothing new to say: no commit. Its pull request, if one is still open (it may have been merged or closed by a person).
    const pullRequest = existing.on === "bot-branch" ? await view.findOpenPullRequest(branch) : undefined;
    return { path, ...(pullRequest ? { pullRequest } : {}), action: "unchanged" };
  }
  // A title GitHub shows as is: no mention, reference or closing keyword from the reporter's words.
  const title = neutralizeReferences(`Post-mortem: ${incident.title}`)
    .replace(/[\r\n]+/g, " ")
    .slice(0, 200);
  const written = await publish.writeFiles({
    branch: defaultBranch,
    head,
    files: { [path]: text },
    message: `Post-mortem of incident #${incident.number}`,
    via: {
      kind: "pull-request",
      branch,
      title,
      body:
        [
          `The post-mortem of the incident tracked in #${incident.number}, written from the issue: severity, start, resolution, duration (${incident.durationMinutes ?? 0} minutes), the timeline and the action items.`,
          "",
          "Before merging, write what only people know: the root cause, the impact figures and the lessons learned (the placeholders say where). Reopening and closing the issue again updates this pull request.",
        ].join("\n") + aiNote,
    },
  });
  return {
    path,
    ...(written.pullRequest
      ? { pullRequest: { number: written.pullRequest.number, url: written.pullRequest.url } }
      : {}),
    action: existing ? "updated" : "created",
  };
}
