// Dates and timestamps checked by plain functions: the schemas refine with them, and a command
// that only reads `--now` uses them without loading zod or building a schema.

const daysInMonth = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (value: string, index: number) => value.charCodeAt(index) - 48;

/** Whether a string is a date `YYYY-MM-DD` on the calendar (2025-02-30 is not): plain arithmetic, no Date, no regex (it runs for every date of a large file). */
export function isCalendarDate(value: string): boolean {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  for (const index of [0, 1, 2, 3, 5, 6, 8, 9]) {
    const d = digit(value, index);
    if (d < 0 || d > 9) return false;
  }
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return day <= daysInMonth[month - 1]! + (leap ? 1 : 0);
}

/** A timestamp in ISO 8601 with a zone (`YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM)`) on the calendar. */
export function isIsoDateTime(value: string): boolean {
  return (
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) &&
    isCalendarDate(value.slice(0, 10)) &&
    !Number.isNaN(Date.parse(value))
  );
}

/** An ISO 8601 timestamp with a zone, checked against the calendar (2025-02-30T… is refused, not rolled over). */
export function parseIsoDateTime(text: string): Date | undefined {
  return isIsoDateTime(text) ? new Date(text) : undefined;
}
