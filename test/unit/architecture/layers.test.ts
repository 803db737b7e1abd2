import { describe, expect, it } from "@jest/globals";
import { readdirSync } from "node:fs";
import { ESLint } from "eslint";
import { layers } from "../../../eslint.config.js";

const root = new URL("../../../", import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });

/** The restricted-import errors ESLint reports for a file with this text at this path. */
async function violations(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: `${root}${path}` });
  return result!.messages
    .filter((message) => message.ruleId === "no-restricted-imports")
    .map((message) => message.message);
}

describe("the architecture guard (eslint.config.js)", () => {
  it("places every directory of src/ in a layer, so none escapes the guard", () => {
    const directories = readdirSync(`${root}src`, { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect(directories.filter((name) => !layers.flat().includes(name))).toEqual([]);
  });

  it.each([
    [
      "src/use-cases/x.ts",
      'import { githubGateway } from "../github/gateway.js";',
      "a use case reaching the GitHub implementation",
    ],
    [
      "src/use-cases/x.ts",
      'import { localRepositoryView } from "../local/repository-view.js";',
      "a use case reaching the local implementation",
    ],
    ["src/use-cases/x.ts", 'import type { Context } from "probot";', "a use case using Probot"],
    [
      "src/markdown/x.ts",
      'import { validateDataFiles } from "../validate/validate-files.js";',
      "a low layer importing a higher one",
    ],
    ["src/adr/x.ts", 'import { loadConfig } from "../use-cases/load-config.js";', "the core importing a use case"],
    ["src/github/x.ts", 'import { reviewAdr } from "../use-cases/review-adr.js";', "an adapter calling a use case"],
    ["src/github/x.ts", 'import { git } from "../local/git.js";', "one adapter importing the other"],
    [
      "src/cli/commands/x.ts",
      'import { onPullRequest } from "../../app/on-pull-request.js";',
      "one door importing another",
    ],
    ["src/ports/x.ts", 'import * as core from "@actions/core";', "a port using the Action toolkit"],
    ["src/app/x.ts", 'import { Command } from "commander";', "the App using the CLI's framework"],
  ])("refuses %s: %s (%s)", async (path, code) => {
    expect(await violations(path, code)).toHaveLength(1);
  });

  it.each([
    ["src/use-cases/x.ts", 'import type { RepositoryView } from "../ports/repository-view.js";'],
    ["src/github/x.ts", 'import type { RepositoryView } from "../ports/repository-view.js";'],
    [
      "src/cli/x.ts",
      'import { localRepositoryView } from "../local/repository-view.js";\nimport { computeScorecard } from "../use-cases/compute-scorecard.js";\nimport { Command } from "commander";',
    ],
    ["src/app/x.ts", 'import { githubGateway } from "../github/gateway.js";\nimport type { Context } from "probot";'],
    ["src/validate/x.ts", 'import { parseAdr } from "../adr/parse-adr.js";'],
  ])("allows %s: %s", async (path, code) => {
    expect(await violations(path, code)).toEqual([]);
  });
});
