import type { CliIo } from "./io.js";

/** How long a command runs in silence before the progress line appears. */
const defaultQuietMs = 3000;

/**
 * A progress line on stderr, for a person at a terminal, once a command has run for a few
 * seconds (reading a long git history, a large repository): `cto-copilot scorecard: still
 * working, 5 s`, rewritten in place every second and erased when the command ends. Never
 * written when stderr is not a terminal: a pipe or a CI log gets only the command's output.
 */
export function startProgress(io: CliIo, label: string): { io: CliIo; stop(): void } {
  if (!io.stderrIsTTY) return { io, stop: () => undefined };
  const started = Date.now();
  let shown = false;
  let ticker: NodeJS.Timeout | undefined;
  const erase = () => {
    if (shown) io.stderr.write("\r\x1b[2K");
    shown = false;
  };
  const draw = () => {
    erase();
    shown = true;
    io.stderr.write(`cto-copilot ${label}: still working, ${Math.round((Date.now() - started) / 1000)} s`);
  };
  const waiting = setTimeout(() => {
    draw();
    ticker = setInterval(draw, 1000);
    ticker.unref();
  }, io.progressAfterMs ?? defaultQuietMs);
  waiting.unref();
  // What the command writes goes on a clean line; the next tick draws the progress line again below it.
  const clearingFirst = (stream: CliIo["stdout"]) => ({
    write: (text: string) => {
      erase();
      return stream.write(text);
    },
  });
  return {
    io: { ...io, stdout: clearingFirst(io.stdout), stderr: clearingFirst(io.stderr) },
    stop: () => {
      clearTimeout(waiting);
      if (ticker) clearInterval(ticker);
      erase();
    },
  };
}

/** The command as the user typed it, without options: `scorecard`, `adr check`. */
export function commandLabel(argv: readonly string[]): string {
  const words: string[] = [];
  for (const arg of argv) {
    if (arg.startsWith("-") || words.length === 2) break;
    words.push(arg);
  }
  return words.join(" ");
}
