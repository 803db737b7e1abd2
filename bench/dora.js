// DORA computation on 100,000 deployments over 1,000,000 commits (a linear history with a
// merge every 50 commits, reverts and hotfixes), from the built code. The commits come newest
// first, in topological order, as `git log --topo-order` and GitHub's history give them.
// Prints one JSON line: the CPU time of the computation, in process.
import { computeDora } from "../lib/dora/compute.js";

const commitCount = 1_000_000;
const deploymentCount = 100_000;
const start = Date.parse("2024-01-01T00:00:00Z");
const now = Date.parse("2026-01-01T00:00:00Z");
const step = (now - start) / commitCount;

const commits = new Array(commitCount);
for (let i = 0; i < commitCount; i++) {
  const merge = i > 2 && i % 50 === 0;
  commits[i] = {
    sha: `c${i}`,
    parents: i === 0 ? [] : merge ? [`c${i - 1}`, `c${i - 2}`] : [`c${i - 1}`],
    authorTime: start + i * step,
    subject:
      i % 997 === 0
        ? 'Revert "something"'
        : i % 1499 === 0
          ? "hotfix: urgent"
          : merge
            ? "Merge pull request"
            : `change ${i}`,
  };
}
const newestFirst = commits.slice().reverse();
const deployments = new Array(deploymentCount);
for (let k = 0; k < deploymentCount; k++) {
  const index = Math.min(commitCount - 1, (k + 1) * (commitCount / deploymentCount) - 1);
  deployments[k] = {
    ref: `d${k}`,
    sha: `c${index}`,
    time: commits[index].authorTime + 3_600_000,
    environment: "production",
    status: k % 211 === 0 ? "failure" : "success",
  };
}
globalThis.gc?.();

const started = process.cpuUsage();
const result = computeDora({
  source: "deployments",
  deployments,
  commits: newestFirst,
  incidents: [],
  now,
  windowDays: 90,
});
const used = process.cpuUsage(started);
const ms = (used.user + used.system) / 1000;
if (result.deploymentFrequency.deployments === 0) throw new Error("expected deployments in the window");
console.log(
  JSON.stringify({
    name: "DORA on 100,000 deployments and 1,000,000 commits (in process), CPU",
    value: ms,
    unit: "ms",
    target: 2000,
    peakMb: process.resourceUsage().maxRSS / 1024,
    targetMb: 1024,
    note: `${result.deploymentFrequency.deployments} deployments and ${result.leadTimeForChanges.samples} changes in the 90-day window; peak includes building the input`,
  }),
);
