// `npm run bench`: benchmarks of the built code, each in a fresh process so its peak memory is
// its own, plus request counts and timings measured with the test support (the GitHub emulator,
// the fixtures) through Jest. Figures of whole processes are CPU time (user + system, children
// included) paired with their floor measured in the same run (bench/support/cpu.js): wall time on
// a shared machine says more about the neighbours than about us.
//
// Every figure collected is printed, even when another bench throws or times out: those are named
// at the end and the exit code is 1, as it is when a figure misses its target.
// BENCH_ONLY=<substring> runs the benches whose name holds it; BENCH_HUGE=1 adds the 1,000,000-commit scorecard.
import { spawn } from "node:child_process";
import { availableParallelism } from "node:os";
import { pageFaultCost } from "./support/cpu.js";

const node = process.execPath;
const root = new URL("../", import.meta.url).pathname;
const minutes = 60_000;
const jest = (...args) => [
  node,
  "--experimental-vm-modules",
  "node_modules/jest/bin/jest.js",
  "--roots",
  "<rootDir>/bench",
  // A bench on a busy machine runs far longer than a test: Jest's 60 s default lost figures before.
  "--testTimeout",
  String(30 * minutes),
  ...args,
  "--reporters",
  "default",
  "--silent=false",
];

/** The benches, in the order they run: a name, the command, and how long it may take. Add one with one entry. */
const benches = [
  { name: "validate-tech-debt", command: [node, "--expose-gc", "bench/validate-tech-debt.js"], timeout: 5 * minutes },
  { name: "validate-vs-ajv", command: [node, "bench/validate-vs-ajv.js"], timeout: 20 * minutes },
  { name: "dora", command: [node, "--expose-gc", "bench/dora.js"], timeout: 10 * minutes },
  { name: "offline-scorecard", command: [node, "bench/offline-scorecard.js"], timeout: 60 * minutes },
  { name: "startup", command: [node, "bench/startup.js"], timeout: 15 * minutes },
  { name: "adr-check-local", command: [node, "bench/adr-check-local.js"], timeout: 15 * minutes },
  { name: "discovery", command: [node, "bench/discovery.js"], timeout: 15 * minutes },
  // The ADR judgement on real commits (skipped without the fetched mirrors: bench/adr-eval.js says so).
  { name: "adr-eval", command: [node, "bench/adr-eval.js"], timeout: 30 * minutes },
  // Request counts and scores side by side, then the timings one file after another, so that no
  // other benchmark shares the machine while one is timed.
  {
    name: "jest: request counts and scores",
    command: jest("--testMatch", "**/*.bench.ts", "--testPathIgnorePatterns", "\\.timing\\.bench\\.ts$"),
    timeout: 60 * minutes,
  },
  { name: "jest: timings", command: jest("--testMatch", "**/*.timing.bench.ts", "--runInBand"), timeout: 60 * minutes },
];

const results = [];
const failures = [];
const skipped = [];

const number = (value) => Number(value.toPrecision(3)).toLocaleString("en");

/** One figure on one line: the value against its target, the CPU times behind a ratio, the peak memory. */
function describe(result) {
  // A target is a ceiling (time, requests, memory) unless the result says it is a floor (precision, recall).
  const withinTarget = result.minimum ? result.value >= result.target : result.value <= result.target;
  const withinMemory = result.targetMb === undefined || result.peakMb <= result.targetMb;
  const parts = [
    `${number(result.value)} ${result.unit}`.trim(),
    `(target ${result.minimum ? ">=" : "<="} ${result.target})`,
  ];
  if (result.cpuMs !== undefined && result.floorMs !== undefined)
    parts.push(`; CPU ${number(result.cpuMs)} ms against ${number(result.floorMs)} ms for ${result.floorName}`);
  if (result.faults !== undefined && result.floorFaults !== undefined)
    parts.push(`; ${number(result.faults)} page faults against ${number(result.floorFaults)}`);
  if (result.peakMb !== undefined)
    parts.push(
      `; peak RSS ${result.peakMb.toFixed(0)} MB${result.targetMb === undefined ? "" : ` (target < ${result.targetMb} MB)`}`,
    );
  if (result.note) parts.push(`; ${result.note}`);
  return { ok: withinTarget && withinMemory, text: `${result.name}: ${parts.join(" ").replace(/ ;/g, ";")}` };
}

