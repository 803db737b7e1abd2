// `cto-copilot adr check` on a working tree with 5,000 changed files (Terraform, Kubernetes YAML,
// TypeScript), each infrastructure file read at the base and in the working tree. Prints one JSON line.
import { execFileSync, spawnSync } from "node:child_process";
import { appendFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const root = new URL("../", import.meta.url).pathname;
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

const runs = [0, 1, 2].map(() => {
  const began = performance.now();
  const result = spawnSync(process.execPath, [join(root, "bin/cto-copilot.js"), "adr", "check", "--base", "HEAD"], {
    cwd: work,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(result.stderr);
  return performance.now() - began;
});
rmSync(work, { recursive: true, force: true });
console.log(
  JSON.stringify({
    name: "adr check, 5,000 changed files (3,333 infrastructure files read twice)",
    value: Math.min(...runs),
    unit: "ms",
    target: 2000,
  }),
);
