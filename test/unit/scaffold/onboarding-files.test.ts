import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { resolveConfig } from "../../../src/config/resolve-config.js";
import { renderFirstSyncMarkdown } from "../../../src/discovery/first-sync.js";
import { discoverStack } from "../../../src/discovery/discover.js";
import { defaultConfigFile } from "../../../src/scaffold/default-config.js";
import { filesByDirectory } from "../../../src/discovery/files-by-directory.js";
import { scorecardWorkflow } from "../../../src/scaffold/scorecard-workflow.js";
import { defaultConfig } from "../../../src/schemas/config.js";

const root = new URL("../../../", import.meta.url).pathname;

describe("the files of the onboarding pull request", () => {
  it("the config file is valid and changes nothing until a line is uncommented", () => {
    const resolved = resolveConfig({ repository: defaultConfigFile({ dataDir: "data/engineering" }) });
    expect(resolved.valid).toBe(true);
    expect(resolved.config).toEqual(defaultConfig());
    // Each commented default is a valid setting once uncommented.
    const uncommented = defaultConfigFile({ dataDir: "data/engineering" })
      .split("\n")
      .filter((line) => /^# ?[a-z_]+:|^# {3}/.test(line) && !line.startsWith("# All") && !line.startsWith("# Start"))
      .map((line) => line.replace(/^# ?/, "").replace(/\s+#.*$/, ""))
      .join("\n");
    const loaded = resolveConfig({ repository: uncommented });
    expect(loaded.repositoryFindings).toEqual([]);
    expect(loaded.config.onboarding).toBe(false);
  });

  it("the scorecard workflow is examples/workflows/scorecard.yml, word for word", () => {
    expect(scorecardWorkflow).toBe(readFileSync(`${root}examples/workflows/scorecard.yml`, "utf8"));
  });

  it("the first CTO sync makes the repository's text inert: no mention, link, HTML or table break", () => {
    const contents = new Map([
      [
        "package.json",
        JSON.stringify({
          dependencies: { express: "4.21.0", "@everyone/pkg|x": "1.0.0", "<img src=x onerror=alert(1)>": "1" },
        }),
      ],
      [".github/CODEOWNERS", "* @acme/platform @alice\n"],
    ]);
    const discovery = discoverStack({
      files: filesByDirectory(["package.json", "server.js", ".github/CODEOWNERS"]),
      contents,
      history: { windowDays: 90, commits: [{ name: "Alice", email: "alice@acme.dev" }] },
      now: new Date("2025-11-03T00:00:00Z"),
    });
    const body = renderFirstSyncMarkdown(
      discovery,
      { files: 3, evidenceFiles: 2, commits: 1, windowDays: 90, notes: ["see https://evil.example"] },
      { dataDir: "data/engineering" },
    );
    expect(body).toContain("| Code owners |");
    expect(body).not.toMatch(/@(acme|alice|everyone)/);
    expect(body).not.toContain("<img");
    expect(body).not.toContain("https://evil");
    for (const row of body.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("|---")))
      expect(row.split(/(?<!\\)\|/).length).toBe(5);
  });
});

describe("the config file under an organisation default", () => {
  it("extends it, so merging the pull request keeps the organisation's settings", () => {
    const organization = "dataDir: docs/eng\ndebt:\n  issues: true\n";
    const repository = defaultConfigFile({ dataDir: "docs/eng", extendsOrganization: true });
    const resolved = resolveConfig({ repository, organization });
    expect(resolved.valid).toBe(true);
    expect(resolved.config.dataDir).toBe("docs/eng");
    expect(resolved.config.debt.issues).toBe(true);
  });
});
