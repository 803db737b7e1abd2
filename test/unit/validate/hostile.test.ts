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
  it("Dockerfiles, Gemfiles, Gradle plugins, Ecto migrations and workflows of this session's readers", async () => {
    const { readContainers } = await import("../../../src/adr/readers/containers.js");
    const { readDependencies } = await import("../../../src/adr/readers/dependencies.js");
    const { readDatabase } = await import("../../../src/adr/readers/database.js");
    const { readCiCd } = await import("../../../src/adr/readers/ci-cd.js");
    const decisions = (signals: { decision: boolean; reason: string }[]) =>
      signals.filter((signal) => signal.decision).map((signal) => signal.reason);
    const blank = "\n".repeat(50_000);
    const dockerfile = (node: string) => `FROM debian:bookworm-slim${blank}ENV NODE_VERSION=${node}\n`;
    expect(
      decisions(
        readContainers([
          { path: "Dockerfile", status: "modified", before: dockerfile("18.19.0"), after: dockerfile("22.11.0") },
        ]),
      ),
    ).toEqual(["the image build installs node 18 -> 22"]);
    const padded = " ".repeat(50_000);
    expect(
      decisions(
        readDependencies([
          { path: "Gemfile", status: "modified", before: `gem${padded}\n`, after: `gem${padded}\ngem 'pg'\n` },
        ]),
      ),
    ).toEqual(["adds pg *"]);
    const gradle = (boot: string) =>
      `id${padded}\nplugins {\n  id 'org.springframework.boot'${padded}version '${boot}'\n}\n`;
    expect(
      decisions(
        readDependencies([
          { path: "build.gradle", status: "modified", before: gradle("3.5.0"), after: gradle("4.0.0") },
        ]),
      ),
    ).toEqual(["moves org.springframework.boot:spring-boot from 3.5.0 to 4.0.0"]);
    const migration = `create${padded}drop${padded}\ncreate table(:inboxes) do\nend\n`;
    expect(
      decisions(readDatabase([{ path: "priv/repo/migrations/1_inboxes.exs", status: "added", after: migration }])),
    ).toEqual(["creates table inboxes"]);
    const workflow = (login: string) =>
      `on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n${blank.slice(0, 5_000)}    steps:\n      - run: |\n          ${login}\n          docker buildx build --push -t ghcr.io/example/app .\n`;
    const hostile = `docker login ${"${{".repeat(20_000)} ${"a.".repeat(20_000)}!`;
    expect(
      decisions(
        readCiCd([
          {
            path: ".github/workflows/image.yml",
            status: "modified",
            before: workflow(hostile),
            after: workflow(`${hostile}\n          docker login -u me --password-stdin quay.io`),
          },
        ]),
      ),
    ).toEqual(["now publishes to quay.io"]);
  });
});
