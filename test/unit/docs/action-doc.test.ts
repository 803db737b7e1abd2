import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";

const root = new URL("../../../", import.meta.url).pathname;
const action = parse(readFileSync(`${root}action.yml`, "utf8")) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, { description: string }>;
};
const doc = readFileSync(`${root}docs/action.md`, "utf8");

/** The rows of the Markdown table under a heading whose header row starts with `first`: first cell -> second cell. */
function table(heading: string, first: string): Map<string, string> {
  const section = doc.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? "";
  const rows = new RegExp(`^\\| ${first} \\|.*\\n\\|[-|]+\\|\\n((?:\\|.*\\|\\n?)+)`, "m").exec(section)?.[1] ?? "";
  const cells = rows
    .trim()
    .split("\n")
    .filter((row) => row !== "")
    .map((row) => row.split(/(?<!\\)\|/).map((cell) => cell.trim().replace(/^`|`$/g, "")));
  return new Map(cells.map((row) => [row[1]!, row[2]!]));
}

describe("docs/action.md against action.yml", () => {
  const inputs = table("Inputs", "input");
  const outputs = table("Outputs", "output");

  it("documents every input of action.yml, and no input action.yml does not have", () => {
    expect(inputs.size).toBeGreaterThan(0);
    expect([...inputs.keys()].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it("gives each input the default action.yml gives it (an empty default is said in words, in parentheses)", () => {
    for (const [name, input] of Object.entries(action.inputs)) {
      const documented = inputs.get(name);
      if (input.default === undefined || input.default === "")
        expect({ name, documented }).toEqual({ name, documented: expect.stringMatching(/^\(.+\)$/) });
      else expect({ name, documented }).toEqual({ name, documented: input.default });
    }
  });

  it("documents every output of action.yml, and no output action.yml does not have", () => {
    expect(outputs.size).toBeGreaterThan(0);
    expect([...outputs.keys()].sort()).toEqual(Object.keys(action.outputs).sort());
  });
});
