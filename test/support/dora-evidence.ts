import type { DeploymentEvidence } from "../../src/dora/compute.js";

/** Each deployment's evidence as a row: ref, change count, line, failed, remediation, repaired by. */
export function evidenceRows(deployments: readonly DeploymentEvidence[]): (string | number | boolean | null)[][] {
  return deployments.map((d) => [d.ref, d.changes, d.line, d.failed, d.remediation, d.repairedBy?.ref ?? null]);
}
