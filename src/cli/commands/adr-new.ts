import { mkdir, readFile, writeFile } from "node:fs/promises";
import { basename, dirname, join, posix, relative, resolve } from "node:path";
import { renderAdrDraft } from "../../adr/render-draft.js";
import { addSupersedes, markSuperseded } from "../../adr/supersede.js";
import { writeAtomically } from "../../local/write-atomically.js";
import { gitMaybe } from "../../local/git.js";
import { workingTree } from "../../ports/repository-view.js";
import { isCalendarDate } from "../../schemas/iso-time.js";
import { adrDirectoryOf } from "../../schemas/config.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
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
