import { describe, expect, it } from "@jest/globals";
import { rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { localRepositoryView } from "../../../src/local/repository-view.js";
import { workingTree } from "../../../src/ports/repository-view.js";
import { initGitRepository, tempRepo } from "../../support/cli.js";

/** A repository with three files committed; returns its root and the base commit. */
function committed(): { root: string; base: string } {
  const root = tempRepo();
  const git = initGitRepository(root);
  writeFileSync(join(root, "a.txt"), "one\ntwo\n");
  writeFileSync(join(root, "b.tf"), 'resource "aws_s3_bucket" "logs" {}\n');
  writeFileSync(join(root, "c.yaml"), "kind: ConfigMap\n");
  git("add", ".");
  git("commit", "-q", "-m", "base");
  return { root, base: git("rev-parse", "HEAD").toString().trim() };
}

describe("the working tree's changes against a base", () => {
  it("counts each file's own lines and keeps its own patch when an earlier file became a link", async () => {
    const { root, base } = committed();
    rmSync(join(root, "a.txt"));
    symlinkSync("b.tf", join(root, "a.txt"));
    writeFileSync(join(root, "b.tf"), 'resource "aws_s3_bucket" "logs" {}\nresource "aws_sqs_queue" "jobs" {}\n');
    writeFileSync(join(root, "c.yaml"), "kind: Secret\n");
    const view = localRepositoryView({ root });
    const changes = await view.listChangedFiles({ baseSha: base, headSha: workingTree });
    expect(changes.map(({ path, additions, deletions }) => ({ path, additions, deletions }))).toEqual([
      // The old file's two lines gone, the link's target written in their place.
      { path: "a.txt", additions: 1, deletions: 2 },
      { path: "b.tf", additions: 1, deletions: 0 },
      { path: "c.yaml", additions: 1, deletions: 1 },
    ]);
    expect(changes[1]!.patch).toContain('+resource "aws_sqs_queue" "jobs" {}');
    expect(changes[2]!.patch).toContain("+kind: Secret");
  });

  it("reads the base version of each changed file, and the working tree's", async () => {
    const { root, base } = committed();
    writeFileSync(join(root, "b.tf"), 'resource "aws_s3_bucket" "audit" {}\n');
    rmSync(join(root, "c.yaml"));
    const view = localRepositoryView({ root });
    await view.listChangedFiles({ baseSha: base, headSha: workingTree });
    const before = await view.readContents(base, { files: ["b.tf", "c.yaml", "a.txt", "missing.txt"] });
    expect([...before.files].map(([path, file]) => [path, file.text])).toEqual([
      ["b.tf", 'resource "aws_s3_bucket" "logs" {}\n'],
      ["c.yaml", "kind: ConfigMap\n"],
      // Unchanged: read by its path at the base.
      ["a.txt", "one\ntwo\n"],
    ]);
    const after = await view.readContents(workingTree, { files: ["b.tf"] });
    expect(after.files.get("b.tf")?.text).toBe('resource "aws_s3_bucket" "audit" {}\n');
  });
});
