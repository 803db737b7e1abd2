import { escapeInline, neutralizeReferences, truncate } from "../markdown/escape.js";

/**
 * A model's text is as untrusted as the text it read (it may echo an injection): it goes
 * through what user text goes through, and more. No HTML (so no hidden marker of ours), no
 * link or autolink (so no phishing link, and no link outside this repository either), no
 * `@mention` or `#123` (so no notification, and no closing keyword that could close anything),
 * one paragraph per blank line, each cut to a sane length.
 */
export function sanitizeModelText(text: string, maxChars = 2_000): string {
  return truncate(withoutAngles(text).trim(), maxChars, (omitted) => ` … (${omitted} more characters not shown)`)
    .split(/\n\s*\n/)
    .map((paragraph) => escapeInline(paragraph.replace(/^\s*(?:[-*+]|\d+[.)])\s+/gm, "").trim()))
    .filter(Boolean)
    .join("\n\n");
}

/** One line (a title, a list item): the same rules, and no line break. */
export function sanitizeModelLine(text: string, maxChars = 300): string {
  return escapeInline(
    truncate(withoutAngles(text).replace(/\s+/g, " ").trim(), maxChars, (omitted) => ` … (+${omitted})`),
  );
}

/**
 * For text inside a code block that may also be committed as a file: markdown shows it as
 * written, so no entity escaping; tags are removed (no hidden marker, no HTML in the file),
 * mentions and references made inert, and no URL stays a URL.
 */
export function sanitizeForFence(text: string, maxChars: number): string {
  return neutralizeReferences(
    truncate(withoutAngles(text).trim(), maxChars, (omitted) => ` … (${omitted} more characters not shown)`)
      .replace(/`{3,}/g, "``")
      // No markdown link of any kind, protocol-relative ones included: `[x](//evil.example)`.
      .replace(/\]\(/g, "]\u200b(")
      .replace(/:\/\//g, ":\u200b//")
      .replace(/\bwww\./gi, (www) => `${www.slice(0, 3)}\u200b.`),
  );
}

/**
 * A model's text never holds a tag or a comment, in or out of a code span (where escaping stops):
 * angle brackets become look-alikes, backticks quotes. So no marker of ours can be forged, however
 * it is nested (`<!<!---->-- ... -->`).
 */
export function withoutAngles(text: string): string {
  return text.replace(/</g, "‹").replace(/>/g, "›").replace(/`/g, "'");
}
