import { Command, CommanderError } from "commander";
import { GitError, SymlinkTargetError } from "../local/errors.js";
import { toJsonFailure } from "../report/json.js";
import { toSarifFailure } from "../report/sarif.js";
import { exitCodes, processIo, UsageError, type CliIo } from "./io.js";
import { commandLabel, startProgress } from "./progress.js";
import { defineChangeCommands } from "./program/changes.js";
import { defineDataFileCommands } from "./program/data-files.js";
import { defineDebtCommands } from "./program/debt.js";
import { defineFollowUpCommands } from "./program/follow-up.js";
import { defineScorecardCommands } from "./program/scorecards.js";
import { packageJson } from "./program/shared.js";

// Each command, and the schemas, parsers and git plumbing it needs, is loaded only when it runs:
// `--help` and a typo answer at once.

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command()
    .name("cto-copilot")
    .description("Engineering governance as code: validate data/engineering/, draft ADRs, compute DORA metrics.")
    .version(packageJson.version, "-v, --version", "print the version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  defineDataFileCommands(program, io, setExit);
  defineScorecardCommands(program, io, setExit);
  defineChangeCommands(program, io, setExit);
  defineDebtCommands(program, io, setExit);
  defineFollowUpCommands(program, io, setExit);
  return program;
}

/** The output format asked for on the command line, if any (for reporting a failure in it). */
function requestedFormat(argv: readonly string[]): string | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === "--format") return argv[index + 1];
    if (arg.startsWith("--format=")) return arg.slice("--format=".length);
  }
  return undefined;
}

/**
 * Says a failure the way the user asked for output: one line on stderr always, and with
 * `--format json|sarif` one valid document on stdout too (an upload step then gets a file it can
 * read, saying the run failed).
 */
function reportFailure(io: CliIo, argv: readonly string[], message: string): void {
  io.stderr.write(`cto-copilot: error: ${message}\n`);
  const format = requestedFormat(argv);
  if (format === "json") io.stdout.write(JSON.stringify(toJsonFailure(message)) + "\n");
  if (format === "sarif")
    io.stdout.write(JSON.stringify(toSarifFailure(message, { version: packageJson.version }), null, 2) + "\n");
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], outside: CliIo = processIo()): Promise<number> {
  const progress = startProgress(outside, commandLabel(argv));
  const io = progress.io;
  let exitCode: number = exitCodes.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    progress.stop();
    io.stderr.write(program.helpInformation());
    return exitCodes.failure;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander exits 0 after help or the version, and 1 after a usage error (already printed), which is our 2.
      if (error.exitCode === 0) return exitCodes.ok;
      const format = requestedFormat(argv);
      if (format === "json" || format === "sarif")
        reportFailure({ ...io, stderr: { write: () => undefined } }, argv, error.message.replace(/^error: /, ""));
      return exitCodes.failure;
    }
    if (error instanceof UsageError || error instanceof GitError || error instanceof SymlinkTargetError) {
      reportFailure(io, argv, error.message);
      return exitCodes.failure;
    }
    // Not something the user can fix by changing the command: say so, and show where with DEBUG=cto-copilot.
    const debug = /(^|,)\s*cto-copilot\b/.test(io.env.DEBUG ?? "");
    const message = (error as Error).message ?? String(error);
    reportFailure(
      io,
      argv,
      debug
        ? ((error as Error).stack ?? message)
        : `${message} (an unexpected failure: run again with DEBUG=cto-copilot for details, and report it)`,
    );
    return exitCodes.failure;
  } finally {
    progress.stop();
  }
}
