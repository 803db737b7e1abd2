import { describe, expect, it } from "@jest/globals";
import { run } from "../../src/cli/main.js";
import type { CliIo } from "../../src/cli/io.js";

/** The CLI with stderr on a terminal or not, the progress line due at once (in life after 3 s of silence). */
async function runAt(argv: string[], stderrIsTTY: boolean) {
  let stdout = "";
  let stderr = "";
  const io: CliIo = {
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    cwd: process.cwd(),
    env: {},
    isTTY: false,
    stderrIsTTY,
    progressAfterMs: 0,
    now: () => new Date("2025-11-03T09:30:00Z"),
  };
  const code = await run(argv, io);
  return { code, stdout, stderr };
}

describe("the progress line of a long command", () => {
  it("on a terminal, says the command is still working, on stderr, and erases itself at the end", async () => {
    const result = await runAt(["scorecard", "--demo"], true);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^cto-copilot scorecard: still working, \d+ s/);
    expect(result.stderr.endsWith("\r\x1b[2K")).toBe(true);
    // The output itself is untouched: no control characters in it.
    expect(result.stdout).toContain("Engineering scorecard, 2025-11-01T00:00:00Z");
    expect(result.stdout).not.toContain("\x1b");
  });

  it("never when stderr is a pipe or a CI log", async () => {
    const result = await runAt(["scorecard", "--demo"], false);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
  });
});
