import { findSection, parseMarkdownRecord } from "../markdown/document.js";
import { isCalendarDate } from "../schemas/iso-time.js";

const firstDate = /\b(\d{4}-\d{2}-\d{2})\b/;

/**
 * When an ADR says to revisit the decision: the first calendar date of its `### Review Date`
 * section (the prompt's template), else of a `**Review Date:**` line; undefined when it names none
 * ("in a year" is a person's intention, not a date we can hold anyone to).
 */
export function adrReviewDate(text: string): string | undefined {
  const record = parseMarkdownRecord(text);
  const section = findSection(record, "review date");
  const candidates = [
    ...(section ? [text.slice(section.body.start, section.body.end)] : []),
    record.fields.get("review date")?.value ?? "",
  ];
  for (const candidate of candidates) {
    const date = firstDate.exec(candidate)?.[1];
    if (date && isCalendarDate(date)) return date;
  }
  return undefined;
}
