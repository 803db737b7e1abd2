import { describe, expect, it } from "@jest/globals";
import { spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Ajv04 from "ajv-draft-04";
import addFormats from "ajv-formats";
import { runCli, tempRepo } from "../support/cli.js";
import { templateRoot } from "../support/data-files.js";

const projectRoot = new URL("../../", import.meta.url).pathname;
const ansiEscape = new RegExp(`${String.fromCharCode(27)}\\[`);
const ansiRed = new RegExp(`${String.fromCharCode(27)}\\[31merror`);

function brokenRepo(): string {
  const root = tempRepo(templateRoot);
  const debtPath = join(root, "data/engineering/tech_debt.json");
  writeFileSync(
    debtPath,
    readFileSync(debtPath, "utf8")
      .replace('"priority": "medium"', '"priority": "urgent"')
      .replace('"id": "debt_003",', '"id": "debt_003",\n      "colour": "red",'),
  );
  return root;
}

describe("cto-copilot validate", () => {
  it("passes on a clean tree with exit 0", async () => {
    const result = await runCli(["validate", "--root", templateRoot]);
    expect(result).toEqual({ code: 0, stdout: "no errors, 0 warnings in 9 files checked.\n", stderr: "" });
  });

  it("passes on this project's own data/engineering (dogfood)", async () => {
    const result = await runCli(["validate"], { cwd: projectRoot });
    expect(result.stdout).toMatch(/^no errors, 0 warnings in \d+ files checked\.\n$/);
    expect(result.code).toBe(0);
  });

  it("--format json prints exactly one JSON document with the specified shape, exit 1 on errors", async () => {
    const root = brokenRepo();
    const result = await runCli(["validate", "--root", root, "--format", "json"]);
    expect(result.code).toBe(1);
    expect(result.stdout.trim().split("\n")).toHaveLength(1);
    const report = JSON.parse(result.stdout);
    expect(Object.keys(report)).toEqual(["diagnostics", "summary"]);
    expect(report.diagnostics).toEqual([
      {
        file: "data/engineering/tech_debt.json",
        line: 23,
        column: 19,
        severity: "error",
        code: "invalid-value",
        message: '`items[1].priority` must be one of critical, high, medium, low; found "urgent"',
      },
      {
        file: "data/engineering/tech_debt.json",
        line: 29,
        column: 7,
        severity: "warning",
        code: "unknown-key",
        message: "unknown key `items[2].colour` is ignored",
      },
    ]);
    expect(Object.keys(report.diagnostics[0])).toEqual(["file", "line", "column", "severity", "code", "message"]);
    expect(report.summary).toEqual({ files: 9, errors: 1, warnings: 1 });
  });

  it("--format text reads like a compiler, with a code frame and no colour off a terminal", async () => {
    const result = await runCli(["validate", "--root", brokenRepo()]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain(
      'data/engineering/tech_debt.json:23:19 - error invalid-value: `items[1].priority` must be one of critical, high, medium, low; found "urgent"\n',
    );
    expect(result.stdout).toContain('> 23 |       "priority": "urgent",\n     |                   ^^^^^^^^');
    expect(result.stdout).toMatch(/1 error, 1 warning in 9 files checked\.\n$/);
    expect(result.stdout).not.toMatch(ansiEscape);
  });

  it("uses colour on a terminal, unless NO_COLOR is set", async () => {
    const root = brokenRepo();
    expect((await runCli(["validate", "--root", root], { isTTY: true })).stdout).toMatch(ansiRed);
    expect((await runCli(["validate", "--root", root], { isTTY: true, env: { NO_COLOR: "1" } })).stdout).not.toMatch(
      ansiEscape,
    );
  });

  it("--format sarif is valid SARIF 2.1.0 with the locations code scanning needs", async () => {
    const result = await runCli(["validate", "--root", brokenRepo(), "--format", "sarif"]);
    expect(result.code).toBe(1);
    const log = JSON.parse(result.stdout);
    const schema = JSON.parse(
      readFileSync(
        new URL("../../node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json", import.meta.url),
        "utf8",
      ),
    );
    const ajv = new (Ajv04 as unknown as typeof Ajv04.default)({
      allErrors: true,
      strict: false,
      unicodeRegExp: false,
    });
    (addFormats as unknown as typeof addFormats.default)(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log) ? [] : validate.errors).toEqual([]);
    expect(log.version).toBe("2.1.0");
    const [first] = log.runs[0].results;
    expect(first).toMatchObject({
      ruleId: "invalid-value",
      level: "error",
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: "data/engineering/tech_debt.json", uriBaseId: "%SRCROOT%" },
            region: { startLine: 23, startColumn: 19, endColumn: 27 },
          },
        },
      ],
    });
    expect(log.runs[0].tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual([
      "invalid-value",
      "unknown-key",
    ]);
  });

  it("follows the config's dataDir and reports config errors with their line", async () => {
    const root = tempRepo();
    mkdirSync(join(root, ".github"));
    mkdirSync(join(root, "docs/eng"), { recursive: true });
    writeFileSync(join(root, ".github/cto-copilot.yml"), "dataDir: docs/eng\nvalidation:\n  alwaysCheck: yes please\n");
    writeFileSync(
      join(root, "docs/eng/team.json"),
      '{"version": "1.0", "lastUpdated": "2025-11-03", "headcount": 0}\n',
    );
    const result = await runCli(["validate", "--root", root, "--format", "json"]);
    // An invalid config falls back to the defaults, so the data dir is the default one... which does not exist.
    expect(result.code).toBe(2);
    writeFileSync(join(root, ".github/cto-copilot.yml"), "dataDir: docs/eng\nvalidation:\n  alwayscheck: true\n");
    const ok = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout);
    expect(ok.diagnostics).toEqual([
      expect.objectContaining({
        file: ".github/cto-copilot.yml",
        line: 3,
        column: 3,
        code: "config-unknown-key",
        severity: "warning",
      }),
    ]);
    expect(ok.summary).toEqual({ files: 2, errors: 0, warnings: 1 });
  });

  it("honours validation.ignore and validation.maxFileSizeBytes", async () => {
    const root = brokenRepo();
    mkdirSync(join(root, ".github"));
    writeFileSync(
      join(root, ".github/cto-copilot.yml"),
      "validation:\n  ignore: [tech_debt.json]\n  maxFileSizeBytes: 1000\n",
    );
    const report = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout);
    expect(report.diagnostics.map((d: { file: string; code: string }) => `${d.file} ${d.code}`)).toEqual([
      "data/engineering/engineering_scorecard.json file-too-large",
      "data/engineering/scorecards/scorecard_2025-11-03.json file-too-large",
      "data/engineering/tech_stack.json file-too-large",
    ]);
  });

  it("warns about an unknown JSON file in the data directory", async () => {
    const root = tempRepo(templateRoot);
    writeFileSync(join(root, "data/engineering/roadmap.json"), "{}");
    const report = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout);
    expect(report.diagnostics).toEqual([
      expect.objectContaining({ file: "data/engineering/roadmap.json", code: "unknown-file", severity: "warning" }),
    ]);
  });

  it("a data file it may not read is a finding, not a crash", () => {
    const root = tempRepo(templateRoot);
    chmodSync(root, 0o755);
    for (const directory of ["data", "data/engineering"]) chmodSync(join(root, directory), 0o755);
    const team = join(root, "data/engineering/team.json");
    chmodSync(team, 0o000);
    // Root reads any file: run as an unprivileged user then, as a CI job would.
    const asUser = process.getuid?.() === 0 ? ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : [];
    const command = [
      ...asUser,
      process.execPath,
      join(projectRoot, "bin/cto-copilot.js"),
      "validate",
      "--root",
      root,
      "--format",
      "json",
    ];
    const result = spawnSync(command[0]!, command.slice(1), { encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(JSON.parse(result.stdout).diagnostics).toEqual([
      expect.objectContaining({
        file: "data/engineering/team.json",
        code: "unreadable",
        message: "this data file could not be read (EACCES: permission denied): check its permissions",
      }),
    ]);
  });

  it("reads files as bytes: a byte order mark and invalid UTF-8 on disk are reported where they are", async () => {
    const root = tempRepo(templateRoot);
    const team = join(root, "data/engineering/team.json");
    writeFileSync(team, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(team)]));
    const stack = join(root, "data/engineering/tech_stack.json");
    const text = readFileSync(stack, "utf8");
    const at = text.indexOf('"version"');
    writeFileSync(
      stack,
      Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]),
    );
    const report = JSON.parse((await runCli(["validate", "--root", root, "--format", "json"])).stdout);
    const line = text.slice(0, at).split("\n").length;
    expect(
      report.diagnostics.map((d: { file: string; line: number; code: string }) => `${d.file}:${d.line} ${d.code}`),
    ).toEqual(
      expect.arrayContaining([
        "data/engineering/team.json:1 byte-order-mark",
        `data/engineering/tech_stack.json:${line} invalid-utf8`,
      ]),
    );
  });

  it("a missing data directory is a usage error (exit 2) that says what to do", async () => {
    const result = await runCli(["validate", "--root", tempRepo()]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(
      /^cto-copilot: error: no data directory at .*data\/engineering; create it with `cto-copilot init` --root/,
    );
  });

  it("usage errors exit 2: unknown format, unknown command, missing root, no command", async () => {
    expect((await runCli(["validate", "--format", "xml"])).code).toBe(2);
    expect((await runCli(["validate", "--format", "xml"])).stderr).toContain("Allowed choices are text, json, sarif");
    expect((await runCli(["frobnicate"])).code).toBe(2);
    expect((await runCli(["validate", "--root", "/nonexistent/dir"])).stderr).toBe(
      "cto-copilot: error: --root /nonexistent/dir: no such directory\n",
    );
    const bare = await runCli([]);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain("Usage: cto-copilot");
  });

  it("--help works everywhere with exit 0", async () => {
    for (const argv of [["--help"], ["validate", "--help"], ["init", "--help"], ["help", "validate"]]) {
      const result = await runCli(argv);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Usage: cto-copilot");
    }
    expect((await runCli(["validate", "--help"])).stdout).toContain("--format <format>");
  });
});