function collect(line) {
  const json = line.startsWith("BENCH ") ? line.slice(6) : line.startsWith("{") ? line : undefined;
  if (json === undefined) return;
  const result = JSON.parse(json);
  if (result.skipped) {
    skipped.push(result.skipped);
    return;
  }
  // Jest may echo a line twice (the test's output, then its summary): one result per name.
  if (results.some((known) => known.name === result.name)) return;
  results.push(result);
  const { ok, text } = describe(result);
  console.log(`${ok ? "ok  " : "MISS"} ${text}`);
}

/** Runs one bench, printing each figure as it arrives; resolves with why it failed, if it did. */
function runBench(bench) {
  return new Promise((resolve) => {
    const [command, ...args] = bench.command;
    const child = spawn(command, args, { cwd: root, stdio: ["ignore", "pipe", "inherit"], detached: true });
    let pending = "";
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // The whole process group: a bench's own children (git, the CLI, Jest's workers) too.
      process.kill(-child.pid, "SIGKILL");
    }, bench.timeout);
    child.stdout.on("data", (chunk) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop();
      for (const line of lines) {
        try {
          collect(line);
        } catch (error) {
          console.error(`${bench.name}: unreadable line ${line.slice(0, 200)}: ${error.message}`);
        }
      }
    });
    child.on("error", (error) => resolve(error.message));
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (pending) collect(pending);
      if (timedOut) resolve(`timed out after ${bench.timeout / 1000} s`);
      else if (code !== 0) resolve(signal ? `killed by ${signal}` : `exited ${code}`);
      else resolve(undefined);
    });
  });
}

/**
 * The machine the figures were measured on: what they are multiples of depends on it. A page fault
 * is the figure that moves most between machines (bench/support/cpu.js, pageFaultCost).
 */
function machineLine() {
  const cores = `machine: Node ${process.version}, ${availableParallelism()} cores`;
  try {
    const { microseconds, faults } = pageFaultCost();
    if (!(faults > 0)) return `${cores}; touching 64 MiB took no more page faults than node -e '' (huge pages?)`;
    return `${cores}; a page fault costs ${microseconds.toFixed(1)} µs of CPU here (1,000 faults beyond a floor's: ${microseconds.toFixed(0)} ms)`;
  } catch (error) {
    return `${cores}; the cost of a page fault could not be measured: ${error.message}`;
  }
}

const machine = machineLine();
console.log(machine);
const only = process.env.BENCH_ONLY;
try {
  for (const bench of benches) {
    if (only && !bench.name.includes(only)) continue;
    const failure = await runBench(bench);
    if (failure) {
      failures.push(`${bench.name}: ${failure}`);
      console.log(`FAIL ${bench.name}: ${failure} (its figures printed above, if any)`);
    }
  }
} catch (error) {
  failures.push(`bench/run.js: ${error.message}`);
} finally {
  const missed = results.filter((result) => !describe(result).ok);
  console.log(`\n${machine}`);
  console.log(`${results.length} figures, ${missed.length} missed their target:`);
  for (const result of results) {
    const { ok, text } = describe(result);
    console.log(`${ok ? "ok  " : "MISS"} ${text}`);
  }
  for (const name of skipped) console.log(`skip ${name}`);
  if (failures.length > 0) {
    console.log(`\n${failures.length} benches failed; their other figures are missing:`);
    for (const failure of failures) console.log(`FAIL ${failure}`);
  }
  process.exitCode = missed.length > 0 || failures.length > 0 ? 1 : 0;
}
