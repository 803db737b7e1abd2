import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { incidentEvents, installationEvents, pullRequestEvents } from "../../../src/app/events.js";

const root = new URL("../../../", import.meta.url).pathname;
const manifest = parse(readFileSync(`${root}app.yml`, "utf8")) as {
  default_events: string[];
  default_permissions: Record<string, string>;
};
const doc = readFileSync(`${root}docs/app.md`, "utf8");

/** The rows of the table under a heading, as cells without code marks. */
function table(heading: string): string[][] {
  const section = doc.split(/^## /m).find((part) => part.startsWith(`${heading}\n`)) ?? "";
  const rows = /^\|.*\|\n\|[-|]+\|\n((?:\|.*\|\n?)+)/m.exec(section)?.[1] ?? "";
  return rows
    .trim()
    .split("\n")
    .map((row) => row.split("|").map((cell) => cell.trim().replace(/^`|`$/g, "")));
}

describe("docs/app.md against app.yml and src/app/events.ts", () => {
  it("lists exactly the permissions of app.yml, at their levels", () => {
    const documented = table("Permissions").map((cells) => cells[1]);
    const declared = Object.entries(manifest.default_permissions).map(([name, level]) => `${name}: ${level}`);
    expect([...documented].sort()).toEqual([...declared].sort());
  });

  it("lists every event the App handles with each of its actions, and no other event", () => {
    const rows = new Map(table("Events").map((cells) => [cells[1]!, cells[2]!]));
    const handled = [...pullRequestEvents, ...incidentEvents, ...installationEvents];
    const names = new Set([...handled.map((event) => event.split(".")[0]!), ...manifest.default_events]);
    expect([...rows.keys()].sort()).toEqual([...names].sort());
    for (const event of handled) {
      const [name, action] = event.split(".") as [string, string];
      const actions = (rows.get(name) ?? "").split(/`,? `?/).map((word) => word.replace(/`/g, ""));
      expect({ event, actions }).toEqual({ event, actions: expect.arrayContaining([action]) });
    }
  });
});
