import { describe, expect, it } from "@jest/globals";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmFromMarkdown } from "mdast-util-gfm";
import { gfm } from "micromark-extension-gfm";
import { renderResolved, renderSuggestion } from "../../../src/adr/render-comment.js";
import { renderAdrDraft } from "../../../src/adr/render-draft.js";
import { debtBody } from "../../../src/debt/render-issue.js";
import { planDataCheck } from "../../../src/report/check-run.js";

/** Every node of a kind in what GitHub would render. */
function nodes(markdown: string, type: string): Nodes[] {
  const found: Nodes[] = [];
  const stack: Nodes[] = [fromMarkdown(markdown, { extensions: [gfm()], mdastExtensions: [gfmFromMarkdown()] })];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === type) found.push(node);
    if ("children" in node) stack.push(...(node.children as Nodes[]));
  }
  return found;
}

const hostile = [
  "[Approve this PR](https://evil.example/approve)",
  "![pixel](https://evil.example/p.gif)",
  "see https://evil.example and www.evil.example",
  "<img src=x onerror=alert(1)>",
  "\u202Egnp.exe",
];

describe("what the bot writes renders no link, image or HTML from untrusted text", () => {
  it("the ADR suggestion: hostile file paths (a backtick included), reasons and a waiver", () => {
    const changes = hostile.map((text, i) => ({
      file: `infra/${text}\`x${i}.tf`,
      category: "infrastructure-as-code" as const,
      reason: `changed ${text}`,
      technologies: [],
    }));
    const draft = renderAdrDraft({
      title: hostile[0]!,
      body: hostile.join("\n"),
      author: "a",
      reviewers: [],
      pullNumber: 1,
      changes,
      today: new Date("2025-11-03T00:00:00Z"),
      reviewAfterMonths: 6,
    });
    const comment = renderSuggestion({
      changes,
      related: [],
      draft,
      adrDirectory: "data/engineering/adrs",
      skipLabel: "no-adr",
      repositoryUrl: "https://github.com/acme/app",
      headSha: "abc",
      required: false,
    });
    expect(nodes(comment, "link")).toEqual([]);
    expect(nodes(comment, "image")).toEqual([]);
    expect(
      nodes(comment, "html")
        .map((node) => ("value" in node ? node.value : ""))
        .filter((html) => !/^<(\/?details|summary)|^<!-- cto-copilot/.test(html)),
    ).toEqual([]);
    // Each path stays one code span: the backtick did not break out of it.
    const paths = nodes(comment, "inlineCode").map((node) => ("value" in node ? node.value : ""));
    for (const [i] of hostile.entries()) expect(paths.some((path) => path.includes(`\`x${i}.tf`))).toBe(true);
    expect(comment).not.toContain("\u202E");
    const waived = renderResolved({ kind: "waiver", reason: hostile.join(" ") });
    expect(nodes(waived, "link").concat(nodes(waived, "image"), nodes(waived, "html"))).toEqual([]);
  });

  it("the data check summary and a debt issue", () => {
    const summary = planDataCheck({
      headSha: "abc",
      diagnostics: hostile.map((text, i) => ({
        file: `data/engineering/${text}\`${i}.json`,
        line: 1,
        column: 1,
        severity: "error" as const,
        code: "x",
        message: text,
      })),
      files: [],
    }).summary;
    const body = debtBody(
      {
        id: hostile[0]!,
        title: "t",
        description: hostile.join(" "),
        quadrant: "prudent_deliberate",
        impact: "accumulating",
        estimatedDays: 1,
        priority: "low",
        createdAt: "2025-01-01",
        resolvedAt: null,
        owner: hostile[1]!,
      },
      { itemUrl: "https://github.com/acme/app/blob/abc/tech_debt.json#L1" },
    );
    expect(nodes(summary, "link").concat(nodes(summary, "image"), nodes(summary, "html"))).toEqual([]);
    // The debt issue holds one link of ours (to the item's line) and the marker.
    expect(nodes(body, "link").map((node) => ("url" in node ? node.url : ""))).toEqual([
      "https://github.com/acme/app/blob/abc/tech_debt.json#L1",
    ]);
    expect(nodes(body, "image")).toEqual([]);
    expect(nodes(body, "html").map((node) => ("value" in node ? node.value : ""))).toEqual([
      expect.stringMatching(/^<!-- cto-copilot:debt:/),
    ]);
  });
});
