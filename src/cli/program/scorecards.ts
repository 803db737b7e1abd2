import { Option, type Command } from "commander";
import type { CliIo } from "../io.js";
import type { OrgScorecardOptions } from "../commands/org-scorecard.js";
import type { ScorecardOptions } from "../commands/scorecard.js";
import { rootHelp, type SetExit } from "./shared.js";

/** `scorecard` and `org-scorecard`: DORA and the engineering scorecard of a clone or an organisation. */
export function defineScorecardCommands(program: Command, io: CliIo, setExit: SetExit): void {
  program
    .command("scorecard")
    .description(
      "Compute DORA metrics and the engineering scorecard from a local git repository's release tags (no credentials)",
    )
    .option("--git <dir>", "git repository to read (default: --root, or the current directory)")
    .option(
      "--root <dir>",
      `repository whose data/engineering files feed the scorecard (default: --git, else ${rootHelp.slice(rootHelp.indexOf("found"), -1)})`,
    )
    .option(
      "--tag-pattern <glob>",
      "release tags (default: config dora.tagPattern, else release-shaped tags: v1.2.3 or 1.2.3)",
    )
    .option("--window-days <days>", "window ending at --now (default: config dora.windowDays, 90)")
    .option("--now <iso>", "end of the window, for reproducible figures (default: now)")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .option("--explain", "add the evidence: deployments in the window, their change counts, why each failed")
    .option("--service <name>", "one service of dora.services: its tags, and only the commits touching its paths")
    .option("--write", "write engineering_scorecard.json and scorecards/scorecard_YYYY-MM-DD.json")
    .option("--demo", "build a small sample engineering repository and show its explained scorecard (try this first)")
    .addHelpText(
      "after",
      "\nDefinitions: docs/dora.md. Exit codes: 0 computed (even with no deployments), 2 usage or runtime error.",
    )
    .action(async (options: ScorecardOptions) => {
      if (options.demo) {
        const { demoScorecardCommand } = await import("../commands/scorecard-demo.js");
        setExit(await demoScorecardCommand(options, io));
      } else {
        const { scorecardCommand } = await import("../commands/scorecard.js");
        setExit(await scorecardCommand(options, io));
      }
    });

  program
    .command("org-scorecard")
    .description(
      "Score every repository of a GitHub organisation on one machine, as the Action's matrix does (token in GITHUB_TOKEN)",
    )
    .option("--org <name>", "the organisation's login (GITHUB_API_URL for Enterprise Server)")
    .option("--topics <list>", "only repositories with one of these topics (comma-separated)")
    .option("--include <globs>", "only repositories whose name matches one of these globs, e.g. service-*")
    .option("--exclude <globs>", "leave out repositories whose name matches one of these globs")
    .option(
      "--repositories <names>",
      "exactly these repositories (archived, forks and .github are left out unless named)",
    )
    .option("--window-days <days>", "one window for every repository, ending at the start of --now's UTC day", "90")
    .option("--now <iso>", "when the run happens, for reproducible figures (default: now)")
    .option("--output <file>", "also write org_scorecard.json there")
    .addOption(new Option("--format <format>", "output format").choices(["text", "json"]).default("text"))
    .addHelpText(
      "after",
      "\nText: the summary the Action writes (Markdown). JSON: org_scorecard.json (schemas/org_scorecard.schema.json).\nFor hundreds of repositories use the Action's matrix: examples/workflows/org-scorecard.yml.\nExit codes: 0 scored (unreadable repositories are listed, not failures), 2 usage or runtime error.",
    )
    .action(async (options: OrgScorecardOptions) => {
      const { orgScorecardCommand } = await import("../commands/org-scorecard.js");
      setExit(await orgScorecardCommand(options, io));
    });
}
