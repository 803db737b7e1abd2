import { describe, expect, it } from "@jest/globals";
import { resolveConfig } from "../../../src/config/resolve-config.js";
import type { ConfigSources } from "../../../src/ports/repository-view.js";
import { configDiagnostics, loadConfig } from "../../../src/use-cases/load-config.js";

const viewWith = (sources: ConfigSources) => ({ readConfigSources: async () => sources });

describe("loadConfig", () => {
  it("without a config file gives the defaults, exactly as resolving no file does", async () => {
    const loaded = await loadConfig(viewWith({}), "HEAD");
    expect(loaded.resolved).toEqual(resolveConfig({}));
    expect(loaded.resolved).toMatchObject({ valid: true, source: "defaults" });
    expect(loaded.resolved.config.dora.windowDays).toBe(90);
    expect(configDiagnostics(loaded)).toEqual([]);
  });

  it("reads a repository file, with its findings positioned", async () => {
    const text = "dora:\n  windowDays: 30\n  unknownKey: 1\n";
    const loaded = await loadConfig(viewWith({ repository: text }), "HEAD");
    expect(loaded.resolved).toEqual(resolveConfig({ repository: text }));
    expect(loaded.resolved.config.dora.windowDays).toBe(30);
    expect(configDiagnostics(loaded)).toEqual([
      expect.objectContaining({ file: ".github/cto-copilot.yml", line: 3, severity: "warning" }),
    ]);
  });

  it("takes the organisation default when the repository has none", async () => {
    const loaded = await loadConfig(viewWith({ organization: "dora:\n  windowDays: 14\n" }), "HEAD");
    expect(loaded.resolved).toMatchObject({ source: "organization", valid: true });
    expect(loaded.resolved.config.dora.windowDays).toBe(14);
  });
});
