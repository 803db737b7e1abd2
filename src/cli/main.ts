import { createRequire } from "node:module";
import { Command, CommanderError, Option } from "commander";
import type { OrgScorecardOptions } from "./commands/org-scorecard.js";
import type { ScorecardOptions } from "./commands/scorecard.js";
import type { OutputFormat } from "./commands/validate.js";
import { GitError } from "../local/git.js";
import { SymlinkTargetError } from "../local/write-atomically.js";
import { toJsonFailure } from "../report/json.js";
import { toSarifFailure } from "../report/sarif.js";
import { exitCodes, processIo, UsageError, type CliIo } from "./io.js";

// Each command, and the schemas, parsers and git plumbing it needs, is loaded only when it runs:
// `--help` and a typo answer at once.

/** How every command finds its repository. */
const rootHelp =
  "repository root (default: found from the current directory: the nearest holding data/engineering or .github/cto-copilot.yml, else the git top level)";

const packageJson = createRequire(import.meta.url)("../../package.json") as { version: string };

function buildProgram(io: CliIo, setExit: (code: number) => void): Command {
  const program = new Command()
    .name("cto-copilot")
    .description("Engineering governance as code: validate data/engineering/, draft ADRs, compute DORA metrics.")
    .version(packageJson.version, "-v, --version", "print the version")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.stdout.write(text), writeErr: (text) => io.stderr.write(text) });

  program
    .command("validate")
    .description(
      "Validate every data file under <root>/data/engineering (or the config's dataDir) and .github/cto-copilot.yml",
    )
    .option("--root <dir>", rootHelp)
    .addOption(new Option("--format <format>", "output format").choices(["text", "json", "sarif"]).default("text"))
    .addHelpText("after", "\nExit codes: 0 no errors, 1 errors found, 2 usage or runtime error.")
    .action(async (options: { root: string; format: OutputFormat }) => {
      const { validateCommand } = await import("./commands/validate.js");
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
      const { initCommand } = await import("./commands/init.js");
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
      const { discoverCommand } = await import("./commands/discover.js");
      setExit(await discoverCommand(options, io));
    });

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
    .option("--write", "write engineering_scorecard.json and scorecards/scorecard_YYYY-MM-DD.json")
    .option("--demo", "build a small sample engineering repository and show its explained scorecard (try this first)")
    .addHelpText(
      "after",
      "\nDefinitions: docs/dora.md. Exit codes: 0 computed (even with no deployments), 2 usage or runtime error.",
    )
    .action(async (options: ScorecardOptions) => {
      const { scorecardCommand } = await import("./commands/scorecard.js");
      setExit(await scorecardCommand(options, io));
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
      const { orgScorecardCommand } = await import("./commands/org-scorecard.js");
      setExit(await orgScorecardCommand(options, io));
    });

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
    .action(async (title: string, options: { root: string; deciders?: string; date?: string }) => {
      const { adrNewCommand } = await import("./commands/adr.js");
      setExit(await adrNewCommand(title, options, io));
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
        const { adrCheckCommand } = await import("./commands/adr.js");
        setExit(await adrCheckCommand(options, io));
      },
    );

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
      const { debtSyncCommand } = await import("./commands/debt.js");
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
      const { debtSummaryCommand } = await import("./commands/debt.js");
      setExit(await debtSummaryCommand(options, io));
    });

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
  }
}
