import { Option, type Command } from "commander";
import type { CliIo } from "../io.js";
import { rootHelp, type SetExit } from "./shared.js";

/** `debt sync` and `debt summary`. */
export function defineDebtCommands(program: Command, io: CliIo, setExit: SetExit): void {
  const debt = program
    .command("debt")
    .description("Tech debt: keep one GitHub issue per open item, or fix the summary of tech_debt.json");
  debt
    .command("sync")
    .description(
      "Create, edit, close and reopen the debt issues of a GitHub repository to match its tech_debt.json (token in GITHUB_TOKEN)",
    )
    .option("--repo <owner/name>", "the repository on GitHub (GITHUB_API_URL for Enterprise Server)")
    .option(
      "--branch <name>",
      "the branch whose tech_debt.json is the truth (default: the repository's default branch)",
    )
    .option("--dry-run", "print what would change and write nothing")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (options: { repo?: string; branch?: string; dryRun?: boolean; format: "text" | "json" }) => {
      const { debtSyncCommand } = await import("../commands/debt-sync.js");
      setExit(await debtSyncCommand(options, io));
    });
  debt
    .command("summary")
    .description(
      "Check that the summary of tech_debt.json matches its items; --fix rewrites it, leaving the rest of the file as it is",
    )
    .option("--root <dir>", rootHelp)
    .option("--fix", "rewrite the summary")
    .addHelpText("after", "\nExit codes: 0 matches (or fixed), 1 does not match, 2 usage or runtime error.")
    .action(async (options: { root?: string; fix?: boolean }) => {
      const { debtSummaryCommand } = await import("../commands/debt-summary.js");
      setExit(await debtSummaryCommand(options, io));
    });
}
