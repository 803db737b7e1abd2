import { Option, type Command } from "commander";
import type { CliIo } from "../io.js";
import type { FollowUpOptions } from "../commands/follow-up.js";
import { rootHelp, type SetExit } from "./shared.js";

/** `follow-up` and `follow-up sync`: what the post-mortems and ADRs promised, locally or as GitHub issues. */
export function defineFollowUpCommands(program: Command, io: CliIo, setExit: SetExit): void {
  const followUp = program
    .command("follow-up")
    .description(
      "List the post-mortems' action items and the accepted ADRs' review dates, overdue ones marked, from the local files (no GitHub)",
    )
    .option("--root <dir>", rootHelp)
    .option("--now <iso>", "the day to judge overdue against (ISO 8601, or YYYY-MM-DD; default: now)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      '\nJSON: {"actionItems": [{file, action, owner, due, status, overdue}], "adrReviews": [{file, title, reviewDate, status, overdue}]}.\nExit codes: 0 listed (even when something is overdue), 2 usage or runtime error.',
    )
    .action(async (options: FollowUpOptions) => {
      const { followUpCommand } = await import("../commands/follow-up.js");
      setExit(await followUpCommand(options, io));
    });
  followUp
    .command("sync")
    .description(
      "Keep the follow-up issues of a GitHub repository as the Action does: one per open action item, one reminder per ADR past review (token in GITHUB_TOKEN)",
    )
    .option("--repo <owner/name>", "the repository on GitHub (GITHUB_API_URL for Enterprise Server)")
    .option("--dry-run", "print what would change and write nothing")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .action(async (options: { repo?: string; dryRun?: boolean; format: "text" | "json" }) => {
      const { followUpSyncCommand } = await import("../commands/follow-up-sync.js");
      setExit(await followUpSyncCommand(options, io));
    });
}
