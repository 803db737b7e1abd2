import { describe, expect, it } from "@jest/globals";
import type { CommitInfo } from "../../../src/dora/commit-graph.js";
import { computeDora, type DeploymentEvent, type IncidentEvent } from "../../../src/dora/compute.js";
import { day, deploy, hour, linear, now, t0 } from "./events.js";

const incident = (title: string, started: number): IncidentEvent => ({
  id: title,
  title,
  started,
  resolved: started + hour,
});

/** What --explain says of each deployment in a 14-day window: why it failed or remediated, and what repaired it. */
function explain(deployments: DeploymentEvent[], commits: CommitInfo[], incidents: IncidentEvent[] = []) {
  return computeDora({ source: "tags", deployments, commits, incidents, now, windowDays: 14 });
}
const reasons = (result: ReturnType<typeof explain>) =>
  result.deployments.map((deployment) => [deployment.ref, deployment.reason, deployment.repairedBy]);

describe("why a deployment failed: one reason, the first that applies", () => {
  it("a deployment two remediations repair names the first, and the first is what restored it", () => {
    // c0 - c1 - c2 - c3 (Revert "feat: b")
    //             \- c4 (hotfix: b, on v2's line)
    const commits: CommitInfo[] = [
      ...linear(["init", "feat: a", "feat: b", 'Revert "feat: b"']),
      { sha: "c4", parents: ["c2"], authorTime: t0 + 4 * hour, subject: "hotfix: b" },
    ];
    const deployments = [
      deploy("v1", "c1", now - 20 * day),
      deploy("v2", "c2", now - 10 * day),
      deploy("v3", "c3", now - 9 * day),
      deploy("v4", "c4", now - 8 * day),
    ];
    const result = explain(deployments, commits);
    expect(reasons(result)).toEqual([
      ["v2", 'v3 remediated it (its changes include a revert: c3 Revert "feat: b")', { ref: "v3", commit: "c3" }],
      ["v3", 'its changes include a revert: c3 Revert "feat: b"', null],
      ["v4", "its changes include a hotfix: c4 hotfix: b", null],
    ]);
    expect(result.timeToRestore).toMatchObject({ basis: "deployments", samples: 1, medianHours: 24 });
  });

  it("an incident blames the last successful deployment before it, not one whose own status failed", () => {
    const commits = linear(["init", "feat: a", "feat: b", "feat: c"]);
    const deployments = [
      deploy("v1", "c1", now - 20 * day),
      deploy("v2", "c2", now - 10 * day),
      deploy("v3", "c3", now - 9 * day, { status: "failure" }),
    ];
    expect(reasons(explain(deployments, commits, [incident("Checkout down", now - 9 * day + hour)]))).toEqual([
      ["v2", 'last deployment before incident "Checkout down" (2025-10-23T01:00:00Z)', null],
      ["v3", "its own status is failure", null],
    ]);
  });

  it("a remediation outranks an incident; of two incidents after one deployment, the first given is named", () => {
    const commits = linear(["init", "feat: a", "feat: b", 'Revert "feat: b"']);
    const deployments = [
      deploy("v1", "c1", now - 20 * day),
      deploy("v2", "c2", now - 10 * day),
      deploy("v3", "c3", now - 5 * day),
    ];
    const incidents = [incident("Search slow", now - 7 * day), incident("Checkout down", now - 8 * day)];
    expect(reasons(explain(deployments, commits, incidents))[0]).toEqual([
      "v2",
      'v3 remediated it (its changes include a revert: c3 Revert "feat: b")',
      { ref: "v3", commit: "c3" },
    ]);
    expect(reasons(explain(deployments.slice(0, 2), commits, incidents))[0]).toEqual([
      "v2",
      'last deployment before incident "Search slow" (2025-10-25T00:00:00Z)',
      null,
    ]);
  });

  it("an incident blames the last successful deployment before it in every environment", () => {
    const commits = linear(["init", "feat: a", "feat: b", "feat: c", "feat: d"]);
    const deployments = [
      deploy("prod-1", "c1", now - 20 * day),
      deploy("prod-2", "c2", now - 10 * day),
      deploy("prod-3", "c4", now - 2 * day),
      deploy("staging-1", "c1", now - 20 * day, { environment: "staging" }),
      deploy("staging-2", "c3", now - 12 * day, { environment: "staging" }),
    ];
    expect(reasons(explain(deployments, commits, [incident("Checkout down", now - 9 * day + hour)]))).toEqual([
      ["staging-2", 'last deployment before incident "Checkout down" (2025-10-23T01:00:00Z)', null],
      ["prod-2", 'last deployment before incident "Checkout down" (2025-10-23T01:00:00Z)', null],
      ["prod-3", null, null],
    ]);
  });
});
