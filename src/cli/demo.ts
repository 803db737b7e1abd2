import { execFile } from "node:child_process";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { planDemoRepository } from "../scaffold/demo-repository.js";

const exec = promisify(execFile);

/**
 * Builds the demo repository in a new temporary directory: its history through one
 * `git fast-import`, its data files in the working tree. Returns the directory.
 */
export async function buildDemoRepository(): Promise<string> {
  const plan = planDemoRepository();
  const root = await mkdtemp(join(tmpdir(), "cto-copilot-demo-"));
  const marks = new Map(plan.commits.map((commit, index) => [commit.id, index + 1]));
  const person = (time: number) => `Dev <dev@example.com> ${time} +0000`;
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}`;
  const stream: string[] = [];
  for (const commit of plan.commits) {
    const [first, ...others] = commit.parents;
    stream.push(
      `commit refs/heads/${commit.branch}`,
      `mark :${marks.get(commit.id)}`,
      `author ${person(commit.time)}`,
      `committer ${person(commit.time)}`,
    );
    stream.push(data(commit.body ? `${commit.subject}\n\n${commit.body}` : commit.subject));
    if (first) stream.push(`from :${marks.get(first)}`);
    for (const other of others) stream.push(`merge :${marks.get(other)}`);
  }
  for (const tag of plan.tags)
    stream.push(`tag ${tag.name}`, `from :${marks.get(tag.commit)}`, `tagger ${person(tag.time)}`, data(tag.name));
  await exec("git", ["init", "-q", "-b", "main", root]);
  await new Promise<void>((resolve, reject) => {
    const child = execFile("git", ["fast-import", "--quiet"], { cwd: root }, (error) =>
      error ? reject(error) : resolve(),
    );
    child.stdin!.end(stream.join("\n") + "\n");
  });
  await exec("git", ["reset", "-q", "--hard"], { cwd: root });
  for (const [path, text] of Object.entries(plan.files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
  return root;
}
