import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { Diagnostic } from "../../src/findings/diagnostic.js";
import { defaultConfig } from "../../src/schemas/config.js";
import { dataLayoutOf } from "../../src/schemas/data-files.js";
import { recordRules } from "../../src/validate/record-rules.js";
import { validateDataFiles, type DataFile } from "../../src/validate/validate-files.js";

export const templateRoot = new URL("../fixtures/template/", import.meta.url).pathname;
const dataDir = "data/engineering";
/** The default layout: data/engineering with adrs/, incidents/, scorecards/. */
export const layout = dataLayoutOf(defaultConfig());

/** Reads every file of a fixture repository as the validator's input. */
export function readFixture(root: string): DataFile[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
      entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)],
    );
  return walk(join(root, dataDir)).map((path) => {
    const bytes = readFileSync(path);
    return { path: relative(root, path).split(sep).join("/"), size: statSync(path).size, bytes };
  });
}

/** The template fixture's text for a data-relative path, e.g. "tech_debt.json". */
export function templateText(path: string): string {
  return readFileSync(join(templateRoot, dataDir, path), "utf8");
}

/** Validates one file as if it were `data/engineering/<path>`, alongside the given other paths. */
export function validateOne(
  path: string,
  content: string | Uint8Array,
  options: { knownPaths?: string[]; maxFileSizeBytes?: number } = {},
): Diagnostic[] {
  const bytes = typeof content === "string" ? new TextEncoder().encode(content) : content;
  const full = `${dataDir}/${path}`;
  return validateDataFiles([{ path: full, size: bytes.length, bytes }], {
    layout,
    records: recordRules,
    maxFileSizeBytes: options.maxFileSizeBytes,
    knownPaths: [full, ...(options.knownPaths ?? []).map((known) => `${dataDir}/${known}`)],
  });
}

/** Shorthand for assertions: `code@line:column`. */
export function brief(diagnostics: readonly Diagnostic[]): string[] {
  return diagnostics.map(
    (diagnostic) => `${diagnostic.severity} ${diagnostic.code}@${diagnostic.line}:${diagnostic.column}`,
  );
}

/** Edits a JSON text through a callback (for building bad inputs from the good template). */
export function editJson(text: string, edit: (value: Record<string, any>) => void): string {
  const value = JSON.parse(text) as Record<string, any>;
  edit(value);
  return JSON.stringify(value, null, 2);
}
