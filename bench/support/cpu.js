// Whole processes measured as CPU time, not wall time: on a shared machine a process waits for a
// core as long as the others keep it busy, but the CPU it burns is its own. Each process runs
// under `/usr/bin/time -f '%M %R'` (its peak resident memory and its minor page faults, children
// included) and a `bash` that prints `times` (the user and system time of everything it waited
// for, git children included, to the millisecond).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const root = new URL("../../", import.meta.url).pathname;
export const cli = join(root, "bin/cto-copilot.js");

const scratch = mkdtempSync(join(tmpdir(), "cto-copilot-cpu-"));
process.on("exit", () => rmSync(scratch, { recursive: true, force: true }));
const timesFile = join(scratch, "times");
const memoryFile = join(scratch, "memory");

// `times` prints two lines: the shell's own user and system time, then its children's ("0m1.234s 0m0.056s").
const seconds = (text) => {
  const [, minutes, rest] = /^(\d+)m([\d.]+)s$/.exec(text);
  return Number(minutes) * 60 + Number(rest);
};

/**
 * Runs `argv` once and returns its CPU time (user + system, children included) in ms, its peak
 * RSS in MB, its minor page faults, its exit status and stdout. Throws when it fails, unless `allowFailure`.
 */
export function measure(argv, { cwd = root, env = {}, allowFailure = false } = {}) {
  const script = '"$@"; status=$?; times > "$CPU_TIMES_FILE"; exit $status';
  const result = spawnSync("/usr/bin/time", ["-f", "%M %R", "-o", memoryFile, "bash", "-c", script, "bash", ...argv], {
    cwd,
    env: { ...process.env, ...env, CPU_TIMES_FILE: timesFile },
    encoding: "utf8",
    maxBuffer: 2 ** 31,
    stdio: ["ignore", "pipe", "pipe"],
  });
  if (result.status !== 0 && !allowFailure)
    throw new Error(`${argv.join(" ")} exited ${result.status}: ${(result.stderr ?? "").slice(-2000)}`);
  const [user, system] = readFileSync(timesFile, "utf8").trim().split("\n")[1].trim().split(/\s+/).map(seconds);
  const [peakKb, faults] = readFileSync(memoryFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { cpuMs: (user + system) * 1000, peakMb: peakKb / 1024, faults, status: result.status, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Our command and its floor (the processes it cannot do without: `node -e ''`, the git plumbing
 * it needs), run in turn `runs` times so that both see the same machine; medians. The floor is
 * the sum of its parts' medians. Nine runs by default: with five, one busy neighbour moved a
 * short command's median by a tenth from one bench run to the next.
 */
export function paired({ ours, floor, runs = 9, cwd, env }) {
  const samples = { ours: [], floor: floor.map(() => []), peak: [], faults: [], floorFaults: floor.map(() => []) };
  for (let run = 0; run < runs; run++) {
    floor.forEach((part, index) => {
      const measured = measure(part.argv, { cwd, env });
      samples.floor[index].push(measured.cpuMs);
      samples.floorFaults[index].push(measured.faults);
    });
    const measured = measure(ours, { cwd, env });
    samples.ours.push(measured.cpuMs);
    samples.peak.push(measured.peakMb);
    samples.faults.push(measured.faults);
    samples.stdout = measured.stdout;
  }
  const floorMs = samples.floor.reduce((sum, part) => sum + median(part), 0);
  return {
    cpuMs: median(samples.ours),
    floorMs,
    faults: median(samples.faults),
    floorFaults: samples.floorFaults.reduce((sum, part) => sum + median(part), 0),
    floorName: floor.map((part) => part.name).join(" + "),
    peakMb: Math.max(...samples.peak),
    stdout: samples.stdout,
  };
}

export const nodeFloor = { name: "node -e ''", argv: [process.execPath, "-e", ""] };

/** One figure as bench/run.js prints it: our CPU time as a multiple of its floor's. */
export function ratioLine(name, measured, target, extra = {}) {
  return JSON.stringify({
    name,
    value: measured.cpuMs / measured.floorMs,
    unit: "x",
    target,
    cpuMs: measured.cpuMs,
    floorMs: measured.floorMs,
    floorName: measured.floorName,
    peakMb: measured.peakMb,
    faults: measured.faults,
    floorFaults: measured.floorFaults,
    ...extra,
  });
}

/**
 * What a minor page fault costs this machine in CPU, in µs: a process that touches 64 MiB of fresh
 * memory against `node -e ''`, medians of paired runs. Memory a command touches beyond its floor's
 * costs it about this much per 4 KiB page; on a virtual machine that traps each fault to the host,
 * it is many times what it is on bare hardware, and the ratios of memory-hungry commands move with it.
 */
export function pageFaultCost(runs = 5) {
  const touch = [process.execPath, "-e", "Buffer.alloc(64 * 2 ** 20, 1)"];
  const bare = [];
  const touched = [];
  for (let run = 0; run < runs; run++) {
    bare.push(measure(nodeFloor.argv));
    touched.push(measure(touch));
  }
  const cpu = median(touched.map((m) => m.cpuMs)) - median(bare.map((m) => m.cpuMs));
  const faults = median(touched.map((m) => m.faults)) - median(bare.map((m) => m.faults));
  return { microseconds: (cpu * 1000) / faults, faults };
}
