import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { configPath } from "../../config/resolve-config.js";
import { fillEmptyFields } from "../../discovery/fill-empty-fields.js";
import { tagMatcher } from "../../dora/tag-pattern.js";
import { gitMaybe } from "../../local/git.js";
import { localConfigFile, type LocalTags } from "../../scaffold/default-config.js";
import type { Config } from "../../schemas/config.js";
import { configSchemaComment, schemaUrl } from "../../schemas/schema-url.js";
import { workingTree } from "../../ports/repository-view.js";
import { planInit } from "../../scaffold/plan-init.js";
import { dataFilePath, dataLayoutOf } from "../../schemas/data-files.js";
import { techStackSchema } from "../../schemas/tech-stack.js";
import { writeAtomically } from "../../local/write-atomically.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";
import { discoverLocally, formatDiscoveryText } from "./discover.js";
import { offerServices } from "./services-proposal.js";
import { servicesBlockLines } from "../../discovery/services.js";

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/**
 * `cto-copilot init`: creates the data tree, never overwriting a file that exists. With
 * `--discover`, tech_stack.json is the discovered stack; one that exists gets only its empty
 * fields filled, and every field filled is printed.
 */
export async function initCommand(options: { root?: string; discover?: boolean }, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root, { create: true });
  const loaded = await loadConfig(localContext(io, { root }).view, workingTree);
  const { config } = loaded.resolved;
  const colors = colorsFor(io);
  const layout = dataLayoutOf(config);
  const techStackPath = dataFilePath(layout, "tech_stack");
  const discovered = options.discover ? await discoverLocally(root, io) : undefined;
  if (discovered) io.stdout.write(formatDiscoveryText(discovered.run, discovered.windowDays, io) + "\n");
  const services = discovered
    ? await offerServices(root, io, {
        config,
        configPath: loaded.configPath,
        exists: loaded.sources.repository !== undefined,
      })
    : [];
  let created = 0;
  for (const { path: relativePath, content } of planInit(io.now(), layout)) {
    const target = resolve(root, relativePath);
    const shown = displayPath(io, root, relativePath);
    await mkdir(dirname(target), { recursive: true });
    const text =
      discovered && relativePath === techStackPath
        ? json({ $schema: schemaUrl("tech_stack.schema.json"), ...discovered.run.techStack })
        : content;
    try {
      // "wx" fails when the file exists: checking and creating are one step, so nothing is overwritten.
      await writeFile(target, text, { flag: "wx" });
      io.stdout.write(`${colors.green("created")} ${shown}${text === content ? "" : " (discovered stack)"}\n`);
      created++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      if (discovered && relativePath === techStackPath)
        await fillTechStack(target, shown, discovered.run.techStack, io);
      else io.stdout.write(`${colors.gray("exists ")} ${shown} (kept)\n`);
    }
  }
  if (!loaded.sources.repository) {
    const servicesBlock = services.length > 0 ? servicesBlockLines(services) : undefined;
    if (await writeLocalConfig(root, layout.dataDir, config, servicesBlock)) {
      io.stdout.write(
        `${colors.green("created")} ${displayPath(io, root, configPath)} (DORA from release tags, as \`cto-copilot scorecard\` measures here${servicesBlock ? ", with dora.services" : ""})\n`,
      );
      created++;
    }
  } else io.stdout.write(`${colors.gray("exists ")} ${displayPath(io, root, configPath)} (kept)\n`);
  io.stdout.write(
    created > 0
      ? `\nNext: ${discovered ? "check" : "fill in"} ${displayPath(io, root, techStackPath)}, then run \`cto-copilot validate\`.\n`
      : "\nNothing to create: the data tree is complete.\n",
  );
  return exitCodes.ok;
}

/**
 * Writes `.github/cto-copilot.yml` measuring DORA as the CLI does here; true when it did. When
 * this run already wrote one (the services of a monorepo, `dora.source: tags` with them), that
 * file only gets the editor's schema line on top.
 */
async function writeLocalConfig(
  root: string,
  dataDir: string,
  config: Config,
  servicesBlock: string | undefined,
): Promise<boolean> {
  const target = resolve(root, configPath);
  const tags = await localTags(root, config.dora.tagPattern);
  await mkdir(dirname(target), { recursive: true });
  try {
    const text = localConfigFile({
      dataDir,
      windowDays: config.dora.windowDays,
      tags,
      ...(servicesBlock ? { servicesBlock } : {}),
    });
    await writeFile(target, text, { flag: "wx" });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    const written = await readFile(target, "utf8");
    if (!written.startsWith(configSchemaComment)) await writeAtomically(target, `${configSchemaComment}\n${written}`);
    return false;
  }
}

/** The clone's tags the scorecard would take as releases, newest first by creation. */
async function localTags(root: string, pattern: string | undefined): Promise<LocalTags> {
  const listed = await gitMaybe(root, [
    "for-each-ref",
    // The last key sorts first: by creation, then by version among tags of the same second.
    "--sort=-v:refname",
    "--sort=-creatordate",
    "--format=%(refname:short)",
    "refs/tags",
  ]);
  const matches = await tagMatcher(pattern);
  const selected = (listed ?? "").split("\n").filter((name) => name !== "" && matches(name));
  return { pattern, count: selected.length, ...(selected[0] ? { latest: selected[0] } : {}) };
}

/** Fills only the empty fields of a tech_stack.json a person wrote, and says which. */
async function fillTechStack(target: string, shown: string, discovered: unknown, io: CliIo): Promise<void> {
  const colors = colorsFor(io);
  const text = await readFile(target, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${shown} is not valid JSON: run \`cto-copilot validate\` to see where, fix it, then run init --discover again`,
    );
  }
  const existing = techStackSchema.safeParse(parsed);
  if (!existing.success)
    throw new UsageError(
      `${shown} does not match the tech_stack schema: run \`cto-copilot validate\`, fix it, then run init --discover again`,
    );
  const { merged, filled } = fillEmptyFields(existing.data, techStackSchema.parse(discovered));
  if (filled.length === 0) {
    io.stdout.write(`${colors.gray("exists ")} ${shown} (kept: every field discovery could fill is already written)\n`);
    return;
  }
  await writeAtomically(target, json(merged));
  io.stdout.write(
    `${colors.green("filled ")} ${shown}: ${filled.length} empty ${filled.length === 1 ? "field" : "fields"} (what was written is kept)\n`,
  );
  for (const { field, value } of filled) io.stdout.write(`         ${field} = ${value}\n`);
}
