import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderDefaultConfig } from "../../../scripts/generate-default-config.js";
import { defaultConfigValues } from "../../../src/config/default-config.js";
import { resolvedDefaults } from "../../../src/config/defaults.js";
import { configParsing, configSchema } from "../../../src/schemas/config.js";

const schemaDefaults = () => configSchema.parse({}, configParsing);

describe("the defaults of a repository without a config file", () => {
  it("are exactly what the schema gives an empty config", () => {
    expect(defaultConfigValues()).toStrictEqual(schemaDefaults());
    expect(resolvedDefaults().config).toStrictEqual(schemaDefaults());
  });

  it("are what scripts/generate-default-config.js renders from the schema (run `npm run schemas` after changing it)", async () => {
    const hint = "src/config/default-config.ts is generated: run `npm run schemas`";
    const committed = readFileSync(new URL("../../../src/config/default-config.ts", import.meta.url), "utf8");
    expect({ hint, text: committed }).toEqual({ hint, text: await renderDefaultConfig(schemaDefaults()) });
  });

  it("are a fresh copy each time: changing one changes no other", () => {
    const changed = defaultConfigValues();
    changed.dora.windowDays = 7;
    changed.adr.exclude.push("**/mine/**");
    expect(defaultConfigValues().dora.windowDays).toBe(90);
    expect(resolvedDefaults().config.adr.exclude).not.toContain("**/mine/**");
  });
});
