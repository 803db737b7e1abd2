import { describe, expect, it } from "@jest/globals";
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { buildDemoRepository } from "../../src/cli/demo.js";
import { runCli } from "../support/cli.js";

const exec = promisify(execFile);
const projectRoot = new URL("../../", import.meta.url).pathname;

/** README's quick start, as written: the first line of its first shell block. */
function firstCommand(): string {
  const readme = readFileSync(`${projectRoot}README.md`, "utf8");
  const block = /## Quick start[\s\S]*?```sh\n([^\n]+)/.exec(readme)?.[1];
  if (!block) throw new Error("README has no quick start block");
  return block.replace(/\s+#.*$/, "").trim();
}

describe("README's first command", () => {
  it("shows a full, explained scorecard with believable figures, and where to go next", async () => {
    const command = firstCommand();
    expect(command).toBe("npm ci && npm run demo");
    // `npm ci` has run (this suite runs after it); the rest is run verbatim, as a user's shell would.
    const { stdout } = await exec("sh", ["-c", command.replace(/^npm ci && /, "")], {
      cwd: projectRoot,
      env: { ...process.env, NO_COLOR: "1" },
    });
    expect(stdout).toContain("Engineering scorecard, 2025-11-01T00:00:00Z (foundation stage)");
    // Security is not measured offline: open Dependabot alerts need GitHub.
    expect(stdout).toContain("1 yellow, 4 green, 1 not measured: change failure rate is the weakest.");
    expect(stdout).toMatch(/deployment frequency +1\.4\/week +18 +high +green/);
    expect(stdout).toMatch(/change failure rate +11\.1% +18 +medium +yellow/);
    expect(stdout).toMatch(/v2\.33\.1 .* failed +v2\.33\.2 remediated it \(its changes include a revert/);
    expect(stdout).toMatch(/v2\.36\.1 .* remediation +its changes include a hotfix/);
    expect(stdout).toMatch(/v1\.4\.7 .* 1 change +line v1\.4\.6/);
    expect(stdout).toContain("mix release lines");
    // Every metric in plain words, the why lines too.
    expect(stdout).toContain("  time to restore: median of 1 incident");
    expect(stdout).not.toMatch(/^\s+(mttr|deploymentFrequency|leadTime|changeFailureRate|techDebt):/m);
    expect(stdout).toContain("On your own repository: `cto-copilot scorecard --explain`");
    expect(stdout).toContain("docs/install.md");
  });

  it("runs on a demo repository whose data files are themselves valid", async () => {
    const root = await buildDemoRepository();
    expect(await runCli(["validate", "--root", root])).toMatchObject({
      code: 0,
      stdout: "no errors, 0 warnings in 6 files checked.\n",
    });
  });
});
