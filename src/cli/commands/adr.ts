import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { renderAdrDraft } from "../../adr/render-draft.js";
import { gitMaybe } from "../../local/git.js";
import { workingTree } from "../../ports/repository-view.js";
import { isCalendarDate } from "../../schemas/common.js";
import { adrDirectoryOf } from "../../schemas/config.js";
import { adrCheckJson, formatAdrCheckText } from "../adr-check-report.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { reviewWorkingTree } from "../local-review.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

/** `cto-copilot adr new "Title"`: writes a new ADR from the template, never over an existing file. */
export async function adrNewCommand(
  title: string,
  options: { root?: string; deciders?: string; date?: string },
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
  await mkdir(dirname(join(root, path)), { recursive: true });
  try {
    await writeFile(join(root, path), draft.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST")
      throw new UsageError(`${path} already exists; choose another title or date`);
    throw error;
  }
  io.stdout.write(`${colorsFor(io).green("created")} ${displayPath(io, root, path)}\n`);
  return exitCodes.ok;
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
