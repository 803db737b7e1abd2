// The offline scorecard on a history of 85,000 commits and about 1,000 release tags (a main line
// with merged feature branches and a maintenance line with backports, tags interleaved), against
// a plain `git log --format='%H %P %ct'` over the same history, timed in the same run. The
// history is written with `git fast-import` and a commit-graph, as a real clone would have one.
// Prints one JSON line.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { localRepositoryView } from "../lib/local/repository-view.js";
import { silentLogger } from "../lib/ports/logger.js";
import { defaultConfig } from "../lib/schemas/config.js";
import { computeScorecard } from "../lib/use-cases/compute-scorecard.js";

const root = mkdtempSync(join(tmpdir(), "cto-copilot-bench-history-"));
const commits = 85_000;
const start = Date.parse("2016-01-01T00:00:00Z") / 1000;
const step = 3600; // an hour apart: about ten years
let mark = 0;
let main = 0;
let maintenance = 0;
let v5 = { minor: 0, patch: 0 };
let v4 = 0;
let nextTag = 85;
const lines = [];
const commit = (branch, parent, message, time, merge) => {
  mark++;
  lines.push(
    `commit refs/heads/${branch}`,
    `mark :${mark}`,
    `author Dev <dev@example.com> ${time} +0000`,
    `committer Dev <dev@example.com> ${time} +0000`,
    `data ${Buffer.byteLength(message)}`,
    message,
  );
  if (parent) lines.push(`from :${parent}`);
  if (merge) lines.push(`merge :${merge}`);
  return mark;
};
const tag = (name, target, time) =>
  lines.push(
    `tag ${name}`,
    `from :${target}`,
    `tagger Dev <dev@example.com> ${time} +0000`,
    `data ${name.length}`,
    name,
  );
let time = start;
for (let i = 0; i < commits;) {
  time += step;
  if (i % 40 === 39 && main) {
    // A feature branch of three commits, merged.
    let feature = commit("feature", main, `feat: part 1 of ${i}`, time);
    feature = commit("feature", feature, `feat: part 2 of ${i}`, time + 60);
    feature = commit("feature", feature, `feat: part 3 of ${i}`, time + 120);
    main = commit("main", main, `Merge branch 'feature-${i}'`, time + 180, feature);
    i += 4;
  } else {
    main = commit(
      "main",
      main || undefined,
      i % 997 === 0 ? `Revert "change ${i - 5}"` : i % 1499 === 0 ? "hotfix: urgent" : `change ${i}`,
      time,
    );
    i += 1;
  }
  if (i === 20_000) maintenance = main;
  if (i >= nextTag) {
    nextTag += 85;
    v5 = v5.patch === 9 ? { minor: v5.minor + 1, patch: 0 } : { minor: v5.minor, patch: v5.patch + 1 };
    tag(`v5.${v5.minor}.${v5.patch}`, main, time + 600);
  }
  if (maintenance && i % 400 === 0) {
    maintenance = commit("4.x", maintenance, `fix: backport of change ${i - 10}`, time - 86_400 * 3);
    tag(`v4.22.${++v4}`, maintenance, time + 600);
  }
}
execFileSync("git", ["init", "-q", "-b", "main", root]);
execFileSync("git", ["fast-import", "--quiet"], { cwd: root, input: lines.join("\n") + "\n", maxBuffer: 1 << 30 });
execFileSync("git", ["commit-graph", "write", "--reachable"], { cwd: root });
const tagCount = execFileSync("git", ["tag"], { cwd: root, encoding: "utf8" }).trim().split("\n").length;
const commitCount = Number(execFileSync("git", ["rev-list", "--all", "--count"], { cwd: root, encoding: "utf8" }));

const median = (values) => values.sort((a, b) => a - b)[values.length >> 1];
const timeIt = async (task) => {
  const samples = [];
  for (let run = 0; run < 5; run++) {
    const began = performance.now();
    await task();
    samples.push(performance.now() - began);
  }
  return median(samples);
};
const now = new Date((time + 86_400) * 1000);
const config = { ...defaultConfig(), dora: { ...defaultConfig().dora, source: "tags", windowDays: 90 } };
let result;
const plain = await timeIt(() =>
  spawnSync("git", ["log", "--all", "--format=%H %P %ct"], { cwd: root, maxBuffer: 1 << 30 }),
);
const ours = await timeIt(async () => {
  result = await computeScorecard(
    { view: localRepositoryView({ root }), log: silentLogger, now: () => now },
    config,
    "HEAD",
    { explain: true },
  );
});
if (process.env.KEEP_BENCH_REPO) console.error(root);
else rmSync(root, { recursive: true, force: true });
console.log(
  JSON.stringify({
    name: `offline scorecard on ${commitCount} commits and ${tagCount} tags, as a multiple of plain git log`,
    value: ours / plain,
    unit: "x",
    target: 1.5,
    note: `scorecard ${ours.toFixed(0)} ms (in process: git reads and DORA), git log ${plain.toFixed(0)} ms; ${result.dora.deploymentFrequency.deployments} deployments and ${result.dora.leadTimeForChanges.samples} changes in 90 days`,
  }),
);
