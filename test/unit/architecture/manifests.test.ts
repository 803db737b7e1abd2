import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import type { Probot } from "probot";
import { parseDocument } from "yaml";
import ctoCopilotApp from "../../../src/app/index.js";

const root = new URL("../../../", import.meta.url).pathname;
const parse = (file: string) => {
  const document = parseDocument(readFileSync(`${root}${file}`, "utf8"));
  return { errors: document.errors.map((error) => error.message), value: document.toJS() as Record<string, any> };
};

describe("the App manifest and the Action metadata", () => {
  it("app.yml is valid YAML whose events are exactly those the App handles", () => {
    const { errors, value } = parse("app.yml");
    expect(errors).toEqual([]);
    const handled = new Set<string>();
    const recorder = {
      on: (events: string | string[]) => [events].flat().forEach((event) => handled.add(event.split(".")[0]!)),
      onError: () => undefined,
    };
    ctoCopilotApp(recorder as unknown as Probot);
    // GitHub sends the installation events to every App and refuses no one: the manifest says why they are handled.
    const alwaysSent = ["installation", "installation_repositories"];
    const manifestText = readFileSync(`${root}app.yml`, "utf8");
    for (const event of alwaysSent) {
      expect(handled).toContain(event);
      expect(manifestText).toMatch(new RegExp(`#\\s+${event} \\(`));
    }
    expect([...(value.default_events as string[])].sort()).toEqual(
      [...handled].filter((event) => !alwaysSent.includes(event)).sort(),
    );
    expect(value.default_permissions).toMatchObject({
      checks: "write",
      contents: "write",
      pull_requests: "write",
      metadata: "read",
    });
  });

  it("action.yml is valid YAML that runs the committed bundle on node24", () => {
    const { errors, value } = parse("action.yml");
    expect(errors).toEqual([]);
    expect(value.runs).toMatchObject({ using: "node24", main: "dist/index.js" });
  });

  it("docs/action.md's input table lists exactly action.yml's inputs with their defaults, and names every output", () => {
    const { value } = parse("action.yml");
    const readme = readFileSync(`${root}docs/action.md`, "utf8");
    const table = /\| input \| default \| what it does \|\n\|[-|]+\|\n((?:\|.*\|\n)+)/.exec(readme)?.[1] ?? "";
    const rows = table
      .trim()
      .split("\n")
      .map((row) => row.split("|").map((cell) => cell.trim().replace(/^`|`$/g, "")))
      .map((cells) => [cells[1], cells[2]]);
    const inputs = Object.entries(value.inputs as Record<string, { default?: string }>).map(([name, input]) => [
      name,
      input.default === "" ? (name === "now" ? "(the run's time)" : "(none)") : input.default,
    ]);
    expect(rows).toEqual(inputs);
    for (const output of Object.keys(value.outputs)) expect(readme).toContain(`\`${output}\``);
  });
});
