// Validates a generated tech_debt.json of 50,000 items the way the CLI does (bytes in,
// diagnostics out), in process, and prints one JSON line: CPU time against a bare JSON.parse of
// the same bytes, peak RSS, targets.
import { defaultConfig } from "../lib/schemas/config.js";
import { dataLayoutOf } from "../lib/schemas/data-files.js";
import { validateDataFiles } from "../lib/validate/validate-files.js";
import { techDebtDocument } from "./support/tech-debt-document.js";

const count = 50_000;
const bytes = new TextEncoder().encode(JSON.stringify(techDebtDocument(count), null, 2));
globalThis.gc?.();
const baseline = process.memoryUsage().rss;

const cpuMs = (since) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};
let began = process.cpuUsage();
JSON.parse(new TextDecoder().decode(bytes));
const parseMs = cpuMs(began);
globalThis.gc?.();
began = process.cpuUsage();
const diagnostics = validateDataFiles([{ path: "data/engineering/tech_debt.json", size: bytes.length, bytes }], {
  layout: dataLayoutOf(defaultConfig()),
  maxFileSizeBytes: 64 * 1024 * 1024,
});
const ms = cpuMs(began);
if (diagnostics.length > 0) throw new Error(`expected a clean file, got ${JSON.stringify(diagnostics.slice(0, 3))}`);

const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    name: "validate tech_debt.json, 50,000 items (in process), CPU",
    value: ms,
    unit: "ms",
    target: 1000,
    peakMb,
    targetMb: 300,
    cpuMs: ms,
    floorMs: parseMs,
    floorName: "JSON.parse",
    note: `${(bytes.length / 1024 / 1024).toFixed(1)} MiB file (limit raised from 5 MiB), RSS before validating ${(baseline / 1024 / 1024).toFixed(0)} MB`,
  }),
);
