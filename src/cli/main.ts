import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import { initCommand } from "./commands/init.js";
import { validateCommand, type OutputFormat } from "./commands/validate.js";
import { exitCodes, processIo, UsageError, type CliIo } from "./io.js";

const packageJson = createRequire(import.meta.url)("../../package.json") as { version: string };

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command()
    .name("cto-copilot")
    .description("Engineering governance as code: validate data/engineering/, draft ADRs, compute DORA metrics.")
    .version(packageJson.version)
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command("validate")
    .description("Validate every data file under <root>/data/engineering (or the config's dataDir) and .github/cto-copilot.yml")
    .option("--root <dir>", "repository root", ".")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text"))
    .addHelpText("after", "\nExit codes: 0 no errors, 1 errors found, 2 usage or runtime error.")
    .action(async (options: { root: string; format: OutputFormat }) => {
      setExit(await validateCommand({ root: options.root, format: options.format, version: packageJson.version }, io));
    });

  program
    .command("init")
    .description("Create the data/engineering tree (JSON files, adrs/, incidents/, scorecards/); existing files are kept")
    .option("--root <dir>", "repository root", ".")
    .action(async (options: { root: string }) => {
      setExit(await initCommand(options, io));
    });

  return program;
}

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode: number = exitCodes.ok;
  const program = buildProgram(io, (code) => (exitCode = code));
  if (argv.length === 0) {
    io.stderr.write(program.helpInformation());
    return exitCodes.failure;
  }
  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander exits 0 after help or the version, and 1 after a usage error, which is our 2.
      return error.exitCode === 0 ? exitCodes.ok : exitCodes.failure;
    }
    const message = error instanceof UsageError ? error.message : ((error as Error).stack ?? String(error));
    io.stderr.write(`cto-copilot: error: ${message}\n`);
    return exitCodes.failure;
  }
}
