// `cto-copilot validate` on a tech_debt.json of 500,000 items against the same file validated
// the way ajv-cli does it (bench/support/ajv-validate.js) with our generated JSON Schema: wall
// time of each process (best of three) and our peak memory as a multiple of the file's size.
// Both read and decode the file the same way. ajv-cli parses it whole; we parse the items a batch
// at a time (src/validate/validate-by-element.ts), and also find duplicate keys, check the depth
// limit and the cross-field rules (unique ids, the summary) and keep positions for any finding.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { techDebtDocument } from "./support/tech-debt-document.js";

const root = new URL("../", import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), "cto-copilot-vs-ajv-"));
const file = join(work, "data/engineering/tech_debt.json");
mkdirSync(join(work, "data/engineering"), { recursive: true });
mkdirSync(join(work, ".github"));
writeFileSync(file, JSON.stringify(techDebtDocument(500_000), null, 2));
const size = statSync(file).size;
writeFileSync(join(work, ".github/cto-copilot.yml"), `validation:\n  maxFileSizeBytes: ${size}\n`);
execFileSync("git", ["init", "-q"], { cwd: work });

const peakFile = join(work, "peak");
function run(args) {
  const began = performance.now();
  const result = spawnSync(process.execPath, ["--import", join(root, "bench/support/peak-memory.js"), ...args], {
    cwd: work,
    env: { ...process.env, PEAK_MEMORY_FILE: peakFile },
    encoding: "utf8",
  });
  const ms = performance.now() - began;
  if (result.status !== 0) throw new Error(`${args.join(" ")} failed: ${result.stdout}${result.stderr}`);
  return { ms, peak: Number(readFileSync(peakFile, "utf8")) };
}
const best = (args) => [run(args), run(args), run(args)].sort((a, b) => a.ms - b.ms)[0];

const ours = best([join(root, "bin/cto-copilot.js"), "validate"]);
const ajv = best([join(root, "bench/support/ajv-validate.js"), join(root, "schemas/tech_debt.schema.json"), file]);
rmSync(work, { recursive: true, force: true });

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
console.log(
  JSON.stringify({
    name: "validate tech_debt.json, 500,000 items, time as a multiple of ajv-cli's",
    value: ours.ms / ajv.ms,
    unit: "x",
    target: 1,
    note: `${ours.ms.toFixed(0)} ms vs ${ajv.ms.toFixed(0)} ms on a ${mib(size)} file`,
  }),
);
console.log(
  JSON.stringify({
    name: "validate tech_debt.json, 500,000 items, peak memory as a multiple of the file size",
    value: ours.peak / size,
    unit: "x",
    target: 3,
    note: `${mib(ours.peak)} (ajv-cli ${mib(ajv.peak)}, ${(ajv.peak / size).toFixed(1)}x)`,
  }),
);
