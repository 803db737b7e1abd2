import * as core from "@actions/core";
import type { EventPayloadMap } from "@octokit/webhooks-types";
import type { GitHubClient } from "../github/client.js";
import type { GitHubGateway } from "../github/gateway.js";
import type { Logger } from "../ports/logger.js";
import { parseIsoDateTime } from "../schemas/iso-time.js";
import type { DrafterFactory } from "../use-cases/ai-drafter.js";
import { redactSecrets } from "./redact-secrets.js";
import { workflowEvent, workflowRepository } from "./workflow-event.js";

// Light on purpose: the entry imports this module, and an event with nothing to do must not load
// Octokit, the schemas or the engines. What talks to GitHub is loaded on first use (ports.ts).

/** What the Action's commands hand to the use cases: the gateway's ports, the runner's log, the clock. */
export type ActionContext = GitHubGateway & { log: Logger; now: () => Date; drafterFor?: DrafterFactory };

/** One run of the Action, built once and given to every command it runs. */
export interface ActionRun {
  eventName: string;
  dryRun: boolean;
  /** The `config-path` input, when set. */
  configPath: string | undefined;
  /** The `now` input, when set: the end of the scorecard's window, for a backfill or a reproducible run. */
  now: Date | undefined;
  /** The branch the governance files live on: the event's repository says, else the ref the workflow runs on. */
  defaultBranch: string;
  /** The token's client, made on first use: a command with nothing to do needs no token. */
  client(): Promise<GitHubClient>;
  /** The use cases' ports over the workflow's repository, made once on first use. */
  useCase(): Promise<ActionContext>;
}

/** Actions event names that carry another webhook's payload: pull_request_target runs a pull_request payload in the base's context. */
const payloadOf: Readonly<Record<string, string>> = { pull_request_target: "pull_request" };

/**
 * The event's payload, typed by GitHub's webhook descriptions, when the workflow runs on that
 * event (the runner gives the payload untyped).
 */
export function eventPayload<Name extends keyof EventPayloadMap>(name: Name): EventPayloadMap[Name] | undefined {
  const { name: eventName, payload } = workflowEvent();
  const carried = payloadOf[eventName] ?? eventName;
  return carried === name ? (payload as unknown as EventPayloadMap[Name]) : undefined;
}

/** The `now` input (an ISO 8601 time with a zone), if given. */
function nowInput(): Date | undefined {
  const text = core.getInput("now");
  if (!text) return undefined;
  const now = parseIsoDateTime(text);
  if (!now)
    throw new Error(`input now must be an ISO 8601 time with a zone (e.g. 2025-11-03T00:00:00Z), not "${text}"`);
  return now;
}

const once = <T>(make: () => T): (() => T) => {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
};

/** Reads the inputs and the event once; the client and the gateway are made when a command first needs them. */
export function actionRun(): ActionRun {
  // A runner always passes action.yml's defaults; an empty value only happens outside one.
  const dryRun = core.getInput("dry-run") === "" ? false : core.getBooleanInput("dry-run");
  const now = nowInput();
  const { name: eventName, payload } = workflowEvent();
  const client = once(async () =>
    (await import("./ports.js")).actionOctokit(core.getInput("github-token", { required: true })),
  );
  const useCase = once(async () => (await import("./ports.js")).actionPorts(await client(), now));
  return {
    eventName,
    dryRun,
    configPath: core.getInput("config-path") || undefined,
    now,
    defaultBranch: payload.repository?.default_branch ?? process.env.GITHUB_REF_NAME ?? "main",
    client,
    useCase,
  };
}

/**
 * A line for the runner's log. core.info writes as is, and a line that starts with `::` is a
 * workflow command (`::error file=…::Approved`, `::stop-commands::`): text from a repository
 * must never start one, so such a line gets a zero-width space between the colons.
 */
export function info(text: string): void {
  core.info(text.replace(/(^|\n)(\s*):(?=:)/g, "$1$2:\u200b"));
}

/** The runner's log: warnings and errors become workflow annotations (their text is escaped by the toolkit). */
export function coreLogger(): Logger {
  // A warning or error may quote what GitHub answered, and that may echo a token.
  return {
    debug: core.debug,
    info,
    warn: (message) => core.warning(redactSecrets(message)),
    error: (message) => core.error(redactSecrets(message)),
  };
}

/** The repository's web address, for links in what the Action writes (GitHub Enterprise Server too). */
export function repositoryUrl(): string {
  const url = workflowEvent().payload.repository?.html_url;
  if (url) return url;
  const { owner, repo } = workflowRepository();
  return `${process.env.GITHUB_SERVER_URL ?? "https://github.com"}/${owner}/${repo}`;
}
