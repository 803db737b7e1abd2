// Discovery on a large monorepo: 100,000 files (400 packages in several languages, Terraform,
// workflows) and 20,000 commits by 60 people over three years, 25 of them active in the last 90
// days, with release tags. Written with `git fast-import`; `cto-copilot discover` as a whole
// process, its CPU time against `node -e ''` plus `git ls-files` in the same run. Prints one JSON line.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, nodeFloor, paired, ratioLine } from "./support/cpu.js";

const root = mkdtempSync(join(tmpdir(), "cto-copilot-bench-discovery-"));
const lines = [];
let mark = 0;
const blob = (text) => {
  mark++;
  lines.push("blob", `mark :${mark}`, `data ${Buffer.byteLength(text)}`, text);
  return mark;
};
const packageJson = (index) =>
  JSON.stringify({
    name: `@acme/pkg-${index}`,
    version: "1.0.0",
    dependencies: index % 4 === 0 ? { express: "^4.21.0", pg: "^8.13.0", pino: "^9.5.0" } : { react: "^18.3.1" },
    devDependencies: { typescript: "^5.6.0", jest: "^29.7.0" },
  });
// Shared blobs: a source file's content does not change what discovery reads.
const source = blob("export const value = 1;\n");
const goSource = blob("package main\n");
const files = [];
for (let pkg = 0; pkg < 400; pkg++) {
  const dir = pkg % 10 === 0 ? `services/svc-${pkg}` : `packages/pkg-${pkg}`;
  if (pkg % 10 === 0) {
    files.push([
      `${dir}/go.mod`,
      blob(`module github.com/acme/svc-${pkg}\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n`),
    ]);
    for (let file = 0; file < 248; file++) files.push([`${dir}/internal/f${file}.go`, goSource]);
  } else {
    files.push([`${dir}/package.json`, blob(packageJson(pkg))], [`${dir}/tsconfig.json`, blob("{}\n")]);
    for (let file = 0; file < 248; file++) files.push([`${dir}/src/module-${file}.ts`, source]);
  }
}
files.push(
  ["package.json", blob(JSON.stringify({ private: true, workspaces: ["packages/*"] }))],
  [
    "infra/main.tf",
    blob(
      'provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_db_instance" "main" {\n  engine = "postgres"\n}\nresource "aws_eks_cluster" "main" {}\n',
    ),
  ],
  [".github/workflows/ci.yml", blob("name: CI\non: [push]\njobs: {}\n")],
  [".mailmap", blob("Dev Zero <dev0@acme.dev> <dev0@old.example>\n")],
);
while (files.length < 100_000) files.push([`docs/generated/page-${files.length}.md`, source]);

const commits = 20_000;
const step = Math.floor((3 * 365 * 86_400) / commits);
// Three years ending an hour ago: discover counts the team of the last 90 days before now.
const start = Math.floor(Date.now() / 1000) - commits * step - 3_600;
let parent;
for (let index = 0; index < commits; index++) {
  const time = start + index * step;
  // 60 people over the years; the last 90 days only see 25 of them.
  const recent = index > commits - 1_700;
  const person = recent ? index % 25 : index % 60;
  const author =
    index % 50 === 0
      ? "dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>"
      : `Dev ${person} <dev${person}@acme.dev>`;
  const message = `change ${index}`;
  mark++;
  lines.push(
    "commit refs/heads/main",
    `mark :${mark}`,
    `author ${author} ${time} +0000`,
    `committer ${author} ${time} +0000`,
    `data ${message.length}`,
    message,
  );
  if (parent) lines.push(`from :${parent}`);
  if (index === 0) for (const [path, content] of files) lines.push(`M 100644 :${content} ${path}`);
  else lines.push(`M 100644 :${source} CHANGELOG-${index % 100}.md`);
  parent = mark;
  if (index % 100 === 99)
    lines.push(`tag v1.${index}.0`, `from :${mark}`, `tagger ${author} ${time + 60} +0000`, "data 7", "release");
}
execFileSync("git", ["init", "-q", "-b", "main", root]);
execFileSync("git", ["fast-import", "--quiet"], { cwd: root, input: lines.join("\n") + "\n", maxBuffer: 1 << 30 });
execFileSync("git", ["checkout", "-q", "main"], { cwd: root });
try {
  const measured = paired({
    cwd: root,
    floor: [nodeFloor, { name: "git ls-files", argv: ["git", "ls-files"] }],
    ours: [process.execPath, cli, "discover", "--format", "json"],
  });
  const { techStack } = JSON.parse(measured.stdout);
  if (techStack.team?.headcount !== 25)
    throw new Error(`expected 25 people in 90 days, got ${techStack.team?.headcount}`);
  console.log(
    ratioLine(
      "discover, 100,000 files and 20,000 commits, CPU as a multiple of node -e '' + git ls-files",
      measured,
      3,
      {
        note: `${techStack.stack.backend?.language} | ${techStack.stack.infrastructure?.cloudProvider}`,
      },
    ),
  );
} finally {
  if (process.env.KEEP_BENCH_REPO) console.error(root);
  else rmSync(root, { recursive: true, force: true });
}
