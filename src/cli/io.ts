import { createColors } from "picocolors";
import type { Colors } from "picocolors/types.js";

/** What a command may touch of the outside world; tests pass their own. */
export interface CliIo {
  stdout: { write(text: string): unknown };
  stderr: { write(text: string): unknown };
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Whether stdout is a terminal (colour is used only then). */
  isTTY: boolean;
  /** The terminal's width, when stdout is one. */
  columns?: number;
  /** Whether stderr is a terminal: the progress line of a long command is drawn only then. */
  stderrIsTTY?: boolean;
  /** Quiet time before the progress line (default 3 s); tests set it to 0. */
  progressAfterMs?: number;
  now(): Date;
}

export function processIo(): CliIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    cwd: process.cwd(),
    env: process.env,
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    ...(process.stdout.columns ? { columns: process.stdout.columns } : {}),
    now: () => new Date(),
  };
}

/** Colour only on a terminal, and never when NO_COLOR is set to a non-empty value (no-color.org). */
export function colorsFor(io: CliIo): Colors {
  return createColors(io.isTTY && !io.env.NO_COLOR);
}

/** Exit codes: 0 no errors, 1 findings with errors, 2 usage or runtime error. */
export const exitCodes = { ok: 0, findings: 1, failure: 2 } as const;

/** A failure the user can fix, reported as one line without a stack trace. */
export class UsageError extends Error {}
