import { Option, type Command } from "commander";
import type { CliIo } from "../io.js";
import type { ReviewCommandOptions } from "../commands/review.js";
import { rootHelp, type SetExit } from "./shared.js";

/** `adr new`, `adr check` and `review`: decisions and the pull-request review of local changes. */
export function defineChangeCommands(program: Command, io: CliIo, setExit: SetExit): void {
  const adr = program
    .command("adr")
    .description("Architecture decision records: write a new one, or check local changes for infrastructure");
  adr
    .command("new")
    .description("Write a new ADR from the template into the ADR directory (never overwrites)")
    .argument("<title>", 'the decision, e.g. "Use PostgreSQL for orders"')
    .option("--root <dir>", rootHelp)
    .option("--deciders <names>", "comma-separated deciders (default: git user.name)")
    .option("--date <YYYY-MM-DD>", "decision date (default: today)")
    .option(
      "--supersedes <file>",
      "the ADR this one replaces (a path, or a file name in the ADR directory): it is marked superseded, linking here",
    )
    .action(async (title: string, options: { root: string; deciders?: string; date?: string; supersedes?: string }) => {
      const { adrNewCommand } = await import("../commands/adr-new.js");
      setExit(await adrNewCommand(title, options, io));
    });
  adr
    .command("index")
    .description(
      "Write the decision log (README.md of the ADR directory): every ADR newest first, between markers; text around them stays",
    )
    .option("--root <dir>", rootHelp)
    .option("--check", "write nothing; exit 1 when the log is out of date")
    .addHelpText("after", "\nExit codes: 0 written or up to date, 1 out of date (--check), 2 usage or runtime error.")
    .action(async (options: { root?: string; check?: boolean }) => {
      const { adrIndexCommand } = await import("../commands/adr-index.js");
      setExit(await adrIndexCommand(options, io));
    });
  adr
    .command("check")
    .description("Detect infrastructure changes in the working tree against a base ref, as the PR check does")
    .option("--base <ref>", "git ref to compare with, e.g. origin/main (required)")
    .option("--root <dir>", rootHelp)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--strict", "exit 1 when an ADR is suggested")
    .option("--verbose", "also list the infrastructure changes seen that are not decisions, and why (adr.report: all)")
    .addHelpText(
      "after",
      "\nExit codes: 0 (also when an ADR is suggested), 1 with --strict when one is, 2 usage or runtime error.",
    )
    .action(
      async (options: { root: string; base: string; format: "text" | "json"; strict?: boolean; verbose?: boolean }) => {
        const { adrCheckCommand } = await import("../commands/adr-check.js");
        setExit(await adrCheckCommand(options, io));
      },
    );

  program
    .command("review")
    .description(
      "The pull-request review of the working tree against a base ref, every check the App and the Action run (data files, ADR)",
    )
    .option("--base <ref>", "git ref to compare with, e.g. origin/main (required)")
    .option("--root <dir>", rootHelp)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--strict", "also exit 1 when an ADR is suggested")
    .option("--verbose", "also list the infrastructure changes seen that are not decisions, and why (adr.report: all)")
    .option(
      "--infracost <file>",
      "Infracost JSON (infracost diff --format json) to use for the cost instead of the list-price estimate",
    )
    .addHelpText(
      "after",
      '\nJSON: one object with a key per check: {"data": <as validate --format json>, "adr": <as adr check --format json>, "cost": null | {"monthlyDelta", "currency", "source", "items", "unknown", "budget"}, "fit": {"stage", "concerns"}}.\nExit codes: 0 the review passes, 1 a check fails (data errors; an ADR required by adr.require and missing; the budget exceeded under costs.failOverBudget; with --strict, an ADR suggested), 2 usage or runtime error.',
    )
    .action(async (options: ReviewCommandOptions) => {
      const { reviewCommand } = await import("../commands/review.js");
      setExit(await reviewCommand(options, io));
    });
}
