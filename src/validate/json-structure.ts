import { skipWhitespace, stringEnd } from "./json-extent.js";
/** Data files are a few levels deep; past this, a file is generated or hostile, and not parsed further. */
export const maxJsonDepth = 100;

/**
 * Keys written in JSON text that JSON.parse accepted, duplicates included: strings followed by a
 * colon. A parsed tree holding fewer keys betrays a duplicate without a key set per object.
 *
 * It jumps from string to string with indexOf (native, vectorised): in valid JSON, whatever lies
 * between two strings is structure, so the next quote opens the next string. On a 200 MB file
 * this costs a third of a character-by-character pass.
 */
export function countWrittenKeys(text: string): number {
  let keys = 0;
  let start = text.indexOf('"');
  while (start !== -1) {
    const end = stringEnd(text, start);
    if (end === -1) break;
    const next = skipWhitespace(text, end);
    if (text.charCodeAt(next) === 58 /* : */) keys++;
    start = text.indexOf('"', next);
  }
  return keys;
}

/**
 * An upper bound on the keys written in JSON text that JSON.parse accepted, at a third of
 * `countWrittenKeys`'s cost: the colons a quote precedes (whitespace allowed between). Outside
 * strings a colon follows every key and nothing else, always right after the key's closing quote,
 * so every key is counted; a colon inside a string counts only when a quote comes just before
 * it (`"\":"`, `":)"`), which can make the bound too high, never too low. So a parsed tree that
 * holds as many keys as the bound holds every key written: no object repeats one.
 *
 * Why it is cheaper: it stops at colons only (one per key, plus the few inside strings, which
 * the character before them dismisses), where `countWrittenKeys` stops at both quotes of every
 * string, values included.
 */
export function keyColonBound(text: string): number {
  let keys = 0;
  let colon = text.indexOf(":");
  while (colon !== -1) {
    let before = colon - 1;
    let code = text.charCodeAt(before);
    while (code === 32 || code === 10 || code === 13 || code === 9) code = text.charCodeAt(--before);
    if (code === 34 /* " */) keys++;
    colon = text.indexOf(":", colon + 1);
  }
  return keys;
}

/**
 * The offset of the first `[` or `{` that opens a level deeper than `limit`, or -1. One pass,
 * strings skipped (a bracket inside a string is text), no recursion: it runs before any parser
 * that recurses (jsonc-parser, on text JSON.parse refused), and to point at the place when a
 * parsed value turned out too deep.
 */
export function deeperThan(text: string, limit = maxJsonDepth): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (inString) {
      if (code === 92 /* \ */) i++;
      else if (code === 34 /* " */) inString = false;
    } else if (code === 34) inString = true;
    else if (code === 91 /* [ */ || code === 123 /* { */) {
      if (++depth > limit) return i;
    } else if (code === 93 /* ] */ || code === 125 /* } */) depth--;
  }
  return -1;
}

export interface ParsedShape {
  /** Keys held by the value's objects. */
  keys: number;
  /** How deeply arrays and objects nest (a scalar is 0). */
  depth: number;
  /** Whether an object owns a `__proto__` key (JSON.parse makes it an own property, however it was escaped). */
  forbidden: boolean;
}

/**
 * Counts a parsed JSON value's keys and measures its depth without recursion (V8's JSON.parse
 * is iterative, so a hostile file can parse thousands of levels deep; nothing recursive may
 * look at it before this).
 */
export function measureParsed(value: unknown): ParsedShape {
  let keys = 0;
  let depth = 0;
  let forbidden = false;
  const nodes: unknown[] = [value];
  const depths: number[] = [1];
  while (nodes.length > 0) {
    const node = nodes.pop();
    const level = depths.pop()!;
    if (typeof node !== "object" || node === null) continue;
    if (level > depth) depth = level;
    if (Array.isArray(node)) {
      for (const child of node)
        if (typeof child === "object" && child !== null) {
          nodes.push(child);
          depths.push(level + 1);
        }
      continue;
    }
    for (const key in node) {
      keys++;
      const child = (node as Record<string, unknown>)[key];
      if (typeof child === "object" && child !== null) {
        nodes.push(child);
        depths.push(level + 1);
      }
    }
    if (Object.hasOwn(node, "__proto__")) forbidden = true;
  }
  return { keys, depth, forbidden };
}
