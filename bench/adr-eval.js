// `adr check` on real commits: the adr-eval tool rebuilds each hand-labelled commit of the
// development corpus from fetched copies of public repositories and scores the answers. Runs
// only where both are present (the tool at $ADR_EVAL_TOOL or ../shared/tools/adr-eval, the
// fetched copies at $ADR_EVAL_MIRRORS or /work/.adr-mirrors); says why and prints nothing to
// score otherwise. Prints one JSON line per figure: precision, recall, and each repository's.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join, resolve } from "node:path";

const root = new URL("../", import.meta.url).pathname;
const tool = process.env.ADR_EVAL_TOOL ?? resolve(root, "../shared/tools/adr-eval");
const mirrors = process.env.ADR_EVAL_MIRRORS ?? "/work/.adr-mirrors";

if (!existsSync(tool) || !existsSync(mirrors)) {
  const why = existsSync(tool) ? `no fetched repositories at ${mirrors}` : `no adr-eval tool at ${tool}`;
  // bench/run.js lists skipped benches at the end, beside the figures.
  console.log(JSON.stringify({ skipped: `adr-eval: ${why}` }));
} else {
  const run = spawnSync(
    "python3",
    [tool, join(root, "bin/cto-copilot.js"), "--mirrors", mirrors, "--json", "--workers", "2"],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  if (run.status !== 0) throw new Error(`adr-eval failed: ${run.stderr}`);
  const result = JSON.parse(run.stdout);
  const perRepository = Object.entries(result.per_repo)
    .map(([name, score]) => `${name} ${score.precision ?? "-"}/${score.recall ?? "-"}`)
    .join(", ");
  const { overall } = result;
  const note = `${overall.commits} real commits, ${overall.yes} wanting an ADR, fires on ${Math.round(overall.fire_rate * 100)}%`;
  console.log(
    JSON.stringify({
      name: "adr check precision on real commits (adr-eval)",
      value: overall.precision,
      unit: "",
      target: 0.7,
      minimum: true,
      note,
    }),
  );
  console.log(
    JSON.stringify({
      name: "adr check recall on real commits (adr-eval)",
      value: overall.recall,
      unit: "",
      target: 0.85,
      minimum: true,
      note: `precision/recall per repository: ${perRepository}`,
    }),
  );
}
