import { posix } from "node:path";

/** READMEs, indexes and templates sit beside ADRs and post-mortems without being records. */
const notRecords = /^(readme|index|template)\.md$/i;

/** Whether a file name is a markdown record (an ADR or a post-mortem), not a README or template. */
export function isRecordFileName(name: string): boolean {
  return name.endsWith(".md") && !notRecords.test(name);
}

/** The paths that are records directly inside one of the directories. */
export function recordFilesIn(paths: readonly string[], directories: readonly string[]): string[] {
  return paths.filter((path) => isRecordFileName(posix.basename(path)) && directories.includes(posix.dirname(path)));
}
