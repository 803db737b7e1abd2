import { localPublisher } from "../local/publisher.js";
import { localRepositoryView } from "../local/repository-view.js";
import type { Logger } from "../ports/logger.js";
import type { CliIo } from "./io.js";

/** Warnings and errors go to stderr; the CLI's own output says the rest. */
function stderrLogger(io: CliIo): Logger {
  return {
    debug() {},
    info() {},
    warn: (message) => io.stderr.write(`warning: ${message}\n`),
    error: (message) => io.stderr.write(`error: ${message}\n`),
  };
}

/**
 * The ports of a local clone: the view over git and the working tree, files as the publisher,
 * stderr as the log. Without a terminal on stderr no progress line is drawn, so the history is
 * read by git blocking the event loop: cheaper, and nothing waits on it.
 */
export function localContext(io: CliIo, options: { root: string; gitDir?: string; now?: Date }) {
  return {
    view: localRepositoryView({
      root: options.root,
      ...(options.gitDir ? { gitDir: options.gitDir } : {}),
      history: { blocking: !io.stderrIsTTY },
    }),
    publish: localPublisher(options.root),
    log: stderrLogger(io),
    now: () => options.now ?? io.now(),
  };
}
