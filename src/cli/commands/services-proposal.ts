import { servicesYaml, type ServiceProposal } from "../../discovery/services.js";
import { workingTree } from "../../ports/repository-view.js";
import type { Config } from "../../schemas/config.js";
import { proposeServicesFor } from "../../use-cases/propose-services.js";
import { colorsFor, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath } from "../repository-root.js";

/**
 * `init --discover` in a workspace monorepo whose packages have their own release tags: the
 * services `dora.services` could hold, printed with their tags. Returned for the new
 * `.github/cto-copilot.yml` init writes when there is none; a config a person wrote is never
 * edited: the block to add is printed instead, and nothing is returned.
 */
export async function offerServices(
  root: string,
  io: CliIo,
  loaded: { config: Config; configPath: string; exists: boolean },
): Promise<readonly ServiceProposal[]> {
  const colors = colorsFor(io);
  if (loaded.config.dora.services.length > 0) return [];
  const proposals = await proposeServicesFor(localContext(io, { root }).view, { ref: workingTree, branch: "HEAD" });
  if (proposals.length === 0) return [];
  io.stdout.write(`\n${colors.bold("Services of this monorepo (dora.services), each with its own DORA figures")}\n`);
  for (const proposal of proposals)
    io.stdout.write(
      `  ${proposal.name.padEnd(24)} ${proposal.paths.join(", ")}  ${colors.gray(proposal.tagPattern ? `tags ${proposal.tagPattern}` : "the release-shaped tags")}  ${colors.gray(`(${proposal.reason})`)}\n`,
    );
  if (!loaded.exists) return proposals;
  const shown = displayPath(io, root, loaded.configPath);
  io.stdout.write(`Add to ${shown} (kept as you wrote it):\n${servicesYaml(proposals).replace(/^/gm, "  ")}\n`);
  return [];
}
