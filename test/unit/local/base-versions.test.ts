import { describe, expect, it } from "@jest/globals";
import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rebuildBase } from "../../../src/local/base-versions.js";
import { localRepositoryView } from "../../../src/local/repository-view.js";
import { workingTree } from "../../../src/ports/repository-view.js";
import { initGitRepository, tempRepo } from "../../support/cli.js";

const lines = (count: number, prefix = "line") => Array.from({ length: count }, (_, i) => `${prefix} ${i}\n`).join("");

/** Base texts that make the patches awkward: no final line end, line ends changed, lines at either end, a byte order mark, text git cannot show as UTF-8. */
const bases: Record<string, string | Buffer> = {
  "no-end.tf": "one\ntwo\nthree",
  "gains-end.tf": "one\ntwo",
  "crlf.yaml": "a: 1\r\nb: 2\r\nc: 3\r\n",
  "long.tf": lines(60),
  "bom.json": '\uFEFF{"a": 1}\n',
  "latin1.txt": Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x78, 0x0a]),
  "removed.tf": lines(5),
  "emptied.tf": lines(3),
  "blank-lines.tf": "a\n\n\nb\n\nc\n",
};
const heads: Record<string, string | Buffer | undefined> = {
  "no-end.tf": "one\n2\nthree",
  "gains-end.tf": "one\ntwo\n",
  "crlf.yaml": "a: 1\r\nb: 20\r\nc: 3\r\n",
  "long.tf": `first\n${lines(60).replace("line 30\n", "line thirty\n")}last\n`,
  "bom.json": '\uFEFF{"a": 2}\n',
  "latin1.txt": Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a, 0x79, 0x0a]),
  "removed.tf": undefined,
  "emptied.tf": "",
  "blank-lines.tf": "a\n\nb\n\n\nc\n",
};

describe("base versions of changed files", () => {
  it("are the base's blobs, byte for byte, whatever the patch looks like", async () => {
    const root = tempRepo();
    const git = initGitRepository(root);
    for (const [path, text] of Object.entries(bases)) writeFileSync(join(root, path), text);
    git("add", ".");
    git("commit", "-q", "-m", "base");
    const base = git("rev-parse", "HEAD").toString().trim();
    for (const [path, text] of Object.entries(heads))
      if (text === undefined) rmSync(join(root, path));
      else writeFileSync(join(root, path), text);
    const view = localRepositoryView({ root });
    await view.listChangedFiles({ baseSha: base, headSha: workingTree });
    const paths = Object.keys(bases);
    // Asked for together with the working tree, as `adr check` does.
    const [, before] = await Promise.all([
      view.readContents(workingTree, { files: paths }),
      view.readContents(base, { files: paths }),
    ]);
    for (const path of paths) {
      const blob = git("cat-file", "blob", `${base}:${path}`);
      const read = before.files.get(path)!;
      expect([path, read.byteSize]).toEqual([path, blob.length]);
      expect([path, read.text]).toEqual([path, new TextDecoder("utf-8", { ignoreBOM: true }).decode(blob)]);
      // Text that is not clean UTF-8 keeps its bytes, as a blob read from git does.
      if (read.bytes) expect(Buffer.from(read.bytes).equals(blob)).toBe(true);
    }
  });

  it("are rebuilt, without git, from the working tree and git's own patch for every kind of text above", () => {
    const root = tempRepo();
    const git = initGitRepository(root);
    const texts = Object.keys(bases).filter(
      (path) => typeof bases[path] === "string" && typeof heads[path] === "string",
    );
    for (const path of texts) writeFileSync(join(root, path), bases[path]!);
    git("add", ".");
    git("commit", "-q", "-m", "base");
    for (const path of texts) writeFileSync(join(root, path), heads[path]!);
    for (const path of texts) {
      const diff = git("diff", "--no-color", "--no-ext-diff", "HEAD", "--", path).toString();
      const patch = diff.slice(diff.indexOf("@@"));
      // The fallback to git would hide a wrong rebuild: the rebuild itself must give the base.
      expect([path, rebuildBase(heads[path] as string, patch)]).toEqual([path, bases[path]]);
    }
  });

  it("are read from git when the working tree changed again after the diff", async () => {
    const root = tempRepo();
    const git = initGitRepository(root);
    writeFileSync(join(root, "main.tf"), 'resource "aws_s3_bucket" "logs" {}\n');
    git("add", ".");
    git("commit", "-q", "-m", "base");
    const base = git("rev-parse", "HEAD").toString().trim();
    writeFileSync(join(root, "main.tf"), 'resource "aws_s3_bucket" "audit" {}\n');
    const view = localRepositoryView({ root });
    await view.listChangedFiles({ baseSha: base, headSha: workingTree });
    writeFileSync(join(root, "main.tf"), 'resource "aws_sqs_queue" "jobs" {}\nresource "aws_s3_bucket" "audit" {}\n');
    const before = await view.readContents(base, { files: ["main.tf"] });
    expect(before.files.get("main.tf")?.text).toBe('resource "aws_s3_bucket" "logs" {}\n');
  });

  it("are not rebuilt from a patch that does not fit the text", () => {
    expect(rebuildBase("a\nb\n", "@@ -1,2 +1,2 @@\n a\n-c\n+b\n")).toBe("a\nc\n");
    expect(rebuildBase("a\n", "@@ -5,2 +5,2 @@\n a\n-c\n+b\n")).toBeUndefined();
    expect(rebuildBase("a\n", "not a hunk\n")).toBeUndefined();
  });
});
