import type { DeploymentEvent } from "./events.js";
import { compareVersions, parseVersion } from "./version.js";

/** The version a ref names (`v1.2.3`, `1.2.3`, `release-1.2.3`), when it names one. */
export function versionOf(ref: string): string | null {
  // A ref without x.y.z is not asked.
  if (!/\d+\.\d+\.\d+/.test(ref)) return null;
  return parseVersion(ref.replace(/^[^\d]*(?=\d)/, ""))?.text ?? null;
}

/**
 * The one order every rule uses: by time; at the same time by version (semver, where both refs
 * parse as one: `v4.22.1` before `v5.2.0`); then by name; then by commit.
 */
export function compareDeployments(a: DeploymentEvent, b: DeploymentEvent): number {
  if (a.time !== b.time) return a.time - b.time;
  const [va, vb] = [versionOf(a.ref), versionOf(b.ref)];
  if (va && vb && va !== vb) return compareVersions(parseVersion(va)!, parseVersion(vb)!);
  if (a.ref !== b.ref) return a.ref < b.ref ? -1 : 1;
  return a.sha < b.sha ? -1 : a.sha > b.sha ? 1 : 0;
}

/** Index of the last deployment at or before `time` in a list in deployment order, or -1. */
export function lastAtOrBefore(sorted: readonly DeploymentEvent[], time: number): number {
  let low = 0;
  let high = sorted.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sorted[middle]!.time <= time) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  return found;
}
