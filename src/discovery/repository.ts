import { kindOf, type FileKind } from "./repository-files.js";
import { byDepthThenPath, cleanText } from "./text.js";

/** The repository as the detectors see it: its files by kind (closest to the root first) and the texts that were read. */
export interface Repository {
  files(kind: FileKind): readonly string[];
  /** A file's text, cleaned (BOM, line ends) and capped; undefined when it was not read. */
  text(path: string): string | undefined;
}

/**
 * Sorts a listing into kinds in one pass. The lists of configuration files are sorted (closest
 * to the root first) so findings never depend on the listing's order; source files are only
 * counted, so their long lists are left as they come.
 */
export function repositoryOf(paths: readonly string[], contents: ReadonlyMap<string, string>): Repository {
  const byKind = new Map<FileKind, string[]>();
  for (const path of paths) {
    const kind = kindOf(path);
    if (kind === undefined) continue;
    const list = byKind.get(kind);
    if (list) list.push(path);
    else byKind.set(kind, [path]);
  }
  for (const [kind, list] of byKind) if (!kind.startsWith("source.")) list.sort(byDepthThenPath);
  const texts = new Map<string, string | undefined>();
  return {
    files: (kind) => byKind.get(kind) ?? [],
    text(path) {
      if (!texts.has(path)) texts.set(path, cleanText(contents.get(path)));
      return texts.get(path);
    },
  };
}
