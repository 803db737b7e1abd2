import { describe, expect, it } from "@jest/globals";
import { techStackSchema } from "../../../src/schemas/tech-stack.js";
import { discover } from "./fixtures/discover.js";
import type { FixtureRepository } from "./fixtures/fixture.js";
import { fixtureRepositories } from "./fixtures/index.js";

const picked = (part: Record<string, unknown> | undefined, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, part?.[key]]));

describe.each(fixtureRepositories.map((fixture) => [fixture.name, fixture] as const))(
  "%s",
  (_name, fixture: FixtureRepository) => {
    const discovery = discover(fixture.files);
    const stack = discovery.techStack.stack as Record<string, Record<string, unknown> | undefined>;

    it("fills the fields a person checks with exactly what the repository shows", () => {
      for (const [part, fields] of Object.entries(fixture.expected))
        expect({ [part]: picked(stack[part], Object.keys(fields)) }).toEqual({ [part]: fields });
    });

    it("names the file each value came from", () => {
      for (const [field, source] of Object.entries(fixture.sources)) {
        const first = discovery.evidence.find((item) => item.field === field);
        expect({ field, source: first?.source }).toEqual({ field, source });
      }
    });

    it("gives every value shown its evidence", () => {
      for (const [part, fields] of Object.entries(stack))
        for (const [key, value] of Object.entries(fields ?? {})) {
          if (key === "deploymentFrequency" || key === "notes") continue;
          const shown = Array.isArray(value)
            ? value
            : typeof value === "string" && value !== "" && key !== "notes"
              ? [value]
              : [];
          const cited = discovery.evidence
            .filter((item) => item.field === `stack.${part}.${key}`)
            .map((item) => item.value);
          expect({ field: `stack.${part}.${key}`, cited: cited.join(", ") }).toEqual({
            field: `stack.${part}.${key}`,
            cited: shown.join(", "),
          });
        }
    });

    it("does not depend on the order of the listing", () => {
      const reversed = Object.fromEntries(Object.entries(fixture.files).reverse());
      expect(discover(reversed)).toEqual(discovery);
    });

    it("writes a valid tech_stack.json dated today", () => {
      expect(techStackSchema.safeParse(discovery.techStack).error).toBeUndefined();
      expect(discovery.techStack).toMatchObject({ version: "1.0", lastUpdated: "2026-03-02" });
    });
  },
);
