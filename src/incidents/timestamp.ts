/**
 * Parses the timestamps people write in post-mortems: ISO 8601 with a zone
 * (`2025-03-04T14:05:00Z`, `2025-03-04T16:05+02:00`) or `2025-03-04 14:05 UTC`.
 * A time without a zone is read as UTC (the project's convention: all times UTC).
 * Returns epoch milliseconds, or undefined when the text is not such a timestamp.
 */
export function parseTimestamp(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/i.exec(
    text.trim(),
  );
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second = "00", zone = "Z"] = match;
  const utc = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(utc);
  if (
    check.getUTCDate() !== Number(day) ||
    check.getUTCMonth() !== Number(month) - 1 ||
    Number(hour) > 23 ||
    Number(minute) > 59
  )
    return undefined;
  if (/^(Z|UTC)$/i.test(zone)) return utc;
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  const offsetMinutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2));
  return utc - sign * offsetMinutes * 60_000;
}
