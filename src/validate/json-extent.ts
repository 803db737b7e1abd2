/**
 * Finding where JSON values begin and end in text that has not been parsed, so that the elements
 * of a large array can be parsed a batch at a time (see validate-by-element.ts).
 *
 * These scanners trust the text to be JSON: the caller parses every slice they mark, and the
 * parser refuses what is not. They only have to mark the boundaries a parser would find in valid
 * JSON, and on any other text to stop without running past it: they answer -1 or undefined at
 * whatever they cannot follow, and the caller falls back to parsing the whole text.
 */

const isWhitespace = (code: number) => code === 32 || code === 10 || code === 13 || code === 9;

export function skipWhitespace(text: string, offset: number): number {
  while (isWhitespace(text.charCodeAt(offset))) offset++;
  return offset;
}

/** The offset just after the string whose opening quote is at `start`, or -1 when it never closes. */
export function stringEnd(text: string, start: number): number {
  let end = text.indexOf('"', start + 1);
  // A quote preceded by an odd number of backslashes is part of the string.
  while (end !== -1 && text.charCodeAt(end - 1) === 92 /* \ */) {
    let backslashes = 1;
    while (text.charCodeAt(end - 1 - backslashes) === 92) backslashes++;
    if (backslashes % 2 === 0) break;
    end = text.indexOf('"', end + 1);
  }
  return end === -1 ? -1 : end + 1;
}

/**
 * The offset just after the JSON value that starts at `start` (not whitespace), or -1. Strings
 * are jumped over with indexOf (native; in valid JSON whatever lies between two strings is
 * structure), so only the structure between them is read character by character.
 */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first === 34 /* " */) return stringEnd(text, start);
  if (first !== 123 /* { */ && first !== 91 /* [ */) {
    // A number, true, false or null runs to the next delimiter.
    let end = start;
    for (let code = first; end < text.length; code = text.charCodeAt(++end))
      if (isWhitespace(code) || code === 44 /* , */ || code === 93 /* ] */ || code === 125 /* } */) break;
    return end === start ? -1 : end;
  }
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      i = stringEnd(text, i);
      if (i === -1) return -1;
      continue;
    }
    if (code === 123 || code === 91) depth++;
    else if ((code === 125 || code === 93) && --depth === 0) return i + 1;
    i++;
  }
  return -1;
}

/**
 * The offset of the `[` that opens the top-level object's first property named `name`, or
 * undefined when the text is not such an object (as far as the scan can tell).
 */
export function topLevelArray(text: string, name: string): number | undefined {
  let i = skipWhitespace(text, 0);
  if (text.charCodeAt(i) !== 123 /* { */) return undefined;
  i = skipWhitespace(text, i + 1);
  while (text.charCodeAt(i) === 34 /* " */) {
    const keyEnd = stringEnd(text, i);
    if (keyEnd === -1) return undefined;
    const key = keyName(text.slice(i, keyEnd));
    i = skipWhitespace(text, keyEnd);
    if (text.charCodeAt(i) !== 58 /* : */) return undefined;
    i = skipWhitespace(text, i + 1);
    if (key === name) return text.charCodeAt(i) === 91 /* [ */ ? i : undefined;
    const end = valueEnd(text, i);
    if (end === -1) return undefined;
    i = skipWhitespace(text, end);
    if (text.charCodeAt(i) !== 44 /* , */) return undefined;
    i = skipWhitespace(text, i + 1);
  }
  return undefined;
}

/** A key as written, quotes included, to its name (`"\u0069tems"` is `items`); undefined when it is not a valid string. */
function keyName(written: string): string | undefined {
  if (!written.includes("\\")) return written.slice(1, -1);
  try {
    return JSON.parse(written) as string;
  } catch {
    return undefined;
  }
}

export interface Run {
  /** The offset just after the run's last element. */
  end: number;
  /** The offset of the element after it, or of the `]` that closes the array. */
  next: number;
  closes: boolean;
}

/**
 * The array's elements from `start` (the first one's offset) until they reach `length`
 * characters or the array closes, each found by `valueEnd`: exact, for the boundaries a guess
 * could not give (see `likelyRun`).
 */
export function elementRun(text: string, start: number, length: number): Run | undefined {
  for (let at = start; ;) {
    const end = valueEnd(text, at);
    if (end === -1) return undefined;
    const after = skipWhitespace(text, end);
    const code = text.charCodeAt(after);
    if (code === 93 /* ] */) return { end, next: after, closes: true };
    if (code !== 44 /* , */) return undefined;
    at = skipWhitespace(text, after + 1);
    if (end - start >= length) return { end, next: at, closes: false };
  }
}

/**
 * A likely run of the array's elements from `start` (the first one's offset), of about `length`
 * characters: it ends at the first `}` past that length followed by a comma, where an object
 * element would end and the next begin. Only a guess, for a search of a few characters instead of
 * a scan of them all: the `}` may close an object nested in an element, or sit in a string. Parsing
 * the run (wrapped in brackets) tells, because a run that starts at an element's start and ends
 * anywhere but at an element's end leaves a bracket unclosed or a string open. Searched for in a
 * window of `length` characters, so a long stretch without braces is never searched twice.
 */
export function likelyRun(text: string, start: number, length: number): Run | undefined {
  const from = start + length;
  const window = text.slice(from, from + length);
  for (let brace = window.indexOf("}"); brace !== -1; brace = window.indexOf("}", brace + 1)) {
    const after = skipWhitespace(text, from + brace + 1);
    if (text.charCodeAt(after) === 44 /* , */)
      return { end: from + brace + 1, next: skipWhitespace(text, after + 1), closes: false };
  }
  return undefined;
}
