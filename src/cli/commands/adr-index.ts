import { mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { updateDecisionLog } from "../../adr/decision-log.js";
import { writeAtomically } from "../../local/write-atomically.js";
import { workingTree } from "../../ports/repository-view.js";
import { dataLayoutOf } from "../../schemas/data-files.js";
import { decisionLogPath, readFollowUpRecords } from "../../use-cases/read-follow-up.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

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
