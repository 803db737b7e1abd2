import type { CommitInfo } from "../../../src/dora/commit-graph.js";
import type { DeploymentEvent } from "../../../src/dora/compute.js";

/** The DORA tests' clock: a history starting on 1 October 2025, measured on 1 November. */
export const hour = 3_600_000;
export const day = 24 * hour;
export const t0 = Date.parse("2025-10-01T00:00:00Z");
export const now = Date.parse("2025-11-01T00:00:00Z");

/** A linear history: commit i (`c<i>`) at t0 + i hours, with the subjects given. */
export function linear(subjects: string[]): CommitInfo[] {
  return subjects.map((subject, index) => ({
    sha: `c${index}`,
    parents: index === 0 ? [] : [`c${index - 1}`],
    authorTime: t0 + index * hour,
    subject,
  }));
}

/** A successful production deployment of `sha` at `at`, unless `extra` says otherwise. */
export const deploy = (
  ref: string,
  sha: string,
  at: number,
  extra: Partial<DeploymentEvent> = {},
): DeploymentEvent => ({
  ref,
  sha,
  time: at,
  environment: "production",
  status: "success",
  ...extra,
});
