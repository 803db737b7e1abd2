import { describe, expect, it } from "@jest/globals";
import { parseConfig } from "../../../src/config/parse-config.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { toDiagnostics } from "../../../src/text/line-index.js";

const diagnose = (text: string) => toDiagnostics(".github/cto-copilot.yml", text, parseConfig(text).findings);

describe(".github/cto-copilot.yml", () => {
  it("an empty file or no keys gives the documented defaults", () => {
    expect(parseConfig("").config).toEqual(defaultConfig());
    expect(parseConfig("# nothing yet\n")).toMatchObject({ valid: true, findings: [] });
    expect(defaultConfig()).toMatchObject({
      dataDir: "data/engineering",
      validation: { maxFileSizeBytes: 5 * 1024 * 1024, alwaysCheck: false },
      adr: { require: false, skipLabel: "no-adr", reviewAfterMonths: 6 },
      dora: { source: "deployments", windowDays: 90, environment: "production" },
      scorecard: { commit: "pull-request" },
      incidents: { label: "incident" },
    });
  });

  it("keys for features not built yet are unknown keys: a warning each, and the rest of the file is used", () => {
    const { config, valid, findings } = parseConfig(
      "ai:\n  enabled: true\n  temperature: 0.2\ndebt:\n  issues: true\n  minPriority: high\nincidents:\n  postmortem: comment\n  label: outage\n",
    );
    expect(valid).toBe(true);
    expect(config.incidents.label).toBe("outage");
    expect(config.debt.issues).toBe(true);
    expect(config.ai.enabled).toBe(true);
    expect(findings.map((finding) => [finding.severity, finding.message]).sort()).toEqual([
      ["warning", "unknown key `ai.temperature` is ignored"],
      ["warning", "unknown key `debt.minPriority` is ignored"],
      ["warning", "unknown key `incidents.postmortem` is ignored"],
    ]);
  });

  it("keeps defaults for keys a partial section leaves out", () => {
    const { config, valid } = parseConfig("dora:\n  source: tags\nadr:\n  require: true\n");
    expect(valid).toBe(true);
    expect(config.dora).toMatchObject({ source: "tags", windowDays: 90 });
    expect(config.adr).toMatchObject({ require: true, skipLabel: "no-adr" });
  });

  it("a bad value is an error on its line, and the defaults are used", () => {
    const text = "dataDir: docs/engineering\ndora:\n  source: jira\n  windowDays: 90\n";
    const parsed = parseConfig(text);
    expect(parsed.valid).toBe(false);
    expect(parsed.config).toEqual(defaultConfig());
    expect(diagnose(text)).toEqual([
      expect.objectContaining({
        line: 3,
        column: 11,
        severity: "error",
        code: "config-invalid-value",
        message: '`dora.source` must be one of deployments, releases, tags, workflow-runs, merges; found "jira"',
      }),
    ]);
  });

  it("an unknown key is a warning on the key and the rest of the file still applies", () => {
    const text = "dataDir: docs/eng\nadr:\n  requires: true\n";
    const parsed = parseConfig(text);
    expect(parsed).toMatchObject({ valid: true, config: { dataDir: "docs/eng", adr: { require: false } } });
    expect(diagnose(text)).toEqual([
      expect.objectContaining({ line: 3, column: 3, severity: "warning", code: "config-unknown-key" }),
    ]);
  });

  it("YAML syntax errors and duplicate keys have positions", () => {
    expect(diagnose("adr:\n  require: true\n require: false\n")[0]).toMatchObject({
      severity: "error",
      code: "yaml-syntax",
      line: 3,
    });
    expect(diagnose("dataDir: a\ndataDir: b\n")[0]).toMatchObject({
      severity: "error",
      code: "duplicate-key",
      line: 2,
      column: 1,
    });
  });

  it("a wrong type inside a list points at the item", () => {
    expect(diagnose("adr:\n  ignore:\n    - docs/**\n    - 42\n")[0]).toMatchObject({
      line: 4,
      column: 7,
      code: "config-invalid-type",
    });
  });

  it("a config that is not a mapping is refused", () => {
    expect(diagnose("- a\n- b\n")[0]).toMatchObject({ line: 1, column: 1, code: "config-invalid-type" });
  });

  it("survives alias bombs", () => {
    const bomb =
      'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n';
    expect(() => parseConfig(bomb)).not.toThrow();
    expect(parseConfig(bomb).valid).toBe(false);
  });
});
