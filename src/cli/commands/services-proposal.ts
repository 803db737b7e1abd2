import { mkdir, writeFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { servicesYaml } from "../../discovery/services.js";
import { workingTree } from "../../ports/repository-view.js";
import type { Config } from "../../schemas/config.js";
import { proposeServicesFor } from "../../use-cases/propose-services.js";
import { colorsFor, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath } from "../repository-root.js";

/**
 * `init --discover` in a workspace monorepo whose packages have their own release tags: the
 * services `dora.services` could hold, printed with their tags; written into a new
 * `.github/cto-copilot.yml` when there is none (a config a person wrote is never edited: the
 * block to add is printed instead).
 */
export async function offerServices(
  root: string,
  io: CliIo,
  loaded: { config: Config; configPath: string; exists: boolean },
): Promise<void> {
  const colors = colorsFor(io);
  if (loaded.config.dora.services.length > 0) return;
  const proposals = await proposeServicesFor(localContext(io, { root }).view, { ref: workingTree, branch: "HEAD" });
  if (proposals.length === 0) return;
  io.stdout.write(`\n${colors.bold("Services of this monorepo (dora.services), each with its own DORA figures")}\n`);
  for (const proposal of proposals)
    io.stdout.write(
      `  ${proposal.name.padEnd(24)} ${proposal.paths.join(", ")}  ${colors.gray(proposal.tagPattern ? `tags ${proposal.tagPattern}` : "the release-shaped tags")}  ${colors.gray(`(${proposal.reason})`)}\n`,
    );
  const yaml = servicesYaml(proposals);
  const shown = displayPath(io, root, loaded.configPath);
  if (!loaded.exists) {
    const target = resolve(root, loaded.configPath);
    await mkdir(dirname(target), { recursive: true });
    try {
      await writeFile(target, `# Written by cto-copilot init --discover: the services it found.\n${yaml}`, {
        flag: "wx",
      });
      io.stdout.write(`${colors.green("created")} ${shown} (dora.services)\n`);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  io.stdout.write(`Add to ${shown} (kept as you wrote it):\n${yaml.replace(/^/gm, "  ")}\n`);
}
