/** Data files are a few levels deep; past this, a file is generated or hostile, and not parsed further. */
export const maxJsonDepth = 100;

/**
 * The offset of the first `[` or `{` that opens a level deeper than `limit`, or -1. One pass,
 * strings skipped (a bracket inside a string is text), no recursion: it runs before any parser
 * that recurses.
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
