import { describe, expect, it } from "@jest/globals";
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "esbuild";
import { cliBundleOptions } from "../../scripts/bundle-cli.js";
import { initGitRepository, tempRepo } from "../support/cli.js";

/**
 * The single-file CLI, as README tells a Python, Go or Terraform team to run it: one file and
 * Node.js, no package.json and no node_modules in their repository, before and after.
 */
describe("the single-file CLI (npm run bundle:cli)", () => {
  it("runs init --discover and validate in a Go repository without adding a package.json or node_modules", async () => {
    const tools = tempRepo();
    const cli = join(tools, "cto-copilot.mjs");
    await build({ ...cliBundleOptions, outfile: cli });

    const root = tempRepo();
    const git = initGitRepository(root);
    writeFileSync(
      join(root, "go.mod"),
      "module example.com/api\n\ngo 1.22\n\nrequire github.com/go-chi/chi/v5 v5.0.12\n",
    );
    mkdirSync(join(root, "cmd"));
    writeFileSync(join(root, "cmd/main.go"), "package main\n\nfunc main() {}\n");
    git("add", "-A");
    git("commit", "-q", "-m", "an api");

    const node = (...args: string[]) => execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8" });
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8")) as {
      version: string;
    };
    expect(node("--version").trim()).toBe(version);
    expect(node("init", "--discover")).toContain("tech_stack.json");
    const stack = JSON.parse(readFileSync(join(root, "data/engineering/tech_stack.json"), "utf8")) as any;
    expect(stack.stack.backend.language).toContain("Go");
    expect(node("validate")).toBeDefined();
    expect(existsSync(join(root, "package.json"))).toBe(false);
    expect(existsSync(join(root, "node_modules"))).toBe(false);
  });
});
