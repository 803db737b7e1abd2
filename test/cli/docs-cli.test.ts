import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { runCli } from "../support/cli.js";

const doc = readFileSync(new URL("../../docs/cli.md", import.meta.url), "utf8");

/** The commands a help text lists, and the long options it lists. */
async function help(args: string[]): Promise<{ commands: string[]; options: string[] }> {
  const { stdout } = await runCli([...args, "--help"]);
  const section = (name: string) => stdout.split(`\n${name}:\n`)[1]?.split("\n\n")[0] ?? "";
  const commands = section("Commands")
    .split("\n")
    .map((line) => /^ {2}([a-z-]+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== "help");
  const options = section("Options")
    .split("\n")
    .map((line) => /^ {2}(?:-\w, )?(--[a-z-]+)/.exec(line)?.[1])
    .filter((name): name is string => name !== undefined && name !== "--help");
  return { commands, options };
}

/** The synopsis of docs/cli.md (its first code block): command -> the text of its entry. */
function synopsis(): Map<string, string> {
  const block = /```\n([\s\S]*?)```/.exec(doc)?.[1] ?? "";
  const entries = new Map<string, string>();
  let current = "";
  for (const line of block.split("\n")) {
    const command = /^cto-copilot ((?:[a-z-]+ ?)+?)(?= +[-"[]|$)/.exec(line)?.[1]?.trim();
    if (command) entries.set((current = command), line);
    else if (current && /^\s/.test(line)) entries.set(current, `${entries.get(current)}\n${line}`);
  }
  return entries;
}

describe("docs/cli.md against the CLI's own help", () => {
  it("has a synopsis entry with every option, and a section, for every command", async () => {
    const entries = synopsis();
    const missing: string[] = [];
    const leaves: string[][] = [];
    for (const command of (await help([])).commands) {
      const { commands } = await help([command]);
      if (commands.length === 0) leaves.push([command]);
      else for (const sub of commands) leaves.push([command, sub]);
    }
    expect(leaves.length).toBeGreaterThan(8);
    for (const leaf of leaves) {
      const name = leaf.join(" ");
      const entry = entries.get(name);
      if (entry === undefined) missing.push(`no synopsis of ${name}`);
      if (!new RegExp(`^#+ .*\`cto-copilot ${name}\``, "m").test(doc)) missing.push(`no section for ${name}`);
      for (const option of (await help(leaf)).options)
        if (!entry?.includes(option)) missing.push(`${name} ${option} not in the synopsis`);
    }
    expect(missing).toEqual([]);
  });
});
