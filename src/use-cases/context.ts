import type { GitHubGateway } from "../github/gateway.js";

/** What every use case may log: Probot's pino logger and the Action's core logger both fit. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** Everything a use case needs, handed in by the front door that calls it. */
export interface UseCaseContext {
  github: GitHubGateway;
  log: Logger;
  now: () => Date;
}

/** True for GitHub's "Resource not accessible by integration" (a read-only token, e.g. on fork PRs). */
export function isForbidden(error: unknown): boolean {
  return typeof error === "object" && error !== null && (error as { status?: unknown }).status === 403;
}
