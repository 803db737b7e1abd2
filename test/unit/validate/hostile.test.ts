import { describe, expect, it } from "@jest/globals";
import { createColors } from "picocolors";
import { parseConfig } from "../../../src/config/parse-config.js";
import { formatText } from "../../../src/report/text.js";
import { brief, validateOne } from "../../support/data-files.js";

describe("hostile input ends in findings, never a crash", () => {
  it("JSON nested 5,000 deep: one too-deep finding where the limit is crossed", () => {
    const text = '{"items": ' + "[".repeat(5000) + "]".repeat(5000) + "}";
    expect(brief(validateOne("tech_debt.json", text))).toEqual(["error too-deep@1:110"]);
  });

  it("130,000 duplicate keys, or 130,000 unknown keys, are reported one by one without overflowing the stack", () => {
    const duplicates = validateOne("team.json", `{${Array.from({ length: 130_000 }, () => '"a": 1').join(",")}}`);
    expect(duplicates.filter((diagnostic) => diagnostic.code === "duplicate-key")).toHaveLength(129_999);
    const unknown = Array.from({ length: 130_000 }, (_, i) => `"k${i}": 1`).join(",");
    const diagnostics = validateOne(
      "team.json",
      `{"version": "1.0", "lastUpdated": "2025-01-01", "headcount": 0, ${unknown}}`,
    );
    expect(diagnostics.filter((diagnostic) => diagnostic.code === "unknown-key")).toHaveLength(130_000);
    expect(diagnostics.at(-1)).toMatchObject({ line: 1, message: "unknown key `k129999` is ignored" });
  });

  it("a config of 6,000 unknown keys (as many as 64 KiB holds), 40,000 (refused as too large), a binary tag, or keys set twice: findings with positions", () => {
    const keys = (count: number) => Array.from({ length: count }, (_, i) => `k${i}: 1`).join("\n");
    const findings = parseConfig(keys(6_000)).findings;
    expect(findings).toHaveLength(6_000);
    expect(findings.at(-1)).toMatchObject({ code: "config-unknown-key", span: { start: keys(5_999).length + 1 } });
    expect(parseConfig(keys(40_000)).findings.map((finding) => finding.code)).toEqual(["too-large"]);
    expect(() => parseConfig("dora:\n  source: !!binary aGVsbG8=\n")).not.toThrow();
    expect(parseConfig("dataDir: a\nadr:\n  require: true\n  require: false\n").findings).toEqual([
      expect.objectContaining({
        code: "duplicate-key",
        span: { start: 34, end: 41 },
        message: 'Map keys must be unique: "require" is set twice',
      }),
    ]);
  });

  it("the text report of a minified file cuts each frame around the column instead of repeating the whole line", () => {
    const minified = JSON.stringify({
      version: "1.0",
      lastUpdated: "2025-01-01",
      headcount: 3,
      members: Array.from({ length: 2000 }, (_, i) => ({ name: `n${i}`, role: "x", github: i % 2 ? "dup" : `u${i}` })),
    });
    const diagnostics = validateOne("team.json", minified);
    expect(diagnostics.length).toBeGreaterThan(900);
    const output = formatText(diagnostics, 1, new Map([["data/engineering/team.json", minified]]), createColors(false));
    // 76 KB of input, about a thousand findings: each frame a few hundred characters, not the whole line.
    expect(output.length).toBeLessThan(diagnostics.length * 600);
    expect(output).toContain("…");
  });
});

describe("configured paths stay inside the repository", () => {
  it.each(["../x", "data/../../etc", "/etc", "C:/Windows"])(
    "dataDir %s is refused with its position, and the defaults are used",
    (dataDir) => {
      const parsed = parseConfig(`dataDir: ${dataDir}\n`);
      expect(parsed.valid).toBe(false);
      expect(parsed.config.dataDir).toBe("data/engineering");
      expect(parsed.findings).toEqual([
        expect.objectContaining({
          code: "config-invalid-format",
          message: expect.stringContaining("must be a directory inside the repository"),
        }),
      ]);
    },
  );

  it("adr.directory too; a plain subdirectory is fine", () => {
    expect(parseConfig("adr:\n  directory: ../../adr\n").valid).toBe(false);
    expect(parseConfig("dataDir: governance/engineering\nadr:\n  directory: docs/adr\n").valid).toBe(true);
  });
});

describe("text a pull request controls is read in linear time, with the same answers", () => {
  it("pom.xml blocks, build.gradle notations and ADR-Exempt lines", async () => {
    const { readDependencies } = await import("../../../src/adr/readers/dependencies.js");
    const { exemptionReason } = await import("../../../src/use-cases/assess-adr.js");
    const added = (path: string, after: string) =>
      readDependencies([{ path, status: "added", after }]).map((signal) => (signal.decision ? signal.reason : "-"));
    const pom =
      "<dependency>".repeat(50_000) +
      "<dependency>\n  <groupId> org.postgresql </groupId>\n  <artifactId>postgresql</artifactId>\n  <version>42.7.4</version>\n</dependency>";
    // A datastore's client: a dependency that carries a decision (an ordinary library would not).
    expect(added("pom.xml", pom)).toEqual(["adds org.postgresql:postgresql 42.7.4"]);
    const testScoped = "<dependency><groupId>a</groupId><artifactId>b</artifactId><scope>test</scope></dependency>";
    expect(added("pom.xml", testScoped)).toEqual(["-"]);
    const gradle = `implementation${" ".repeat(20_000)}(${" ".repeat(20_000)}\ndependencies {\n  implementation ( "io.ktor:ktor-server:3.0.0" )\n  api 'com.x:y:1.2'\n}`;
    // The framework is read past the padding; the ordinary library beside it is no decision.
    expect(added("build.gradle", gradle)).toEqual(["adds io.ktor:ktor-server 3.0.0"]);
    expect(exemptionReason(`ADR-Exempt:${" ".repeat(64_000)}\nIntro\n  adr-exempt:  docs only  \n`)).toBe("docs only");
    expect(exemptionReason("No waiver here")).toBeUndefined();
  });
});
