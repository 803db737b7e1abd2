import * as core from "@actions/core";
import type { GitHubGateway } from "../github/gateway.js";
import type { Logger } from "../ports/logger.js";
import type { DrafterFactory } from "../use-cases/ai-drafter.js";

/** What the Action's commands hand to the use cases: the gateway's ports, the runner's log, the clock. */
export type ActionContext = GitHubGateway & { log: Logger; now: () => Date; drafterFor?: DrafterFactory };

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
  return { debug: core.debug, info, warn: core.warning, error: core.error };
}
