import * as core from "@actions/core";
import type { GitHubGateway } from "../github/gateway.js";
import type { Logger } from "../ports/logger.js";

/** What the Action's commands hand to the use cases: the gateway's ports, the runner's log, the clock. */
export type ActionContext = GitHubGateway & { log: Logger; now: () => Date };

/** The runner's log: warnings and errors become workflow annotations. */
export function coreLogger(): Logger {
  return { debug: core.debug, info: core.info, warn: core.warning, error: core.error };
}
