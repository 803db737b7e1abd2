import { describe, expect, it } from "@jest/globals";
import {
  fileCount,
  filesByDirectory,
  PackedFilesByDirectory,
  pathsOf,
} from "../../../src/discovery/files-by-directory.js";
import { discoverStack } from "../../../src/discovery/discover.js";

const paths = ["README.md", "package.json", "src/index.ts", "src/app.ts", "src/lib/ünïcode name.ts", "infra/main.tf"];

/** The listing of `paths` packed as the local scan packs it: a directory's names at once, then new files one by one. */
function packed(listed: readonly string[], added: readonly string[] = []): PackedFilesByDirectory {
  const listing = new PackedFilesByDirectory();
  for (const [directory, names] of filesByDirectory(listed)) listing.setNames(directory, names);
  for (const path of added) listing.addPath(path);
  return listing;
}

describe("a listing packed a string per directory", () => {
  it("gives each directory's names, in their order, as the plain listing does", () => {
    const listing = packed(paths);
    const plain = filesByDirectory(paths);
    expect([...listing]).toEqual([...plain]);
    expect([...listing.entries()]).toEqual([...plain.entries()]);
    expect([...listing.keys()]).toEqual([...plain.keys()]);
    expect([...listing.values()]).toEqual([...plain.values()]);
    expect(listing.size).toBe(plain.size);
    expect(listing.get("src")).toEqual(["index.ts", "app.ts"]);
    expect(listing.get("src/lib")).toEqual(["ünïcode name.ts"]);
    expect(listing.has("infra")).toBe(true);
    expect(listing.has("docs")).toBe(false);
    expect(listing.get("docs")).toBeUndefined();
    const visited: string[] = [];
    listing.forEach((names, directory, map) => {
      expect(map).toBe(listing);
      visited.push(`${directory}:${names.join(",")}`);
    });
    expect(visited).toEqual([
      ":README.md,package.json",
      "src:index.ts,app.ts",
      "src/lib:ünïcode name.ts",
      "infra:main.tf",
    ]);
  });

  it("hands out a fresh list each time: changing one changes nothing kept", () => {
    const listing = packed(paths);
    const first = listing.get("src")!;
    first.push("injected.ts");
    expect(listing.get("src")).toEqual(["index.ts", "app.ts"]);
    expect(fileCount(listing)).toBe(6);
  });

  it("adds a new file after its directory's names, and a directory of its own when it has none", () => {
    const listing = packed(paths, ["src/new.ts", "docs/adr/0001-use-postgres.md", "NOTES.txt"]);
    expect(listing.get("src")).toEqual(["index.ts", "app.ts", "new.ts"]);
    expect(listing.get("docs/adr")).toEqual(["0001-use-postgres.md"]);
    expect(listing.get("")).toEqual(["README.md", "package.json", "NOTES.txt"]);
    expect(fileCount(listing)).toBe(9);
    expect(pathsOf(listing)).toEqual([...paths, "src/new.ts", "docs/adr/0001-use-postgres.md", "NOTES.txt"].sort());
  });

  it("counts a directory set twice once, with its later names", () => {
    const listing = packed(paths);
    listing.setNames("src", ["only.ts"]);
    expect(listing.get("src")).toEqual(["only.ts"]);
    expect(fileCount(listing)).toBe(5);
  });

  it("tells discovery what the plain listing tells it", () => {
    const contents = new Map([
      ["package.json", JSON.stringify({ dependencies: { express: "^4.21.0" } })],
      ["infra/main.tf", 'provider "aws" {}\nresource "aws_db_instance" "main" { engine = "postgres" }\n'],
    ]);
    const now = new Date("2026-12-01T00:00:00Z");
    const fromPacked = discoverStack({ files: packed(paths), contents, now });
    const fromPlain = discoverStack({ files: filesByDirectory(paths), contents, now });
    expect(fromPacked).toEqual(fromPlain);
    expect(fromPacked.techStack.stack.backend?.framework).toContain("Express");
  });
});
