import type { Span } from "../findings/diagnostic.js";

/**
 * Limits on Markdown anyone can write in a pull request (ADRs, post-mortems), checked before
 * the parser sees it: CommonMark parsers recurse once per nested container (8 KB of `>` or
 * `- ` overflows the stack) and resolve emphasis in time quadratic in the delimiters of one
 * paragraph (64 KB of `*_` took 25 s). Past a limit the offending text is read as plain text,
 * at the same offsets, and the place is reported.
 */
const markdownLimits = {
  /**
   * Characters of one record parsed at most: the parser reads ordinary prose at about 300 KB/s
   * and dense headings at 100 KB/s, so this keeps any one file under a second. Real ADRs and
   * post-mortems are a few kilobytes.
   */
  maxLength: 48 * 1024,
  /** Block quotes and list items nested on one line. */
  maxNesting: 32,
  /**
   * Characters that open inline constructs, per paragraph: past these counts the parser's
   * matching of delimiters, link brackets, code spans, autolinks and table cells stops being
   * cheap (64 KB of `[a](` took 1.5 s).
   */
  maxPerParagraph: { "*_~": 2000, "[]": 1000, "`": 2000, "<": 2000, "|": 5000 },
} as const;

const inlineClasses = Object.entries(markdownLimits.maxPerParagraph).map(([characters, max]) => ({
  characters,
  max,
  pattern: new RegExp(`[${characters.replace(/[\]\\^-]/g, "\\$&")}]`, "g"),
}));

export interface MarkdownLimitHit {
  span: Span;
  code: "too-deep" | "too-complex" | "too-large";
  message: string;
}

const isSpace = (c: string | undefined) => c === " " || c === "\t";
/** Each counted character -> its class (`*` -> `*_~`). */
const classOf = new Map(
  inlineClasses.flatMap((inline) => inline.characters.split("").map((c) => [c, inline.characters])),
);

const indentation = (line: string) => {
  let i = 0;
  while (isSpace(line[i])) i++;
  return i;
};

/** How many containers (`>`, `-`, `*`, `+`, `1.`) open at the start of a line, and where the last ends. */
function containerPrefix(line: string): { depth: number; end: number; overAt: number } {
  let depth = 0;
  let i = 0;
  let overAt = -1;
  for (;;) {
    while (isSpace(line[i])) i++;
    const c = line[i];
    let next = -1;
    if (c === ">") next = i + 1;
    else if ((c === "-" || c === "*" || c === "+") && (isSpace(line[i + 1]) || i + 1 === line.length)) next = i + 1;
    else if (c !== undefined && c >= "0" && c <= "9") {
      let j = i;
      while (j - i < 9 && line[j] !== undefined && line[j]! >= "0" && line[j]! <= "9") j++;
      if ((line[j] === "." || line[j] === ")") && (isSpace(line[j + 1]) || j + 1 === line.length)) next = j + 1;
    }
    if (next < 0) return { depth, end: i, overAt };
    depth++;
    if (depth > markdownLimits.maxNesting && overAt < 0) overAt = i;
    i = next;
  }
}

/** Text that stays within the limits, with the same length and line structure, and where it did not. */
export function boundMarkdown(text: string): { text: string; hits: MarkdownLimitHit[] } {
  const hits: MarkdownLimitHit[] = [];
  if (text.length > markdownLimits.maxLength)
    return {
      text: "",
      hits: [
        {
          span: { start: 0, end: 0 },
          code: "too-large",
          message: `${text.length} characters, over the ${markdownLimits.maxLength} a record is read up to: it is not checked further (split it, or link long material instead)`,
        },
      ],
    };
  const lines = text.split("\n");
  let offset = 0;
  let paragraphStart = -1;
  const counts = new Map<string, number>();
  const paragraphLines: number[] = [];
  const closeParagraph = () => {
    const over = inlineClasses.filter((inline) => (counts.get(inline.characters) ?? 0) > inline.max);
    if (over.length > 0) {
      const first = paragraphLines[0]!;
      hits.push({
        span: { start: paragraphStart, end: paragraphStart + Math.min(lines[first]!.length, 1) },
        code: "too-complex",
        message: `this paragraph has ${over.map((inline) => `${counts.get(inline.characters)} of ${inline.characters.split("").join(" ")}`).join(", ")} (over ${over.map((inline) => inline.max).join(", ")}): they are read as plain text`,
      });
      for (const index of paragraphLines)
        // A middle dot, not a space: spaces would turn `|-|` rows into nested lists, costly in their own way.
        for (const inline of over) lines[index] = lines[index]!.replace(inline.pattern, "\u00B7");
    }
    paragraphStart = -1;
    counts.clear();
    paragraphLines.length = 0;
  };
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const prefix = containerPrefix(line);
    // Nesting by indentation: a list marker after more indentation than the nesting limit allows.
    if (prefix.overAt < 0 && prefix.depth > 0 && indentation(line) > 4 * markdownLimits.maxNesting)
      prefix.overAt = indentation(line);
    if (prefix.overAt >= 0) {
      hits.push({
        span: { start: offset + prefix.overAt, end: offset + prefix.overAt + 1 },
        code: "too-deep",
        message: `block quotes and list items nest more than ${markdownLimits.maxNesting} deep here: the line is read as plain text`,
      });
      lines[index] = " ".repeat(prefix.end) + line.slice(prefix.end);
    }
    if (line.trim() === "") closeParagraph();
    else {
      if (paragraphStart < 0) paragraphStart = offset;
      paragraphLines.push(index);
      for (let i = 0; i < line.length; i++) {
        const inline = classOf.get(line[i]!);
        if (inline !== undefined) counts.set(inline, (counts.get(inline) ?? 0) + 1);
      }
    }
    offset += line.length + 1;
  }
  closeParagraph();
  return { text: hits.length > 0 ? lines.join("\n") : text, hits };
}
