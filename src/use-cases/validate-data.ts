import { posix } from "node:path";
import type { Diagnostic } from "../findings/diagnostic.js";
import { append, compareDiagnostics } from "../findings/diagnostic.js";
import type { FileView } from "../ports/repository-view.js";
import { classifyDataFile, dataLayoutOf, technicalContextPath } from "../schemas/data-files.js";
import type { RecordRules } from "../validate/record-rules.js";
import { validateDataFiles, type DataFile, type ValidateOptions } from "../validate/validate-files.js";
import { adrCrossChecks } from "./adr-cross-checks.js";
import { configDiagnostics, type LoadedConfig } from "./load-config.js";

export interface DataValidation {
  /** Config findings and data file findings, sorted by file and position. */
  diagnostics: Diagnostic[];
  /** The data files validated. */
  files: string[];
  /** The text of each file validated (and of the config), for code frames. */
  texts: Map<string, string>;
  /** Problems to show that cannot be annotated (the organisation's config). */
  notes: string[];
}

/** The Markdown rules (and parser), loaded only when there are ADRs or post-mortems to check. */
async function recordRulesFor(
  files: readonly DataFile[],
  layout: ReturnType<typeof dataLayoutOf>,
): Promise<RecordRules | undefined> {
  const hasRecords = files.some((file) => {
    const kind = classifyDataFile(file.path, layout).type;
    return kind === "adr" || kind === "incident";
  });
  return hasRecords ? (await import("../validate/record-rules.js")).recordRules : undefined;
}

/** The paths among `paths` that are data files and not ignored by `validation.ignore` (the glob matcher loads only for those). */
export async function dataFilesAmong(paths: readonly string[], loaded: LoadedConfig): Promise<string[]> {
  const { config } = loaded.resolved;
  const layout = dataLayoutOf(config);
  const isIgnored =
    config.validation.ignore.length > 0
      ? (await import("picomatch")).default(config.validation.ignore, { dot: true })
      : () => false;
  return paths.filter(
    (path) => classifyDataFile(path, layout).type !== "ignored" && !isIgnored(posix.relative(layout.dataDir, path)),
  );
}

/**
 * Validates data files at a ref, with the config that applies there: the PR check (the changed
 * files at the head commit) and `cto-copilot validate` (every file of the working tree) both
 * come here. One read for the files and the ADR directory (for cross-references).
 */
/**
 * Validates the files one at a time, giving the event loop back between them: in the App, a pull
 * request of many large records never holds up the deliveries of other repositories for longer
 * than one file takes (Markdown records are bounded to well under a second each).
 */
async function validateOneByOne(files: readonly DataFile[], options: ValidateOptions): Promise<Diagnostic[]> {
  const diagnostics: Diagnostic[] = [];
  for (const file of files) {
    append(diagnostics, validateDataFiles([file], options));
    await new Promise((resolve) => setImmediate(resolve));
  }
  return diagnostics;
}

export async function validateData(
  view: FileView,
  ref: string,
  paths: readonly string[],
  loaded: LoadedConfig,
): Promise<DataValidation> {
  const { config } = loaded.resolved;
  const layout = dataLayoutOf(config);
  const dataPaths = await dataFilesAmong(paths, loaded);
  const contents = await view.readContents(ref, {
    files: dataPaths,
    directories: [layout.adrs],
    maxBytes: config.validation.maxFileSizeBytes,
  });
  const files: DataFile[] = [];
  const symlinks: string[] = [];
  const unreadable: { path: string; problem: string }[] = [];
  const texts = new Map<string, string>();
  for (const path of dataPaths) {
    const file = contents.files.get(path);
    if (!file) continue;
    if (file.text !== null) texts.set(path, file.text);
    if (file.unread === "symlink") symlinks.push(path);
    else if (file.unread === "unreadable") unreadable.push({ path, problem: file.problem ?? "unknown error" });
    else if (file.unread === "binary") files.push({ path, size: file.byteSize, binary: true });
    else
      files.push({
        path,
        size: file.byteSize,
        ...(file.bytes !== undefined ? { bytes: file.bytes } : file.text !== null ? { text: file.text } : {}),
      });
  }
  const knownPaths = [
    ...dataPaths,
    ...(contents.directories.get(layout.adrs) ?? []).map((name) => `${layout.adrs}/${name}`),
  ];
  const adrNames = contents.directories.get(layout.adrs) ?? [];
  const cross = await adrCrossChecks(view, ref, layout, { paths, texts, adrNames });
  const { configPath, sources, resolved } = loaded;
  if (sources.repository !== undefined) texts.set(configPath, sources.repository);
  const diagnostics = [
    ...configDiagnostics(loaded),
    ...(await validateOneByOne(files, {
      layout,
      maxFileSizeBytes: config.validation.maxFileSizeBytes,
      knownPaths,
      records: await recordRulesFor(files, layout),
      ...(cross.adrLinks ? { adrLinks: cross.adrLinks } : {}),
    })),
    ...cross.diagnostics,
    ...symlinks.map((path) => ({
      file: path,
      line: 1,
      column: 1,
      ...(path === technicalContextPath
        ? {
            severity: "warning" as const,
            message:
              "CLAUDE.md is a symbolic link; links are never followed (one could point at secrets), so the AI drafts go without it: commit the file itself",
          }
        : {
            severity: "error" as const,
            message:
              "this data file is a symbolic link; links are never followed (one could point at secrets): commit the file itself",
          }),
      code: "symlink",
    })),
    ...unreadable.map(({ path, problem }) => ({
      file: path,
      line: 1,
      column: 1,
      severity: path === technicalContextPath ? ("warning" as const) : ("error" as const),
      code: "unreadable",
      message: `this ${path === technicalContextPath ? "file" : "data file"} could not be read (${problem}): check its permissions`,
    })),
  ].sort(compareDiagnostics);
  const notes = resolved.organizationFindings
    .filter((finding) => finding.severity === "error")
    .map(
      (finding) =>
        `The organisation's ${configPath} (in the .github repository) has an error: ${finding.message}; the defaults are used.`,
    );
  return {
    diagnostics,
    files: [...files.map((file) => file.path), ...symlinks, ...unreadable.map((file) => file.path)],
    texts,
    notes,
  };
}
