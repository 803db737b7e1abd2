// `cto-copilot validate` on a tech_debt.json of 500,000 items against ajv-cli (`ajv validate
// --spec=draft2020 -c ajv-formats`, the devDependency) with our generated JSON Schema, and against
// a bare `JSON.parse` of the file: CPU time and peak memory of each whole process, paired runs in
// the same run, medians. ajv-cli parses the file whole; we parse the items a batch at a time
// (src/validate/validate-by-element.ts), and also find duplicate keys, check the depth limit and
// the cross-field rules (unique ids, the summary) and keep positions for any finding.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, paired, ratioLine, root } from "./support/cpu.js";
import { techDebtDocument } from "./support/tech-debt-document.js";

const work = mkdtempSync(join(tmpdir(), "cto-copilot-vs-ajv-"));
try {
  const file = join(work, "data/engineering/tech_debt.json");
  mkdirSync(join(work, "data/engineering"), { recursive: true });
  mkdirSync(join(work, ".github"));
  writeFileSync(file, JSON.stringify(techDebtDocument(500_000), null, 2));
  const size = statSync(file).size;
  writeFileSync(join(work, ".github/cto-copilot.yml"), `validation:\n  maxFileSizeBytes: ${size}\n`);
  execFileSync("git", ["init", "-q"], { cwd: work });

  const ours = [process.execPath, cli, "validate"];
  const ajv = {
    name: "ajv-cli",
    argv: [
      process.execPath,
      join(root, "node_modules/ajv-cli/dist/index.js"),
      "validate",
      "--spec=draft2020",
      "-c",
      "ajv-formats",
      "-s",
      join(root, "schemas/tech_debt.schema.json"),
      "-d",
      file,
    ],
  };
  const parse = {
    name: "node JSON.parse",
    argv: [process.execPath, "-e", "JSON.parse(require('fs').readFileSync(process.argv[1]).toString())", file],
  };
  const mib = (mb) => `${mb.toFixed(0)} MiB`;
  const vsAjv = paired({ cwd: work, runs: 3, floor: [ajv], ours });
  const ajvPeak = paired({ cwd: work, runs: 1, floor: [], ours: ajv.argv }).peakMb;
  console.log(
    ratioLine("validate tech_debt.json, 500,000 items, CPU as a multiple of ajv-cli", vsAjv, 1, {
      note: `${mib(size / 2 ** 20)} file; ajv-cli peak ${mib(ajvPeak)}`,
    }),
  );
  const vsParse = paired({ cwd: work, runs: 3, floor: [parse], ours });
  console.log(ratioLine("validate tech_debt.json, 500,000 items, CPU as a multiple of a bare JSON.parse", vsParse, 1));
  console.log(
    JSON.stringify({
      name: "validate tech_debt.json, 500,000 items, peak memory as a multiple of ajv-cli's",
      value: vsAjv.peakMb / ajvPeak,
      unit: "x",
      target: 1,
      note: `${mib(vsAjv.peakMb)} against ${mib(ajvPeak)}; the file is ${mib(size / 2 ** 20)}`,
    }),
  );
} finally {
  rmSync(work, { recursive: true, force: true });
}
