import type { Context } from "probot";
import type { GitHubClient } from "../github/client.js";
import { githubGateway } from "../github/gateway.js";
import { queriesBesideWrites } from "../github/queries-beside-writes.js";
import type { Logger } from "../ports/logger.js";
import { drafterFromEnvironment } from "../use-cases/ai-drafter.js";
import { appIdentity } from "./app-identity.js";
import { readerFor } from "./unthrottled-reads.js";

/**
 * The ports of the event's repository (or `repo`: an installation event names several) over the
 * installation's Octokit, Probot's logger, and the clock: what every handler hands its use case.
 */
export function useCaseContext(context: Context, repo: { owner: string; repo: string } = context.repo()) {
  const log = context.log;
  const octokit = context.octokit as unknown as GitHubClient;
  const installation = "installation" in context.payload ? context.payload.installation?.id : undefined;
  const reader = readerFor(installation);
  const client = reader ? queriesBesideWrites(octokit, reader) : octokit;
  const logger: Logger = {
    debug: (m) => log.debug(m),
    info: (m) => log.info(m),
    warn: (m) => log.warn(m),
    error: (m) => log.error(m),
  };
  return {
    ...githubGateway(client, { owner: repo.owner, repo: repo.repo }, appIdentity),
    log: logger,
    now: () => new Date(),
    drafterFor: drafterFromEnvironment(process.env, logger, { owner: repo.owner }),
  };
}
