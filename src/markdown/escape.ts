/**
 * Makes untrusted text safe to place in markdown the bot writes: no HTML, no `@mention` or
 * `#123` / `GH-123` reference that GitHub would link or notify, no table-breaking pipes, one line.
 * Backticks stay: a code span cannot carry an active mention once `@` is neutralised.
 * A zero-width joiner after `@` and `#` keeps the text readable while GitHub ignores it.
 */
export function escapeInline(text: string): string {
  // Code spans (a run of backticks to the next run of the same length) render literally: only
  // pipes (tables), mentions and references are touched there, so `items[1]` keeps its brackets.
  const out: string[] = [];
  let rest = withoutBidiControls(text).replace(/[\r\n]+/g, " ");
  for (;;) {
    const open = /`+/.exec(rest);
    const close = open ? rest.indexOf(open[0], open.index + open[0].length) : -1;
    if (!open || close < 0 || rest.slice(open.index + open[0].length, close).includes("`".repeat(open[0].length + 1))) {
      out.push(escapeText(rest));
      return out.join("");
    }
    out.push(
      escapeText(rest.slice(0, open.index)),
      neutralizeReferences(rest.slice(open.index, close + open[0].length)).replace(/\|/g, "\\|"),
    );
    rest = rest.slice(close + open[0].length);
  }
}

/** Text outside code spans: no HTML, no link or image, no autolink, no mention or reference. */
function escapeText(text: string): string {
  return neutralizeReferences(
    text
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/\|/g, "\\|")
      // No link or image from untrusted text: `[text](url)`, `![alt](src)`, and bare URLs that GFM would link.
      .replace(/[[\]]/g, (bracket) => `\\${bracket}`)
      .replace(/:\/\//g, ":\u200b//")
      .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\u200b.`),
  );
}

/** Bidirectional controls (U+202A-U+202E, U+2066-U+2069) can make text read backwards: removed from what the bot writes. */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u202A-\u202E\u2066-\u2069]/g, "");
}

/**
 * Untrusted text as a code span: a fence longer than any backtick run in it (a backtick in a
 * path cannot close the span early), padded when the text starts or ends with one; no HTML
 * entities (inside a span `&lt;` would show as is), mentions and references made inert as everywhere.
 * In a table cell, pipes are escaped, as GFM asks.
 */
export function codeSpan(text: string, options: { inTable?: boolean } = {}): string {
  let clean = neutralizeReferences(text).replace(/[\r\n]+/g, " ");
  if (options.inTable) clean = clean.replace(/\|/g, "\\|");
  const fence = "`".repeat(Math.max(0, ...[...clean.matchAll(/`+/g)].map((run) => run[0].length)) + 1);
  const pad = clean.startsWith("`") || clean.endsWith("`") ? " " : "";
  return `${fence}${pad}${clean}${pad}${fence}`;
}

/**
 * For plain text GitHub shows as is (an issue title): no `@mention`, `#123` or `GH-123` that it
 * would link or notify, without HTML escaping (a title shows `&amp;` literally).
 */
export function neutralizeReferences(text: string): string {
  return withoutBidiControls(text)
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200d")
    .replace(/#(?=\d)/g, "#\u200d")
    .replace(/\b(GH)-(?=\d)/gi, "$1\u200d-");
}

/** Cuts text to at most `max` characters, saying how much was left out. */
export function truncate(
  text: string,
  max: number,
  note = (omitted: number) => `\n\n…${omitted} more characters not shown.`,
): string {
  if (text.length <= max) return text;
  const suffix = note(text.length - max);
  return text.slice(0, Math.max(0, max - suffix.length)) + suffix;
}
