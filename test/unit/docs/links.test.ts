import { describe, expect, it } from "@jest/globals";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const root = new URL("../../../", import.meta.url).pathname;
const pages = [
  "README.md",
  ...readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => `docs/${name}`),
];

/** The lines of a Markdown page outside fenced code blocks. */
function prose(text: string): string[] {
  let fence: string | undefined;
  return text.split("\n").filter((line) => {
    const marker = /^\s*(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === undefined || marker.startsWith(fence))) {
      fence = fence === undefined ? marker : undefined;
      return false;
    }
    return fence === undefined;
  });
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens; repeats get -1, -2... */
function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const out = new Set<string>();
  for (const line of prose(text)) {
    const heading = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line)?.[1];
    if (heading === undefined) continue;
    const slug = heading
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .toLowerCase()
      .replace(/[^\p{L}\p{N} _-]/gu, "")
      .replace(/ /g, "-");
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    out.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return out;
}

/** Every inline link's target on a page, outside code blocks and code spans. */
function links(text: string): string[] {
  return prose(text).flatMap((line) =>
    [...line.replace(/`[^`]*`/g, "``").matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]!),
  );
}

describe("relative links of README.md and docs/", () => {
  it("covers README and every page of docs/", () => {
    expect(pages).toEqual(
      expect.arrayContaining(["README.md", "docs/cli.md", "docs/action.md", "docs/app.md", "docs/config.md"]),
    );
  });

  it.each(pages)("%s: every relative link names a file that exists, and every #anchor a heading there", (page) => {
    const broken: string[] = [];
    for (const target of links(readFileSync(join(root, page), "utf8"))) {
      if (/^[a-z]+:/i.test(target) || target === "#") continue; // a web address, or a sample's placeholder
      const [path, anchor] = target.split("#") as [string, string | undefined];
      const file = path === "" ? join(root, page) : join(root, dirname(page), decodeURIComponent(path));
      if (!file.startsWith(root) || !existsSync(file)) {
        broken.push(`${target}: no ${relative(root, file)}`);
        continue;
      }
      if (anchor !== undefined && file.endsWith(".md") && !anchors(readFileSync(file, "utf8")).has(anchor))
        broken.push(`${target}: no heading #${anchor} in ${relative(root, file)}`);
    }
    expect(broken).toEqual([]);
  });
});
