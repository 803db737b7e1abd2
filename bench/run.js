// `npm run bench`: benchmarks of the built code (lib/), each in a fresh process so its peak
// memory is its own. Targets are printed beside each figure; a miss sets exit code 1.
import { execFileSync } from "node:child_process";

const benches = [{ script: "bench/validate-tech-debt.js", name: "validate tech_debt.json, 50,000 items" }];

let missed = 0;
for (const bench of benches) {
  const output = execFileSync(process.execPath, ["--expose-gc", bench.script], { encoding: "utf8" });
  const result = JSON.parse(output.trim().split("\n").pop());
  const ok = result.ms <= result.targetMs && result.peakMb <= result.targetMb;
  if (!ok) missed++;
  console.log(
    `${ok ? "ok  " : "MISS"} ${bench.name}: ${result.ms.toFixed(0)} ms (target < ${result.targetMs} ms), ` +
      `peak RSS ${result.peakMb.toFixed(0)} MB (target < ${result.targetMb} MB)${result.note ? `; ${result.note}` : ""}`,
  );
}
process.exitCode = missed > 0 ? 1 : 0;
