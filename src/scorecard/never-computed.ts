import type { Scorecard } from "../schemas/scorecard.js";

/**
 * Whether a scorecard is the template `init` wrote, never computed: no health metric has a
 * value or a sample count (every computed metric has a sample count, zero included). The first
 * scorecard after `init` compares with nothing, not with the template ("headcount 0 → 6").
 */
export function neverComputed(scorecard: Scorecard): boolean {
  return Object.values(scorecard.health).every((metric) => metric.current === null && metric.samples === undefined);
}
