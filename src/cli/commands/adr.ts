import { mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join, posix, resolve } from "node:path";
import { categoryLabels, detectInfraChanges } from "../../adr/detect-infra-changes.js";
import { readAdr, type AdrSummary } from "../../adr/read-adr.js";
import { brokenSupersedeLinks, findRelatedAdrs } from "../../adr/related-adrs.js";
import { renderAdrDraft } from "../../adr/render-draft.js";
import { isRecordFileName, recordFilesIn } from "../../markdown/record-files.js";
import { adrDirectoryOf } from "../../schemas/config.js";
import { communityAdrDirectories } from "../../use-cases/review-adr.js";
import { gitMaybe } from "../git.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { loadRepoConfig } from "../load-repo-config.js";
import { localChanges } from "../local-changes.js";

/** `cto-copilot adr new "Title"`: writes a new ADR from the template, never over an existing file. */
export async function adrNewCommand(title: string, options: { root?: string; deciders?: string; date?: string }, io: CliIo): Promise<number> {
  if (title.trim() === "") throw new UsageError("the ADR needs a title");
  const root = resolve(io.cwd, options.root ?? ".");
  const today = options.date ? new Date(`${options.date}T00:00:00Z`) : io.now();
  if (Number.isNaN(today.getTime())) throw new UsageError(`--date ${options.date}: expected YYYY-MM-DD`);
  const { config } = await loadRepoConfig(root);
  const gitUser = (await gitMaybe(root, ["config", "user.name"]))?.trim();
  const deciders = options.deciders ? options.deciders.split(",").map((name) => name.trim()).filter(Boolean) : gitUser ? [gitUser] : [];
  const draft = renderAdrDraft({ title, body: "", author: deciders[0] ?? "", reviewers: deciders.slice(1), changes: [], today, reviewAfterMonths: config.adr.reviewAfterMonths });
  const path = posix.join(adrDirectoryOf(config), draft.fileName);
  await mkdir(dirname(join(root, path)), { recursive: true });
  try {
    await writeFile(join(root, path), draft.text, { flag: "wx" });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new UsageError(`${path} already exists; choose another title or date`);
    throw error;
  }
  io.stdout.write(`${colorsFor(io).green("created")} ${path}\n`);
  return exitCodes.ok;
}

async function readLocalAdrs(root: string, directories: string[]): Promise<AdrSummary[]> {
  const adrs: AdrSummary[] = [];
  for (const directory of directories) {
    const names = await readdir(join(root, directory)).catch(() => [] as string[]);
    for (const name of names.filter(isRecordFileName)) {
      adrs.push(readAdr(`${directory}/${name}`, await readFile(join(root, directory, name), "utf8")));
    }
  }
  return adrs;
}

/** `cto-copilot adr check --base REF`: the PR detection on the local working tree. */
export async function adrCheckCommand(options: { root?: string; base: string; format: "text" | "json"; strict?: boolean }, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, options.root ?? ".");
  const { config } = await loadRepoConfig(root);
  const directories = [...new Set([adrDirectoryOf(config), ...communityAdrDirectories])];
  const files = await localChanges(root, options.base);
  const adrAdded = recordFilesIn(files.filter((file) => file.status !== "removed").map((file) => file.path), directories).length > 0;
  const changes = detectInfraChanges(files, config.adr);
  const triggered = changes.length > 0 && !adrAdded;
  const adrs = await readLocalAdrs(root, directories);
  const related = changes.length > 0 ? findRelatedAdrs(adrs, changes) : [];

  if (options.format === "json") {
    io.stdout.write(JSON.stringify({ triggered, changes: changes.map(({ file, category, reason }) => ({ file, category, reason })), adrs: related.map((adr) => adr.path) }) + "\n");
  } else {
    const colors = colorsFor(io);
    if (changes.length === 0) io.stdout.write(`No infrastructure change against ${options.base}.\n`);
    else {
      io.stdout.write(`${changes.length} infrastructure change${changes.length === 1 ? "" : "s"} against ${options.base}:\n`);
      for (const change of changes) io.stdout.write(`  ${colors.cyan(categoryLabels[change.category].padEnd(24))} ${change.file}  ${colors.gray(change.reason)}\n`);
      if (related.length > 0) {
        io.stdout.write("\nDecisions in force that this may touch:\n");
        for (const adr of related) io.stdout.write(`  ${adr.path}  ${colors.gray(`(${adr.title}; mentions ${adr.why.slice(0, 4).join(", ")})`)}\n`);
      }
      io.stdout.write(adrAdded ? `\n${colors.green("An ADR is part of the change.")}\n` : `\nConsider recording the decision: cto-copilot adr new "<decision title>"\n`);
    }
    for (const problem of brokenSupersedeLinks(adrs)) io.stdout.write(`${colors.yellow("warning")}: ${problem}\n`);
  }
  return options.strict && triggered ? exitCodes.findings : exitCodes.ok;
}
