import { recordRules } from "../../../src/validate/record-rules.js";
import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { renderJsonSchemas } from "../../../src/schemas/json-schema.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { validateDataFiles } from "../../../src/validate/validate-files.js";
import { layout, readFixture, templateRoot, templateText } from "../../support/data-files.js";

describe("the prompt's templates, filled faithfully", () => {
  it("validate with no finding at all", () => {
    const files = readFixture(templateRoot);
    expect(files.length).toBeGreaterThanOrEqual(9);
    expect(validateDataFiles(files, { layout, records: recordRules })).toEqual([]);
  });
});

describe("generated JSON Schema", () => {
  const rendered = renderJsonSchemas();

  it("is committed and fresh (run `npm run schemas` after changing src/schemas/)", () => {
    for (const [file, text] of Object.entries(rendered)) {
      const committed = readFileSync(new URL(`../../../schemas/${file}`, import.meta.url), "utf8");
      expect({ file, text: committed }).toEqual({ file, text });
    }
  });

  it("is draft 2020-12 with an $id, a title and a description", () => {
    for (const [file, text] of Object.entries(rendered)) {
      const schema = JSON.parse(text);
      expect(schema.$schema).toBe("https://json-schema.org/draft/2020-12/schema");
      // Ready for the SchemaStore catalog: an https URL where the file itself is served.
      expect(schema.$id).toBe(`https://raw.githubusercontent.com/cto-copilot/cto-copilot/main/schemas/${file}`);
      expect(typeof schema.title).toBe("string");
      expect(typeof schema.description).toBe("string");
    }
  });

  const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ allErrors: true, strict: false });
  (addFormats as unknown as typeof addFormats.default)(ajv);
  const validator = (file: string) => ajv.compile(JSON.parse(rendered[file]!));

  it.each([
    ["tech_stack.schema.json", "tech_stack.json"],
    ["engineering_scorecard.schema.json", "engineering_scorecard.json"],
    ["tech_debt.schema.json", "tech_debt.json"],
    ["infra_costs.schema.json", "infra_costs.json"],
    ["team.schema.json", "team.json"],
  ])("%s accepts the template's %s and rejects a wrong enum value", (schemaFile, dataFile) => {
    const validate = validator(schemaFile);
    const value = JSON.parse(templateText(dataFile));
    expect(validate(value)).toBe(true);
    expect(validate({ ...value, version: 1, maturityStage: "hyperscale", generatedAt: 5 })).toBe(false);
  });

  it("config.schema.json accepts an empty config and the defaults, and rejects a bad source", () => {
    const validate = validator("config.schema.json");
    expect(validate({})).toBe(true);
    expect(validate(defaultConfig())).toBe(true);
    expect(validate({ dora: { source: "jira" } })).toBe(false);
  });
});
