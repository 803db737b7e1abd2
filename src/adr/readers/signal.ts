import { yamlRecord } from "../../text/yaml-records.js";

/** A changed file as a reader sees it: both versions when they exist (absent: added or removed). */
export interface ReadFile {
  path: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  previousPath?: string;
  before?: string;
  after?: string;
  /** The diff, when the source gives one (a submodule shows `Subproject commit` lines there). */
  patch?: string;
}

/**
 * What a reader saw in one file: a decision (it triggers the ADR suggestion) or a change that is
 * not one (listed with `adr.report: all`, for tuning), with a reason a reviewer can check.
 */
export interface Signal {
  file: string;
  decision: boolean;
  reason: string;
  /** Technologies named (resource types, images, packages), for finding related ADRs. */
  technologies: string[];
  /** The file could not be read as what its name says (an invalid manifest): said as a warning. */
  problem?: boolean;
}

const maxReasonLength = 200;

/** A reason made from file contents: one line, capped (a 10 KB resource name must not become a 10 KB comment). */
export function reasonText(text: string): string {
  const line = text.replace(/\s+/g, " ").trim();
  return line.length > maxReasonLength ? `${line.slice(0, maxReasonLength - 1)}…` : line;
}

/** File text without a byte-order mark (a BOM must not hide a manifest) and with LF line ends. */
export function clean(text: string | undefined): string | undefined {
  return text?.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Names in `after` but not in `before`, and the other way round. */
export function difference<T>(before: Iterable<T>, after: Iterable<T>): { added: T[]; removed: T[] } {
  const old = new Set(before);
  const next = new Set(after);
  return { added: [...next].filter((item) => !old.has(item)), removed: [...old].filter((item) => !next.has(item)) };
}

/**
 * Tools of one kind replaced by another of the same kind (`switches test runner jest -> vitest`):
 * one member gone and another come; a second one added beside the first is no switch.
 */
export function switchesWithin(
  kinds: readonly (readonly [kind: string, members: readonly string[]])[],
  had: (member: string) => boolean,
  has: (member: string) => boolean,
): string[] {
  return kinds.flatMap(([kind, members]) => {
    const gone = members.filter((member) => had(member) && !has(member));
    const come = members.filter((member) => has(member) && !had(member));
    return gone.length > 0 && come.length > 0 ? [`switches ${kind} ${listed(gone)} -> ${listed(come)}`] : [];
  });
}

/** "a, b, c and 2 more". */
export function listed(items: readonly string[], max = 4): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

/**
 * A YAML document's top-level mapping, or undefined when the text is absent, not YAML, or past the
 * limits (`text/yaml-limits.ts`). The parser's warnings are printed, as the ADR check always has.
 */
export function yamlMapping(
  text: string | undefined,
  prepare?: (text: string) => string,
): Record<string, unknown> | undefined {
  return yamlRecord(clean(text), { prepare, warnings: "print" });
}
