import { parse as parseToml } from "smol-toml";
import { record } from "../text/records.js";

/**
 * Characters of one file looked at, at most. Manifests and configs are a few kilobytes; a file
 * past this is cut, not skipped, so a huge generated workflow still names its CI system.
 */
const maxTextLength = 512 * 1024;

/** File text without a byte-order mark (a BOM must not hide a manifest), with LF line ends, capped. */
export function cleanText(text: string | undefined): string | undefined {
  if (text === undefined) return undefined;
  const capped = text.length > maxTextLength ? text.slice(0, maxTextLength) : text;
  return capped.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

/** Strings of a list (other items dropped); a lone string as a list of one. */
export const strings = (value: unknown): string[] =>
  typeof value === "string"
    ? [value]
    : Array.isArray(value)
      ? value.filter((v): v is string => typeof v === "string")
      : [];

export function tomlRecord(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined;
  try {
    return record(parseToml(text));
  } catch {
    return undefined;
  }
}

/** `a/b/c.txt` -> `c.txt`. */
export const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);

/** `a/b/c.txt` -> `a/b`; a root file -> "". */
export const dirName = (path: string) => {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
};

/** How many directories deep a path is: `x` 0, `a/x` 1. */
export function depthOf(path: string): number {
  let depth = 0;
  for (let i = 0; i < path.length; i++) if (path.charCodeAt(i) === 47) depth++;
  return depth;
}

/** Closest to the root first, then by path: the order every listing in discovery uses. */
export const byDepthThenPath = (a: string, b: string) => depthOf(a) - depthOf(b) || (a < b ? -1 : a > b ? 1 : 0);

/** A value found in a file, quoted for a reason and cut to one short line. */
export function quoted(value: string): string {
  const line = value.replace(/\s+/g, " ").trim();
  return `"${line.length > 80 ? `${line.slice(0, 79)}…` : line}"`;
}
