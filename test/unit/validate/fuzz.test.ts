import { describe, expect, it } from "@jest/globals";
import fc from "fast-check";
import picomatch from "picomatch";
import { detectInfraChanges } from "../../../src/adr/detect-infra-changes.js";
import { parseConfig } from "../../../src/config/parse-config.js";
import { parseMarkdownRecord } from "../../../src/markdown/document.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { globProblem } from "../../../src/schemas/glob.js";
import { brief, validateOne } from "../../support/data-files.js";

/**
 * Every parser of text a pull request controls, fed random and adversarial input: it must end
 * (each property runs inside the test's time budget) and never throw. Adversarial means runs of
 * the characters each grammar gives meaning to, repeated, nested and interleaved.
 */
const budget = 30_000;
const runs = { numRuns: 150 };

/** Text made of repeated fragments that a grammar treats specially. */
const adversarial = (fragments: string[], maxRepeat = 4000) =>
  fc
    .array(fc.tuple(fc.constantFrom(...fragments), fc.integer({ min: 1, max: maxRepeat })), {
      minLength: 1,
      maxLength: 6,
    })
    .map((parts) => parts.map(([fragment, times]) => fragment.repeat(times)).join(""));

const anyText = fc.oneof(fc.string({ maxLength: 2000 }), fc.string({ unit: "binary", maxLength: 2000 }));

describe("parsers end and never throw, on random and adversarial input", () => {
  it(
    "JSON data files",
    () => {
      const json = fc.oneof(
        anyText,
        adversarial(['{"a":', "[", "]", "{", "}", '"', "\\", '"\\u', ",", ":", "1e999", '"__proto__":', " "]),
        fc.json().map((text) => text.slice(0, Math.max(0, text.length - 1))),
      );
      fc.assert(
        fc.property(
          json,
          fc.constantFrom("tech_debt.json", "team.json", "engineering_scorecard.json"),
          (text, name) => {
            expect(Array.isArray(validateOne(name, text))).toBe(true);
          },
        ),
        runs,
      );
    },
    budget,
  );

  it(
    "Markdown records (ADRs, post-mortems)",
    () => {
      const markdown = fc.oneof(
        anyText,
        adversarial([
          "*_",
          "**",
          "> ",
          "- ",
          "1. ",
          "[",
          "](",
          "![",
          "`",
          "<",
          "|",
          "~~",
          "#",
          "\n",
          "  ",
          "**Status:** ",
          "&#",
        ]),
      );
      fc.assert(
        fc.property(markdown, (text) => {
          expect(parseMarkdownRecord(text).sections).toBeDefined();
          expect(Array.isArray(validateOne("adrs/adr_2025-01-01_x.md", text))).toBe(true);
          expect(Array.isArray(validateOne("incidents/incident_2025-01-01.md", text))).toBe(true);
        }),
        runs,
      );
    },
    budget,
  );

  it(
    "the YAML config",
    () => {
      const yaml = fc.oneof(
        anyText,
        adversarial([
          "a: ",
          "- ",
          "&x ",
          "*x ",
          "!!binary ",
          "{",
          "[",
          "? ",
          "|",
          ">",
          "\n  ",
          "'",
          '"',
          "<<: *x\n",
          "dataDir: ",
        ]),
      );
      fc.assert(
        fc.property(yaml, (text) => {
          expect(typeof parseConfig(text).valid).toBe("boolean");
        }),
        runs,
      );
    },
    budget,
  );

  it(
    "configured globs (refused when they could be slow; allowed ones match hostile paths at once)",
    () => {
      const glob = fc.oneof(
        fc.string({ maxLength: 60 }),
        adversarial(["*", "**/", "a", "{", "}", ",", "[", "]", "!", "(", ")", "?", "+(", "@("], 20),
      );
      const path = adversarial(["a/", "a", "b", "/", ".", "{"], 200);
      fc.assert(
        fc.property(glob, path, (pattern, target) => {
          if (globProblem(pattern) !== undefined) return;
          let matcher: (path: string) => boolean;
          try {
            matcher = picomatch(pattern, { dot: true });
          } catch {
            return; // picomatch refuses it: config validation reports that
          }
          expect(typeof matcher(target)).toBe("boolean");
        }),
        runs,
      );
    },
    budget,
  );

  it(
    "dependency manifests and the other infrastructure readers",
    () => {
      const content = fc.oneof(
        anyText,
        adversarial([
          "<dependency>",
          "<parent>",
          "implementation (",
          " ",
          '"',
          "{",
          "}",
          "[dependencies]\n",
          "require (\n",
          'resource "a" "b" {',
          "FROM ",
          "kind: ",
          "apiVersion: v1\n",
          "CREATE TABLE ",
          "services:\n  ",
        ]),
      );
      const path = fc.constantFrom(
        "package.json",
        "go.mod",
        "requirements.txt",
        "pyproject.toml",
        "Cargo.toml",
        "pom.xml",
        "build.gradle",
        "main.tf",
        "Dockerfile",
        "docker-compose.yml",
        "k8s/app.yaml",
        "charts/x/Chart.yaml",
        ".github/workflows/ci.yml",
        "db/migrations/1.sql",
        "prisma/schema.prisma",
        "template.yaml",
      );
      fc.assert(
        fc.property(path, content, content, (name, before, after) => {
          const seen = detectInfraChanges(
            [{ path: name, status: "modified", additions: 1, deletions: 1, before, after }],
            defaultConfig().adr,
          );
          for (const found of seen) expect(found.reason.length).toBeLessThanOrEqual(200);
        }),
        runs,
      );
    },
    budget,
  );
});

describe("YAML past its limits is reported, never parsed", () => {
  it("nested explicit keys (the parser took 99 s on 16 KB of `? `), deep sequences and a huge config are findings at once", () => {
    expect(parseConfig("? ".repeat(8_000) + "x").findings.map((finding) => finding.code)).toEqual(["too-deep"]);
    expect(parseConfig("a:\n  - " + "- ".repeat(100) + "x").findings.map((finding) => finding.code)).toEqual([
      "too-deep",
    ]);
    expect(parseConfig("# " + "x".repeat(70_000)).findings.map((finding) => finding.code)).toEqual(["too-large"]);
    expect(parseConfig("adr:\n  require: true\n").valid).toBe(true);
  });
});

describe("Markdown past the parsing limits is reported where, and read as plain text", () => {
  it("64 KB of *_ is too large; 40 KB of it is too complex; 8 KB of > or - nest too deep; none throws", () => {
    const header = "## ADR: Fuzz\n**Status:** Proposed\n**Date:** 2025-01-01\n**Deciders:** A\n\n";
    expect(brief(validateOne("adrs/adr_2025-01-01_x.md", header + "*_".repeat(32_000)))).toEqual([
      "error too-large@1:1",
    ]);
    expect(brief(validateOne("adrs/adr_2025-01-01_x.md", header + "*_".repeat(20_000)))).toContain(
      "error too-complex@6:1",
    );
    expect(brief(validateOne("adrs/adr_2025-01-01_x.md", header + ">".repeat(8000) + " x"))).toContain(
      "error too-deep@6:33",
    );
    expect(brief(validateOne("adrs/adr_2025-01-01_x.md", header + "- ".repeat(4000) + "x"))).toContain(
      "error too-deep@6:65",
    );
  });
});
