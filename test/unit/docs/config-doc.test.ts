import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { renderConfigDoc } from "../../../scripts/generate-config-doc.js";
import { renderJsonSchemas } from "../../../src/schemas/json-schema.js";

const root = new URL("../../../", import.meta.url).pathname;
const schema = JSON.parse(renderJsonSchemas()["config.schema.json"]!) as Record<string, any>;

describe("docs/config.md", () => {
  it("is what scripts/generate-config-doc.js renders from src/schemas/config.ts (run `npm run schemas` after changing it)", () => {
    const hint = "docs/config.md is generated: run `npm run schemas`";
    expect({ hint, text: readFileSync(`${root}docs/config.md`, "utf8") }).toEqual({
      hint,
      text: renderConfigDoc(schema),
    });
  });

  it("has a row with the default of every key of the schema", () => {
    const doc = renderConfigDoc(schema);
    const keys = (node: Record<string, any>, path: string): [string, unknown][] =>
      Object.entries((node.properties ?? {}) as Record<string, Record<string, any>>).flatMap(([key, child]) => {
        const at = path ? `${path}.${key}` : key;
        const object = child.properties
          ? child
          : (child.anyOf as Record<string, any>[] | undefined)?.find((branch) => branch.properties);
        const nested = object && "default" in child ? keys(object, at) : [];
        return [[at, child.default] as [string, unknown], ...nested];
      });
    const all = keys(schema, "").map(([key, value]) => [
      key.replace(/^adr\.categories\.[^.]+/, "adr.categories.<key>"),
      value,
    ]);
    expect(all.length).toBeGreaterThan(60);
    for (const [key, value] of all) {
      const row = doc.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
      const isGroup = typeof value === "object" && value !== null && !Array.isArray(value);
      if (isGroup) continue; // a group of keys: its keys have the rows
      expect({ key, row }).toEqual({
        key,
        row: expect.stringContaining(value === undefined ? "(unset)" : JSON.stringify(value).replace(/^"|"$/g, "")),
      });
    }
  });
});
