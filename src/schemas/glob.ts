/**
 * Limits that keep any configured glob fast. picomatch turns globs into regular expressions;
 * `*` and `**` become lazy repetitions, and several of them in a row can backtrack for a very
 * long time on a long path. With at most two `**` and three `*` per path segment, and paths
 * capped at `maxGlobPathLength`, the worst case stays small.
 */
const maxGlobLength = 256;
const maxGlobstars = 2;
const maxStarsPerSegment = 3;
export const maxGlobPathLength = 1024;

/** Why a glob is refused, or undefined when it is within the limits. */
export function globProblem(pattern: string): string | undefined {
  if (pattern.length > maxGlobLength) return `must be at most ${maxGlobLength} characters`;
  const globstars = pattern.split("/").filter((segment) => segment === "**").length;
  if (globstars > maxGlobstars) return `must use "**" at most ${maxGlobstars} times`;
  for (const segment of pattern.split("/")) {
    if (segment === "**") continue;
    if (segment.includes("**")) return 'may use "**" only as a whole path segment';
    if ((segment.match(/\*/g) ?? []).length > maxStarsPerSegment) return `must use "*" at most ${maxStarsPerSegment} times per path segment`;
  }
  return undefined;
}
