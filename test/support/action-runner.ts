import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const bundle = new URL("../../dist/index.js", import.meta.url).pathname;

export interface ActionRun {
  exitCode: number;
  stdout: string;
  outputs: Record<string, string>;
  summary: string;
}

/** Parses the GITHUB_OUTPUT file format (`name<<delimiter` blocks). */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const pattern = /^([^<\n]+)<<(\S+)\n([\s\S]*?)\n\2$/gm;
  for (const match of text.matchAll(pattern)) outputs[match[1]!] = match[3]!;
  return outputs;
}

/**
 * Runs the committed bundle the way a GitHub-hosted runner runs a node action: the event in a
 * file, inputs as INPUT_* variables (with action.yml's defaults), outputs and summary in files.
 */
export async function runAction(options: {
  event: string;
  payload: unknown;
  repository: string;
  apiUrl: string;
  graphqlUrl: string;
  inputs?: Record<string, string>;
  /** More environment for the step (e.g. ANTHROPIC_API_KEY and ANTHROPIC_BASE_URL). */
  env?: Record<string, string>;
}): Promise<ActionRun> {
  const dir = mkdtempSync(join(tmpdir(), "cto-action-"));
  const eventPath = join(dir, "event.json");
  const outputPath = join(dir, "output");
  const summaryPath = join(dir, "summary.md");
  writeFileSync(eventPath, JSON.stringify(options.payload));
  writeFileSync(outputPath, "");
  writeFileSync(summaryPath, "");
  const inputs = {
    command: "auto",
    "github-token": "ghs_runner_token",
    "config-path": ".github/cto-copilot.yml",
    "dry-run": "false",
    now: "",
    ...options.inputs,
  };
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: "true",
    CI: "true",
    GITHUB_EVENT_NAME: options.event,
    GITHUB_EVENT_PATH: eventPath,
    GITHUB_REPOSITORY: options.repository,
    GITHUB_API_URL: options.apiUrl,
    GITHUB_GRAPHQL_URL: options.graphqlUrl,
    GITHUB_SERVER_URL: "https://github.com",
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: dir,
    RUNNER_TEMP: dir,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value])),
    ...options.env,
  };
  const { code, stdout } = await new Promise<{ code: number; stdout: string }>((resolve) => {
    execFile(process.execPath, [bundle], { env }, (error, out, err) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout: out + err }),
    );
  });
  return {
    exitCode: code,
    stdout,
    outputs: parseOutputs(readFileSync(outputPath, "utf8")),
    summary: readFileSync(summaryPath, "utf8"),
  };
}

/** What the runner shows of a step's output: every line but the ones telling it what to mask. */
export function printedByRunner(stdout: string): string {
  return stdout
    .split("\n")
    .filter((line) => !line.startsWith("::add-mask::"))
    .join("\n");
}
