// `npm run bench`: benchmarks of the built code, each in a fresh process so its peak memory is
// its own, plus request counts and timings measured with the test support (the GitHub emulator,
// the fixtures). Targets are printed beside each figure; a miss sets exit code 1.
import { execFileSync } from "node:child_process";

const results = [];

for (const script of [
  "bench/validate-tech-debt.js",
  "bench/validate-vs-ajv.js",
  "bench/dora.js",
  "bench/offline-scorecard.js",
  "bench/startup.js",
  "bench/adr-check-local.js",
  "bench/discovery.js",
  "bench/adr-eval.js",
]) {
  const output = execFileSync(process.execPath, ["--expose-gc", script], { encoding: "utf8" });
  for (const line of output.trim().split("\n")) if (line.startsWith("{")) results.push(JSON.parse(line));
}

// Benchmarks that need the TypeScript test support (the emulator, fixtures) run through Jest:
// request counts and scores side by side, then the timings (*.timing.bench.ts) one file after
// another, so that no other benchmark shares the machine while one is timed.
function jestBenches(args) {
  return execFileSync(
    process.execPath,
    [
      "--experimental-vm-modules",
      "node_modules/jest/bin/jest.js",
      "--roots",
      "<rootDir>/bench",
      ...args,
      "--reporters",
      "default",
      "--silent=false",
    ],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
}
const jestOutput =
  jestBenches(["--testMatch", "**/*.bench.ts", "--testPathIgnorePatterns", "\\.timing\\.bench\\.ts$"]) +
  jestBenches(["--testMatch", "**/*.timing.bench.ts", "--runInBand"]);
// Jest may echo a line twice (the test's output, then its summary): one result per name.
for (const line of jestOutput.split("\n"))
  if (line.startsWith("BENCH ")) {
    const result = JSON.parse(line.slice(6));
    if (!results.some((known) => known.name === result.name)) results.push(result);
  }

let missed = 0;
for (const result of results) {
  // A target is a ceiling (time, requests, memory) unless the result says it is a floor (precision, recall).
  const withinTarget = result.minimum ? result.value >= result.target : result.value <= result.target;
  const ok = withinTarget && (result.peakMb === undefined || result.peakMb <= result.targetMb);
  if (!ok) missed++;
  const memory =
    result.peakMb === undefined ? "" : `, peak RSS ${result.peakMb.toFixed(0)} MB (target < ${result.targetMb} MB)`;
  console.log(
    `${ok ? "ok  " : "MISS"} ${result.name}: ${Number(result.value.toFixed(1))} ${result.unit} (target ${result.minimum ? ">=" : "<="} ${result.target})${memory}${result.note ? `; ${result.note}` : ""}`,
  );
}
process.exitCode = missed > 0 ? 1 : 0;
