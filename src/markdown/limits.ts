import type { Span } from "../findings/diagnostic.js";

/**
 * Limits on Markdown anyone can write in a pull request (ADRs, post-mortems), checked before
 * the parser sees it: CommonMark parsers recurse once per nested container (8 KB of `>` or
 * `- ` overflows the stack) and resolve emphasis in time quadratic in the delimiters of one
 * paragraph (64 KB of `*_` took 25 s). Past a limit the offending text is read as plain text,
 * at the same offsets, and the place is reported.
 */
const markdownLimits = {
  /** Characters of one record parsed at most. Real ADRs and post-mortems are a few kilobytes. */
  maxLength: 48 * 1024,
  /**
   * Markup of one record parsed at most, in blocks: each non-blank line, list item and block
   * quote is one, and two inline markers (the characters counted per paragraph below) are one.
   * The parser's time follows the markup, not the characters: 48 KiB of prose takes it 50 ms,
   * 48 KiB of `# x` lines 1.3 s each time it is read, of `x\n=\n` 65 s and of `- - - - - - - - x`
   * 16 s (those two rebuild the whole event list at each heading or item: quadratic). At 2,000
   * the densest shape takes about 0.3 s on a busy machine; real records hold a few hundred
   * (the largest of 97 public ADRs and post-mortems, 20 KB, 400).
   */
  maxBlocks: 2000,
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

/** The record refused whole: past `maxLength` or `maxBlocks` it is not parsed at all. */
function tooLarge(at: number, message: string): { text: string; hits: MarkdownLimitHit[] } {
  return { text: "", hits: [{ span: { start: at, end: at }, code: "too-large", message }] };
}

const tooMuchMarkup = `more markup than a record is read with: past here it holds over ${markdownLimits.maxBlocks.toLocaleString("en")} blocks (a non-blank line, a list item or a block quote is one; two of * _ ~ [ ] \` < | are one), so it is not checked further (split it, or link long material instead)`;

/** Text that stays within the limits, with the same length and line structure, and where it did not. */
export function boundMarkdown(text: string): { text: string; hits: MarkdownLimitHit[] } {
  if (text.length > markdownLimits.maxLength)
    return tooLarge(
      0,
      `${text.length} characters, over the ${markdownLimits.maxLength} a record is read up to: it is not checked further (split it, or link long material instead)`,
    );
  const hits: MarkdownLimitHit[] = [];
  const lines = text.split("\n");
  let offset = 0;
  let paragraphStart = -1;
  const counts = new Map<string, number>();
  const paragraphLines: number[] = [];
  // Counted in halves: an inline marker is one, a line or a container two.
  const budget = 2 * markdownLimits.maxBlocks;
  let spent = 0;
  let spentAt = -1;
  const spend = (halves: number, at: number) => {
    spent += halves;
    if (spent > budget && spentAt < 0) spentAt = at;
  };
  const closeParagraph = () => {
    const over = inlineClasses.filter((inline) => (counts.get(inline.characters) ?? 0) > inline.max);
    // What stays markup costs the parser; what is read as plain text below does not.
    for (const inline of inlineClasses)
      if (!over.includes(inline)) spend(counts.get(inline.characters) ?? 0, paragraphStart);
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
  let inFence: string | undefined;
  for (let index = 0; index < lines.length && spentAt < 0; index++) {
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
    // Fenced code is read as one block of text, whatever its length: its lines cost nothing more.
    const fence = prefix.depth === 0 ? /^ {0,3}(`{3,}|~{3,})/.exec(line) : null;
    if (fence || inFence !== undefined) {
      if (fence && inFence === undefined) {
        closeParagraph();
        spend(2, offset);
        inFence = fence[1]![0];
      } else if (fence && fence[1]![0] === inFence) inFence = undefined;
      offset += line.length + 1;
      continue;
    }
    if (line.trim() === "") closeParagraph();
    else {
      // The line, and its containers unless they were blanked above.
      spend(2 * (1 + (prefix.overAt >= 0 ? 0 : prefix.depth)), offset);
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
  if (spentAt >= 0) return tooLarge(spentAt, tooMuchMarkup);
  return { text: hits.length > 0 ? lines.join("\n") : text, hits };
}
