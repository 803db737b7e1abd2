import { applyEdits, modify, type FormattingOptions } from "jsonc-parser";
import type { TechDebt } from "../schemas/tech-debt.js";
import { expectedDebtSummary } from "../validate/rules/tech-debt.js";

/** How the file is indented, so an edit keeps its look. */
function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  return { insertSpaces: !indent.includes("\t"), tabSize: indent.includes("\t") ? 1 : indent.length };
}

/**
 * tech_debt.json with `resolvedAt` set for the items whose issues were closed by hand (the date
 * each was closed) and `summary` recomputed; everything else stays as written. Pure.
 */
export function markResolved(text: string, debt: TechDebt, closed: ReadonlyMap<string, string>): string {
  const formattingOptions = formattingOf(text);
  let next = text;
  const items = debt.items.map((item) =>
    closed.has(item.id) && item.resolvedAt === null ? { ...item, resolvedAt: closed.get(item.id)! } : item,
  );
  items.forEach((item, index) => {
    if (item.resolvedAt !== debt.items[index]!.resolvedAt)
      next = applyEdits(next, modify(next, ["items", index, "resolvedAt"], item.resolvedAt, { formattingOptions }));
  });
  const summary = expectedDebtSummary(items.filter((item) => item.resolvedAt === null));
  for (const key of Object.keys(summary) as (keyof typeof summary)[]) {
    if (debt.summary[key] !== summary[key])
      next = applyEdits(next, modify(next, ["summary", key], summary[key], { formattingOptions }));
  }
  return next;
}
