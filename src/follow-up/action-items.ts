import type { Nodes, Table, TableRow } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { toString } from "mdast-util-to-string";
import { gfm } from "micromark-extension-gfm";
import { boundMarkdown } from "../markdown/limits.js";
import { isCalendarDate } from "../schemas/iso-time.js";

/** One row of a post-mortem's `### Action Items` table, as the file says it. */
export interface ActionItem {
  /** The post-mortem's path. */
  file: string;
  /** 1-based position of the row in the table: how an edited row keeps its issue. */
  row: number;
  /** 1-based line of the row in the file, for links that land on it. */
  line: number;
  action: string;
  /** A GitHub login (without the @) when the Owner cell names one; else the cell's words; null when empty. */
  owner: string | null;
  /** Whether `owner` is a GitHub login that can be assigned. */
  ownerIsLogin: boolean;
  /** `YYYY-MM-DD`, or null when the row has no date ("Done", "—", "[date]"). */
  due: string | null;
  status: "open" | "done";
  /** Offsets of the Status cell's text in the file: where a tick goes. */
  statusSpan: { start: number; end: number };
}

/** Marks of a done row; anything else (🔲, `[ ]`, empty) is open. */
const doneMark = /✅|✔|☑|\[x\]|^done$/iu;
/** A placeholder rather than an action: the post-mortem template's "None listed" row, or nothing at all. */
const placeholder = /^(|—|-|_?none listed on the issue.*)$/i;
const login = /^@?([A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38})$/;

const spanOf = (node: Nodes) => ({ start: node.position?.start.offset ?? 0, end: node.position?.end.offset ?? 0 });
const cellText = (row: TableRow, column: number) => (column < 0 ? "" : toString(row.children[column] ?? []).trim());

/** The table under the `Action Items` heading (any depth), if the section has one. */
function actionItemsTable(children: readonly Nodes[]): Table | undefined {
  let inSection = false;
  let depth = 0;
  for (const node of children) {
    if (node.type === "heading") {
      if (inSection && node.depth <= depth) return undefined;
      if (/^action items[:.]?$/i.test(toString(node).trim())) {
        inSection = true;
        depth = node.depth;
      }
    } else if (inSection && node.type === "table") return node;
  }
  return undefined;
}

/** What the Owner cell names: a login when it is one (`@name`, `` `@name` ``), else the words written. */
function ownerOf(cell: string): { owner: string | null; ownerIsLogin: boolean } {
  const words = cell.replace(/`/g, "").trim();
  if (placeholder.test(words)) return { owner: null, ownerIsLogin: false };
  const match = login.exec(words);
  if (match && words.startsWith("@")) return { owner: match[1]!, ownerIsLogin: true };
  return { owner: words, ownerIsLogin: false };
}

/**
 * The rows of a post-mortem's Action Items table (the prompt's `| Action | Owner | Due | Status |`),
 * columns found by their header so a table with another order or an extra column still reads.
 * Rows without an action (the template's placeholder) are left out. Pure.
 */
export function readActionItems(file: string, original: string): ActionItem[] {
  const { text } = boundMarkdown(original);
  const tree = fromMarkdown(text, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] });
  const table = actionItemsTable(tree.children as Nodes[]);
  if (!table || table.children.length === 0) return [];
  const header = table.children[0]!.children.map((cell) => toString(cell).trim().toLowerCase());
  const column = (name: string) => header.findIndex((title) => title.startsWith(name));
  const [action, owner, due, status] = [column("action"), column("owner"), column("due"), column("status")];
  if (action < 0) return [];
  const items: ActionItem[] = [];
  table.children.slice(1).forEach((row, index) => {
    const words = cellText(row, action);
    if (placeholder.test(words)) return;
    const dueText = cellText(row, due);
    const statusCell = row.children[status];
    items.push({
      file,
      row: index + 1,
      line: row.position?.start.line ?? 1,
      action: words,
      ...ownerOf(cellText(row, owner)),
      due: isCalendarDate(dueText) ? dueText : null,
      status: doneMark.test(cellText(row, status)) ? "done" : "open",
      // A row cut short has no Status cell: the tick goes after its last character.
      statusSpan: statusCell ? spanOf(statusCell) : { start: spanOf(row).end, end: spanOf(row).end },
    });
  });
  return items;
}

/**
 * The post-mortem with the rows given ticked (their Status cell's 🔲 made ✅, or ✅ written into an
 * empty one); every other character stays as written. Pure.
 */
export function tickActionItems(text: string, items: readonly ActionItem[]): string {
  let next = text;
  // From the end, so the offsets of the earlier rows stay right.
  for (const item of [...items].sort((a, b) => b.statusSpan.start - a.statusSpan.start)) {
    const cell = next.slice(item.statusSpan.start, item.statusSpan.end);
    if (cell === "") {
      next = `${next.slice(0, item.statusSpan.start)} ✅ |${next.slice(item.statusSpan.end)}`;
      continue;
    }
    const inner = cell.replace(/^\|/, "").replace(/\|$/, "");
    const ticked = /🔲|\[ \]/u.test(inner)
      ? inner.replace(/🔲|\[ \]/u, "✅")
      : inner.trim() === ""
        ? " ✅ "
        : inner.replace(/^(\s*)(.*?)(\s*)$/, "$1✅ $2$3");
    next = next.slice(0, item.statusSpan.start) + cell.replace(inner, ticked) + next.slice(item.statusSpan.end);
  }
  return next;
}
