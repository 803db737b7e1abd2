/**
 * Makes untrusted text safe to place in markdown the bot writes: no HTML, no `@mention` or
 * `#123` / `GH-123` reference that GitHub would link or notify, no table-breaking pipes, one line.
 * Backticks stay: a code span cannot carry an active mention once `@` is neutralised.
 * A zero-width joiner after `@` and `#` keeps the text readable while GitHub ignores it.
 */
export function escapeInline(text: string): string {
  return text
    .replace(/[\r\n]+/g, " ")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\|/g, "\\|")
    .replace(/@(?=[A-Za-z0-9])/g, "@\u200d")
    .replace(/#(?=\d)/g, "#\u200d")
    .replace(/\b(GH)-(?=\d)/gi, "$1\u200d-");
}

/**
 * For plain text GitHub shows as is (an issue title): no `@mention`, `#123` or `GH-123` that it
 * would link or notify, without HTML escaping (a title shows `&amp;` literally).
 */
export function neutralizeReferences(text: string): string {
  return text
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
