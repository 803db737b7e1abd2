import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { toJsonReport } from "../../report/json.js";
import { dataDirOf } from "../../schemas/config.js";
import { toSarif } from "../../report/sarif.js";
import { formatText } from "../../report/text.js";
import { compareDiagnostics } from "../../validate/diagnostic.js";
import { validateDataFiles } from "../../validate/validate-files.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { loadRepoConfig } from "../load-repo-config.js";
import { readDataDir } from "../read-data-dir.js";

export type OutputFormat = "text" | "json" | "sarif";

export interface ValidateCommandOptions {
  root?: string;
  format: OutputFormat;
  version: string;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((info) => info.isDirectory(), () => false);
}

/** `cto-copilot validate`: every data file under the root, reported in the chosen format. */
export async function validateCommand(options: ValidateCommandOptions, io: CliIo): Promise<number> {
  const root = resolve(io.cwd, options.root ?? ".");
  if (!(await isDirectory(root))) throw new UsageError(`--root ${options.root}: no such directory`);
  const repoConfig = await loadRepoConfig(root);
  const { config } = repoConfig;
  const dataDir = dataDirOf(config);
  if (!(await isDirectory(resolve(root, dataDir)))) {
    throw new UsageError(`no data directory at ${resolve(root, dataDir)}; create it with \`cto-copilot init\`${options.root ? ` --root ${options.root}` : ""}`);
  }

  const contents = await readDataDir(root, dataDir, config.validation.maxFileSizeBytes, config.validation.ignore);
  const diagnostics = [
    ...repoConfig.diagnostics,
    ...validateDataFiles(contents.files, { dataDir, maxFileSizeBytes: config.validation.maxFileSizeBytes, knownPaths: contents.knownPaths }),
  ].sort(compareDiagnostics);
  const fileCount = contents.files.length + (repoConfig.text !== undefined ? 1 : 0);

  if (options.format === "json") {
    io.stdout.write(JSON.stringify(toJsonReport(diagnostics, fileCount)) + "\n");
  } else if (options.format === "sarif") {
    io.stdout.write(JSON.stringify(toSarif(diagnostics, { version: options.version }), null, 2) + "\n");
  } else {
    const decoder = new TextDecoder();
    const sources = new Map(contents.files.filter((file) => file.bytes).map((file) => [file.path, decoder.decode(file.bytes)]));
    if (repoConfig.text !== undefined) sources.set(".github/cto-copilot.yml", repoConfig.text);
    io.stdout.write(formatText(diagnostics, fileCount, sources, colorsFor(io)));
  }
  return diagnostics.some((diagnostic) => diagnostic.severity === "error") ? exitCodes.findings : exitCodes.ok;
}
