import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { configPath } from "../../config/resolve-config.js";
import { schemaUrl } from "../../schemas/schema-url.js";
import { workingTree } from "../../ports/repository-view.js";
import { planInit } from "../../scaffold/plan-init.js";
import { dataFilePath, dataLayoutOf } from "../../schemas/data-files.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, type CliIo } from "../io.js";
import { fillTechStack } from "../fill-tech-stack.js";
import { writeLocalConfig } from "../init-config-file.js";
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
