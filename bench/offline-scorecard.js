// `cto-copilot scorecard` on generated release histories of 5,000 and 100,000 commits (and
// 1,000,000 with BENCH_HUGE=1: a few minutes of CPU), as whole processes: CPU time against its
// floor, `node -e ''` plus `git log --all --format='%H %P %ct'` over the same history, measured
// in the same run. Prints one JSON line per size.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, nodeFloor, paired, ratioLine } from "./support/cpu.js";
import { writeHistory } from "./support/history.js";

const sizes = [5_000, 100_000, ...(process.env.BENCH_HUGE ? [1_000_000] : [])];
for (const commits of sizes) {
  const root = mkdtempSync(join(tmpdir(), "cto-copilot-bench-history-"));
  try {
    const now = await writeHistory(root, commits);
    const measured = paired({
      cwd: root,
      runs: commits >= 1_000_000 ? 1 : commits >= 100_000 ? 3 : 9,
      floor: [nodeFloor, { name: "git log", argv: ["git", "log", "--all", "--format=%H %P %ct"] }],
      ours: [process.execPath, cli, "scorecard", "--format", "json", "--now", now.toISOString()],
    });
    const scorecard = JSON.parse(measured.stdout);
    console.log(
      ratioLine(
        `scorecard, ${commits.toLocaleString("en")} commits, CPU as a multiple of node -e '' + git log`,
        measured,
        1.5,
        {
          note: `${scorecard.dora.deploymentFrequency.deployments} deployments in the window`,
        },
      ),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
if (!process.env.BENCH_HUGE)
  console.log(JSON.stringify({ skipped: "scorecard, 1,000,000 commits (set BENCH_HUGE=1)" }));
