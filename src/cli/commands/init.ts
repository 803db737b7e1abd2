import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { workingTree } from "../../ports/repository-view.js";
import { planInit } from "../../scaffold/plan-init.js";
import { dataLayoutOf } from "../../schemas/data-files.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

/** `cto-copilot init`: creates the data tree, never overwriting a file that exists. */
export async function initCommand(options: { root?: string }, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root, { create: true });
  const { config } = (await loadConfig(localContext(io, { root }).view, workingTree)).resolved;
  const colors = colorsFor(io);
  let created = 0;
  const layout = dataLayoutOf(config);
  for (const { path: relativePath, content } of planInit(io.now(), layout)) {
    const target = resolve(root, relativePath);
    await mkdir(dirname(target), { recursive: true });
    try {
      // "wx" fails when the file exists: checking and creating are one step, so nothing is overwritten.
      await writeFile(target, content, { flag: "wx" });
      io.stdout.write(`${colors.green("created")} ${displayPath(io, root, relativePath)}\n`);
      created++;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      io.stdout.write(`${colors.gray("exists ")} ${displayPath(io, root, relativePath)} (kept)\n`);
    }
  }
  io.stdout.write(
    created > 0
      ? `\nNext: fill in ${displayPath(io, root, `${layout.dataDir}/tech_stack.json`)}, then run \`cto-copilot validate\`.\n`
      : "\nNothing to create: the data tree is complete.\n",
  );
  return exitCodes.ok;
}
