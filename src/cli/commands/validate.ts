import { statSync } from "node:fs";
import { resolve } from "node:path";
import { workingTree } from "../../ports/repository-view.js";
import { toJsonReport } from "../../report/json.js";
import { toSarif } from "../../report/sarif.js";
import { formatText } from "../../report/text.js";
import { dataLayoutOf, neighbourDataFiles } from "../../schemas/data-files.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { validateData } from "../../use-cases/validate-data.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

export type OutputFormat = "text" | "json" | "sarif";

export interface ValidateCommandOptions {
  root?: string;
  format: OutputFormat;
  version: string;
}

/** Asked synchronously: loading node:fs/promises for one question would cost more than the answer. */
function isDirectory(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/**
 * `cto-copilot validate`: every data file of the working tree, through the same validation as
 * the PR check. JSON and SARIF name files from the repository root (as code scanning wants);
 * the text report names them from where the user is.
 */
export async function validateCommand(options: ValidateCommandOptions, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root);
  const { view } = localContext(io, { root });
  const loaded = await loadConfig(view, workingTree);
  const layout = dataLayoutOf(loaded.resolved.config);
  if (!isDirectory(resolve(root, layout.dataDir))) {
    throw new UsageError(
      `no data directory at ${resolve(root, layout.dataDir)}; create it with \`cto-copilot init\`${options.root ? ` --root ${options.root}` : ""}`,
    );
  }
  const paths = [
    ...new Set([
      ...(await view.listFiles(layout.dataDir)),
      ...(await view.listFiles(layout.adrs)),
      ...neighbourDataFiles,
    ]),
  ];
  const { diagnostics, files, texts } = await validateData(view, workingTree, paths, loaded);
  const fileCount = files.length + (loaded.sources.repository !== undefined ? 1 : 0);

  if (options.format === "json") io.stdout.write(JSON.stringify(toJsonReport(diagnostics, fileCount)) + "\n");
  else if (options.format === "sarif")
    io.stdout.write(JSON.stringify(toSarif(diagnostics, { version: options.version }), null, 2) + "\n");
  else {
    const shown = (path: string) => displayPath(io, root, path);
    const local = diagnostics.map((diagnostic) => ({ ...diagnostic, file: shown(diagnostic.file) }));
    io.stdout.write(
      formatText(local, fileCount, new Map([...texts].map(([path, text]) => [shown(path), text])), colorsFor(io)),
    );
  }
  return diagnostics.some((diagnostic) => diagnostic.severity === "error") ? exitCodes.findings : exitCodes.ok;
}
