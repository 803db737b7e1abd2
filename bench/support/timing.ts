// What the timing benchmarks run through Jest share: the line bench/run.js collects, and the
// times of a few runs: the first (what one event pays, compiling included) and the median.

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  /** The target is a floor, not a ceiling. */
  minimum?: boolean;
  note?: string;
}

export function report(result: BenchResult): void {
  process.stdout.write(`BENCH ${JSON.stringify(result)}\n`);
}

export async function timeRuns(runs: number, task: () => unknown): Promise<{ first: number; median: number }> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const began = performance.now();
    await task();
    samples.push(performance.now() - began);
  }
  const first = samples[0]!;
  return { first, median: samples.sort((a, b) => a - b)[samples.length >> 1]! };
}
