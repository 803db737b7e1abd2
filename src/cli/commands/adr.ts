import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, posix } from "node:path";
import { categoryLabels } from "../../adr/categories.js";
import { renderAdrDraft } from "../../adr/render-draft.js";
import { resolveCommit } from "../../local/changed-files.js";
import { gitMaybe } from "../../local/git.js";
import { workingTree } from "../../ports/repository-view.js";
import { isCalendarDate } from "../../schemas/common.js";
import { adrDirectoryOf } from "../../schemas/config.js";
import { assessAdrNeed } from "../../use-cases/assess-adr.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
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

/** `cto-copilot adr check --base REF`: the pull request's ADR assessment, on the working tree against a base. */
export async function adrCheckCommand(
  options: { root?: string; base?: string; format: "text" | "json"; strict?: boolean; verbose?: boolean },
  io: CliIo,
): Promise<number> {
  if (!options.base)
    throw new UsageError(
      "adr check needs --base REF: the commit to compare the working tree with, e.g. --base origin/main",
    );
  const root = await repositoryRoot(io, options.root);
  const { view } = localContext(io, { root });
  const { config } = (await loadConfig(view, workingTree)).resolved;
  const change = { baseSha: await resolveCommit(root, options.base), headSha: workingTree };
  const { changes, seen, score, resolution, suggested, related, notes } = await assessAdrNeed(view, {
    change,
    changed: await view.listChangedFiles(change),
    config,
    // Local reads cost no request: every file is judged.
    readLimit: Number.POSITIVE_INFINITY,
    readAdrs: "always",
  });
  const adrAdded = resolution?.kind === "adr-added";
  const verbose = options.verbose === true || config.adr.report === "all";
  const notDecisions = verbose ? seen.filter((found) => !found.decision) : [];

  if (options.format === "json") {
    io.stdout.write(
      JSON.stringify({
        triggered: suggested,
        changes: changes.map(({ file, category, reason }) => ({ file, category, reason })),
        adrs: related.map((adr) => adr.path),
        ...(verbose
          ? {
              score,
              threshold: config.adr.threshold,
              seen: seen.map(({ file, category, reason, decision, weight }) => ({
                file,
                category,
                reason,
                decision,
                weight,
              })),
            }
          : {}),
      }) + "\n",
    );
  } else {
    const colors = colorsFor(io);
    if (changes.length === 0)
      io.stdout.write(
        seen.length > 0
          ? `No infrastructure decision against ${options.base} (${seen.length} infrastructure file${seen.length === 1 ? "" : "s"} changed${verbose ? "" : "; --verbose lists them"}).\n`
          : `No infrastructure change against ${options.base}.\n`,
      );
    else if (!suggested && !adrAdded)
      io.stdout.write(
        `${changes.length} infrastructure decision${changes.length === 1 ? "" : "s"} against ${options.base}, weighing ${score} (below adr.threshold ${config.adr.threshold}): no ADR suggested.\n`,
      );
    if (changes.length > 0 && (suggested || adrAdded)) {
      io.stdout.write(
        `${changes.length} infrastructure change${changes.length === 1 ? "" : "s"} against ${options.base}:\n`,
      );
      for (const change of changes)
        io.stdout.write(
          `  ${colors.cyan(categoryLabels[change.category].padEnd(24))} ${change.file}  ${colors.gray(change.reason)}\n`,
        );
      if (related.length > 0) {
        io.stdout.write("\nDecisions in force that this may touch:\n");
        for (const adr of related)
          io.stdout.write(
            `  ${adr.path}  ${colors.gray(`(${adr.title}; mentions ${adr.why.slice(0, 4).join(", ")})`)}\n`,
          );
      }
      io.stdout.write(
        adrAdded
          ? `\n${colors.green("An ADR is part of the change.")}\n`
          : `\nConsider recording the decision: cto-copilot adr new "<decision title>"\n`,
      );
    }
    if (notDecisions.length > 0) {
      io.stdout.write("\nSeen, not decisions:\n");
      for (const found of notDecisions)
        io.stdout.write(
          `  ${colors.cyan(categoryLabels[found.category].padEnd(24))} ${found.file}  ${colors.gray(found.reason)}\n`,
        );
    }
    for (const problem of notes) io.stdout.write(`${colors.yellow("warning")}: ${problem}\n`);
  }
  return options.strict && suggested ? exitCodes.findings : exitCodes.ok;
}
