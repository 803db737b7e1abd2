// Validates a generated tech_debt.json of 50,000 items the way the CLI does (bytes in,
// diagnostics out) and prints one JSON line: time, peak RSS, targets.
import { defaultConfig } from "../lib/schemas/config.js";
import { dataLayoutOf } from "../lib/schemas/data-files.js";
import { validateDataFiles } from "../lib/validate/validate-files.js";

const count = 50_000;
const priorities = ["critical", "high", "medium", "low"];
const quadrants = ["reckless_deliberate", "reckless_inadvertent", "prudent_deliberate", "prudent_inadvertent"];
const impacts = ["blocking_features", "causing_incidents", "slowing_onboarding", "accumulating"];

const items = [];
const summary = { critical: 0, high: 0, medium: 0, low: 0, totalEstimatedDays: 0 };
for (let i = 0; i < count; i++) {
  const priority = priorities[i % 4];
  const resolved = i % 5 === 0;
  items.push({
    id: `debt_${String(i + 1).padStart(6, "0")}`,
    title: `Debt item ${i + 1}: replace the hand-rolled retry loop in service ${i % 97}`,
    description: "Found during the quarterly architecture review; blocks the move to the shared HTTP client.",
    quadrant: quadrants[i % 4],
    impact: impacts[(i >> 2) % 4],
    estimatedDays: (i % 10) + 1,
    priority,
    createdAt: "2025-03-10",
    resolvedAt: resolved ? "2025-10-20" : null,
  });
  if (!resolved) {
    summary[priority]++;
    summary.totalEstimatedDays += (i % 10) + 1;
  }
}
const bytes = new TextEncoder().encode(
  JSON.stringify({ version: "1.0", lastUpdated: "2025-11-03", items, summary }, null, 2),
);
items.length = 0;
globalThis.gc?.();
const baseline = process.memoryUsage().rss;

const started = performance.now();
const diagnostics = validateDataFiles([{ path: "data/engineering/tech_debt.json", size: bytes.length, bytes }], {
  layout: dataLayoutOf(defaultConfig()),
  maxFileSizeBytes: 64 * 1024 * 1024,
});
const ms = performance.now() - started;
if (diagnostics.length > 0) throw new Error(`expected a clean file, got ${JSON.stringify(diagnostics.slice(0, 3))}`);

const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    name: "validate tech_debt.json, 50,000 items",
    value: ms,
    unit: "ms",
    target: 1000,
    peakMb,
    targetMb: 300,
    note: `${(bytes.length / 1024 / 1024).toFixed(1)} MiB file (limit raised from 5 MiB), RSS before validating ${(baseline / 1024 / 1024).toFixed(0)} MB`,
  }),
);
