import type { DebtItem } from "../../schemas/tech-debt.js";
import { count } from "../../text/plural.js";

/** Small text helpers every section of the sync read writes with. */

export const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const percent = (rate: number) => `${Math.round(rate * 1000) / 10}%`;
const oneLine = (text: string) => text.replace(/\s+/g, " ").trim();
const shorten = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
/** A title from a data file, quoted, on one line, within reason. */
export const quoted = (text: string) => `“${shorten(oneLine(text), 80)}”`;
export const list = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? "") : `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
export const estimate = (item: DebtItem) =>
  item.estimatedDays === null ? "not estimated yet" : `est. ${count(item.estimatedDays, "day")}`;

/** The move that closes a debt item, with why when it is not the priority itself. */
export function closeDebtMove(item: DebtItem, because?: string): string {
  return `Close debt item ${item.id} ${quoted(item.title)} (${item.priority}, ${estimate(item)}${because ? `; ${because}` : ""}) and set its resolvedAt in tech_debt.json.`;
}
