import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { renderAdrDraft } from "../../adr/render-draft.js";
import { addSupersedes, markSuperseded } from "../../adr/supersede.js";
import { writeAtomically } from "../../local/write-atomically.js";
import { gitMaybe } from "../../local/git.js";
import { workingTree } from "../../ports/repository-view.js";
import { isCalendarDate } from "../../schemas/iso-time.js";
import { adrDirectoryOf } from "../../schemas/config.js";
import { dataLayoutOf } from "../../schemas/data-files.js";
import { updateDecisionLog } from "../../adr/decision-log.js";
import { decisionLogPath, readFollowUpRecords } from "../../use-cases/read-follow-up.js";
import { adrCheckJson, formatAdrCheckText } from "../adr-check-report.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { reviewWorkingTree } from "../local-review.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

/** `cto-copilot adr new "Title"`: writes a new ADR from the template, never over an existing file. */
export async function adrNewCommand(
  title: string,
  options: { root?: string; deciders?: string; date?: string; supersedes?: string },
  io: CliIo,
): Promise<number> {
  if (title.trim() === "") throw new UsageError("the ADR needs a title");
  const root = await repositoryRoot(io, options.root);
  if (options.date !== undefined && !isCalendarDate(options.date))
    throw new UsageError(`--date ${options.date} is not a calendar date: give YYYY-MM-DD, e.g. 2026-02-28`);
  const today = options.date ? new Date(`${options.date}T00:00:00Z`) : io.now();
  const { config } = (await loadConfig(localContext(io, { root }).view, workingTree)).resolved;
  const gitUser = (await gitMaybe(root, ["config", "user.name"]))?.trim();
  const deciders = options.deciders
    ? options.deciders
        .split(",")
        .map((name) => name.trim())
        .filter(Boolean)
    : gitUser
      ? [gitUser]
      : [];
  const draft = renderAdrDraft({
    title,
    body: "",
    author: deciders[0] ?? "",
    reviewers: deciders.slice(1),
    changes: [],
    today,
    reviewAfterMonths: config.adr.reviewAfterMonths,
    decidersAreLogins: false,
  });
  const path = posix.join(adrDirectoryOf(config), draft.fileName);
  const superseded = options.supersedes
    ? await supersededAdr(io, root, adrDirectoryOf(config), options.supersedes, path)
    : undefined;
  await mkdir(dirname(join(root, path)), { recursive: true });
  try {
    await writeFile(join(root, path), superseded ? addSupersedes(draft.text, superseded.path) : draft.text, {
      flag: "wx",
    });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new UsageError(`${path} already exists; choose another title or date`);
    throw error;
  }
  if (superseded) await writeAtomically(join(root, superseded.path), superseded.text);
  io.stdout.write(`${colorsFor(io).green("created")} ${displayPath(io, root, path)}\n`);
  if (superseded)
    io.stdout.write(
      `${colorsFor(io).green("updated")} ${displayPath(io, root, superseded.path)} (superseded by ${posix.basename(path)})\n`,
    );
  return exitCodes.ok;
}

/**
 * The ADR `--supersedes` names (a path, or a file name in the ADR directory), read and marked
 * superseded by the new one; refused before anything is written when it cannot be.
 */
async function supersededAdr(io: CliIo, root: string, adrDirectory: string, given: string, newPath: string) {
  // A bare file name is looked for in the ADR directory first.
  const candidates = given.includes("/")
    ? [resolve(io.cwd, given)]
    : [join(root, adrDirectory, basename(given)), resolve(io.cwd, given)];
  for (const absolute of candidates) {
    const text = await readFile(absolute, "utf8").catch(() => undefined);
    if (text === undefined) continue;
    const path = relative(root, absolute).split("\\").join("/");
    if (posix.dirname(path) !== adrDirectory)
      throw new UsageError(`--supersedes ${given}: ${path} is not in the ADR directory (${adrDirectory})`);
    if (path === newPath) throw new UsageError(`--supersedes ${given}: an ADR cannot supersede itself`);
    try {
      return { path, text: markSuperseded(text, posix.basename(newPath)) };
    } catch (error) {
      throw new UsageError(`--supersedes ${given}: ${(error as Error).message}`);
    }
  }
  throw new UsageError(`--supersedes ${given}: no such ADR (give its path, or its file name in ${adrDirectory})`);
}

/** `cto-copilot adr check --base REF`: the ADR part of the pull-request review, on the working tree against a base. */
export async function adrCheckCommand(
  options: { root?: string; base?: string; format: "text" | "json"; strict?: boolean; verbose?: boolean },
  io: CliIo,
): Promise<number> {
  if (!options.base)
    throw new UsageError(
      "adr check needs --base REF: the commit to compare the working tree with, e.g. --base origin/main",
    );
  const root = await repositoryRoot(io, options.root);
  const { outcomes, snapshot } = await reviewWorkingTree(io, { root, base: options.base, only: ["adr"] });
  const { config } = snapshot.resolved;
  const assessment = outcomes.adr!.assessment!;
  const report = {
    base: options.base,
    verbose: options.verbose === true || config.adr.report === "all",
    threshold: config.adr.threshold,
  };
  io.stdout.write(
    options.format === "json"
      ? JSON.stringify(adrCheckJson(assessment, report)) + "\n"
      : formatAdrCheckText(assessment, report, colorsFor(io)),
  );
  return options.strict && assessment.suggested ? exitCodes.findings : exitCodes.ok;
}

/** `cto-copilot adr index`: writes the decision log (`<adr directory>/README.md`), keeping the text around its table. */
export async function adrIndexCommand(options: { root?: string; check?: boolean }, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root);
  const context = localContext(io, { root });
  const { config } = (await loadConfig(context.view, workingTree)).resolved;
  const layout = dataLayoutOf(config);
  const records = await readFollowUpRecords(context.view, workingTree, layout);
  const path = records.decisionLog?.path ?? decisionLogPath(layout);
  const next = updateDecisionLog(records.decisionLog?.text, records.adrs);
  const shown = displayPath(io, root, path);
  if (next === records.decisionLog?.text) {
    io.stdout.write(`${shown} is up to date (${records.adrs.length} ADR${records.adrs.length === 1 ? "" : "s"})\n`);
    return exitCodes.ok;
  }
  if (options.check) {
    io.stdout.write(`${shown} is out of date: run \`cto-copilot adr index\`\n`);
    return exitCodes.findings;
  }
  await mkdir(dirname(join(root, path)), { recursive: true });
  await writeAtomically(join(root, path), next);
  io.stdout.write(
    `${colorsFor(io).green(records.decisionLog ? "updated" : "created")} ${shown} (${records.adrs.length} ADR${records.adrs.length === 1 ? "" : "s"})\n`,
  );
  return exitCodes.ok;
}
