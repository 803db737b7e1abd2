/**
 * Readers for a document that may have failed its schema. Cross-field rules run on every part
 * that is well-formed enough to judge, so one run reports all findings (as tsc and ESLint do)
 * instead of hiding them behind the first shape error: each reader returns undefined for a
 * value of the wrong type, and a rule skips what it cannot judge.
 */
export const objectAt = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

export const arrayAt = (value: unknown): readonly unknown[] => (Array.isArray(value) ? value : []);

export const stringAt = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

export const numberAt = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? value : undefined;
