// `cto-copilot adr check` on a working tree with 5,000 changed files (Terraform, Kubernetes YAML,
// TypeScript), each infrastructure file read at the base and in the working tree: CPU time against
// `node -e ''` plus `git diff --stat` of the same change, in the same run. Prints one JSON line.
import { execFileSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, nodeFloor, paired, ratioLine } from "./support/cpu.js";

const work = mkdtempSync(join(tmpdir(), "cto-copilot-adr-check-"));
const git = (...args) => execFileSync("git", args, { cwd: work, stdio: "pipe" });
git("init", "-q", "-b", "main");
git("config", "user.email", "bench@example.com");
git("config", "user.name", "Bench");
const files = [];
for (let i = 0; i < 5000; i++) {
  const dir = `m${i % 50}`;
  const [path, text] =
    i % 3 === 0
      ? [`infra/${dir}/f${i}.tf`, `resource "aws_s3_bucket" "b${i}" {\n  bucket = "x${i}"\n}\n`]
      : i % 3 === 1
        ? [`src/${dir}/f${i}.ts`, `export const x${i} = 1;\n`]
        : [`k8s/${dir}/f${i}.yaml`, `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\ndata:\n  a: "1"\n`];
  mkdirSync(join(work, path, ".."), { recursive: true });
  writeFileSync(join(work, path), text);
  files.push(path);
}
git("add", "-A");
git("commit", "-qm", "init");
for (const path of files)
  appendFileSync(
    join(work, path),
    path.endsWith(".tf") ? "# note\n" : path.endsWith(".yaml") ? '  b: "2"\n' : "export const y = 2;\n",
  );

try {
  const measured = paired({
    cwd: work,
    floor: [nodeFloor, { name: "git diff --stat", argv: ["git", "diff", "--stat", "HEAD"] }],
    ours: [process.execPath, cli, "adr", "check", "--base", "HEAD", "--format", "json"],
  });
  const report = JSON.parse(measured.stdout);
  console.log(
    ratioLine("adr check, 5,000 changed files, CPU as a multiple of node -e '' + git diff --stat", measured, 3, {
      note: `3,333 infrastructure files read twice; ${report.changes.length} infrastructure changes`,
    }),
  );
} finally {
  if (process.env.KEEP_BENCH_REPO) console.error(work);
  else rmSync(work, { recursive: true, force: true });
}
