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
  void followUp;
}
