import { promises as fs } from "node:fs";
import { UsageError, type CliIo } from "../io.js";
import { scorecardCommand, type ScorecardOptions } from "./scorecard.js";

/**
 * `--demo`: the scorecard of a small, realistic engineering repository built for the occasion
 * (a year of history, two release lines, a revert, a hotfix, a post-mortem, debt, costs, team),
 * explained, then where to go next. No credentials, no setup.
 */
export async function demoScorecardCommand(options: ScorecardOptions, io: CliIo): Promise<number> {
  if (options.root !== undefined || options.git !== undefined || options.write) {
    throw new UsageError("--demo builds its own repository: leave out --root, --git and --write");
  }
  // The demo's repository builder and sample data load only for --demo (one import after the
  // other: Jest's module linker fails on two at once that share a dependency).
  const { buildDemoRepository } = await import("../demo.js");
  const { demoNow } = await import("../../scaffold/demo-repository.js");
  const root = await buildDemoRepository();
  try {
    const code = await scorecardCommand(
      { ...options, demo: false, root, now: options.now ?? demoNow, explain: options.explain ?? true },
      io,
    );
    if (options.format === "text") {
      io.stdout.write(
        [
          "",
          `This was a demo: a sample repository built just now (${root}, removed again).`,
          "On your own repository: `cto-copilot scorecard --explain` in a clone with release tags (v1.2.3), and `cto-copilot init --discover` to start its data files; how to get the command into any repository, Python, Go or Terraform too: docs/install.md.",
          "",
        ].join("\n"),
      );
    }
    return code;
  } finally {
    await fs.rm(root, { recursive: true, force: true });
  }
}
