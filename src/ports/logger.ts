/** What every use case may log: Probot's pino logger, the Action's core logger and the CLI's stderr all fit. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A logger that drops everything (tests, and callers that report outcomes themselves). */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };
