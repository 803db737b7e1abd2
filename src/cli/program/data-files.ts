import { Option, type Command } from "commander";
import type { CliIo } from "../io.js";
import type { OutputFormat } from "../commands/validate.js";
import { packageJson, rootHelp, type SetExit } from "./shared.js";

/** `validate`, `init` and `discover`: the data files and what the repository shows. */
export function defineDataFileCommands(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command("validate")
    .description(
      "Validate every data file under <root>/data/engineering (or the config's dataDir) and .github/cto-copilot.yml",
    )
    .option("--root <dir>", rootHelp)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text"))
    .addHelpText("after", "\nExit codes: 0 no errors, 1 errors found, 2 usage or runtime error.")
    .action(async (options: { root: string; format: OutputFormat }) => {
      const { validateCommand } = await import("../commands/validate.js");
      setExit(await validateCommand({ root: options.root, format: options.format, version: packageJson.version }, io));
    });

  program
    .command("init")
    .description(
      "Create the data/engineering tree (JSON files, adrs/, incidents/, scorecards/); existing files are kept",
    )
    .option("--root <dir>", rootHelp)
    .option(
      "--discover",
      "write the stack discovered from the repository into tech_stack.json (an existing file gets only its empty fields filled)",
    )
    .action(async (options: { root: string; discover?: boolean }) => {
      const { initCommand } = await import("../commands/init.js");
      setExit(await initCommand(options, io));
    });

  program
    .command("discover")
    .description(
      "Show the stack the repository shows (languages, frameworks, database, cloud, CI/CD, observability, team), each value with its evidence",
    )
    .option("--root <dir>", rootHelp)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      '\nJSON: {"techStack": <tech_stack.json>, "evidence": [{field, value, source, reason}], "questions": [...]}.\nExit codes: 0 discovered (even nothing), 2 usage or runtime error.',
    )
    .action(async (options: { root?: string; format: "text" | "json" }) => {
      const { discoverCommand } = await import("../commands/discover.js");
      setExit(await discoverCommand(options, io));
    });
}
