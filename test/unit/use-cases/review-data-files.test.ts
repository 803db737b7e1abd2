import { describe, expect, it } from "@jest/globals";
import type { CheckRunPlan } from "../../../src/report/check-run.js";
import { silentLogger } from "../../../src/ports/logger.js";
import type { ChangedFile } from "../../../src/ports/repository-view.js";
import { reviewDataFiles, type DataReviewContext } from "../../../src/use-cases/review-data-files.js";
import { templateText } from "../../support/data-files.js";

/** In-memory ports with only what the data review uses: files at the head, the PR's changed paths, the check runs written. */
function fakePorts(options: {
  files: Record<string, string>;
  changed: string[];
  config?: string;
  orgConfig?: string;
  forbidden?: boolean;
}) {
  const created: CheckRunPlan[] = [];
  const view: DataReviewContext["view"] = {
    listChangedFiles: async () =>
      options.changed.map((path): ChangedFile => ({
        path,
        status: options.files[path] === undefined ? "removed" : "modified",
        additions: 1,
        deletions: 0,
      })),
    readContents: async (_ref, wanted) => ({
      files: new Map(
        (wanted.files ?? [])
          .filter((path) => options.files[path] !== undefined)
          .map((path) => [path, { path, byteSize: options.files[path]!.length, text: options.files[path]! }]),
      ),
      directories: new Map(
        (wanted.directories ?? []).map((dir) => [
          dir,
          Object.keys(options.files)
            .filter((path) => path.startsWith(`${dir}/`))
            .map((path) => path.slice(dir.length + 1)),
        ]),
      ),
    }),
    readConfigSources: async () => ({
      ...(options.config !== undefined ? { repository: options.config } : {}),
      ...(options.orgConfig !== undefined ? { organization: options.orgConfig } : {}),
    }),
  };
  const publish: DataReviewContext["publish"] = {
    findCheckRun: async (_sha, name) => {
      const last = created.filter((plan) => plan.name === name).at(-1);
      return last
        ? {
            id: created.length,
            status: "completed",
            conclusion: last.conclusion,
            title: last.title,
            summary: last.summary,
          }
        : undefined;
    },
    createCheckRun: async (plan) => {
      if (options.forbidden) throw Object.assign(new Error("Resource not accessible by integration"), { status: 403 });
      created.push(plan);
      return created.length;
    },
  };
  return { ports: { view, publish }, created };
}

const context = (ports: Pick<DataReviewContext, "view" | "publish">): DataReviewContext => ({
  ...ports,
  log: silentLogger,
});
const pr = { number: 7, headSha: "a".repeat(40), baseSha: "b".repeat(40) };

describe("reviewDataFiles", () => {
  it("an invalid config fails the check with an annotation on the config line, even when no data file changed", async () => {
    const { ports, created } = fakePorts({ files: {}, changed: ["src/a.ts"], config: "dora:\n  source: jira\n" });
    const outcome = await reviewDataFiles(context(ports), pr);
    expect(outcome.status).toBe("posted");
    expect(created[0]).toMatchObject({ conclusion: "failure" });
    expect(created[0]!.annotations).toEqual([
      expect.objectContaining({ path: ".github/cto-copilot.yml", start_line: 2, annotation_level: "failure" }),
    ]);
  });

  it("follows the organisation default dataDir when the repository has no config", async () => {
    const { ports, created } = fakePorts({
      files: { "docs/eng/team.json": "{" },
      changed: ["docs/eng/team.json"],
      orgConfig: "dataDir: docs/eng\n",
    });
    await reviewDataFiles(context(ports), pr);
    expect(created[0]!.annotations).toEqual([
      expect.objectContaining({ path: "docs/eng/team.json", title: "json-syntax" }),
    ]);
  });

  it("an error in the organisation's config is shown in the summary and fails the check", async () => {
    const { ports, created } = fakePorts({
      files: { "data/engineering/team.json": templateText("team.json") },
      changed: ["data/engineering/team.json"],
      orgConfig: "dora: [\n",
    });
    await reviewDataFiles(context(ports), pr);
    expect(created[0]!.conclusion).toBe("failure");
    expect(created[0]!.summary).toContain(
      "The organisation's .github/cto-copilot.yml (in the .github repository) has an error",
    );
  });

  it("checks a superseded ADR's target against the ADR directory at the head commit", async () => {
    const files = {
      "data/engineering/adrs/adr_2025-01-15_use-mysql.md": templateText("adrs/adr_2025-01-15_use-mysql.md"),
    };
    const missing = fakePorts({ files, changed: Object.keys(files) });
    await reviewDataFiles(context(missing.ports), pr);
    expect(missing.created[0]!.annotations.map((annotation) => annotation.title)).toEqual(["adr-superseded-target"]);
    const present = fakePorts({
      files: {
        ...files,
        "data/engineering/adrs/adr_2025-06-01_use-postgresql.md": templateText("adrs/adr_2025-06-01_use-postgresql.md"),
      },
      changed: Object.keys(files),
    });
    await reviewDataFiles(context(present.ports), pr);
    expect(present.created[0]!.conclusion).toBe("success");
  });

  it("removed data files are not validated; ignored globs are skipped", async () => {
    const { ports, created } = fakePorts({
      files: { "data/engineering/team.json": "{" },
      changed: ["data/engineering/tech_debt.json", "data/engineering/team.json"],
      config: "validation:\n  ignore: [team.json]\n",
    });
    expect(await reviewDataFiles(context(ports), pr)).toMatchObject({ status: "skipped" });
    expect(created).toEqual([]);
  });

  it("a second identical run writes nothing; a read-only token returns the plan", async () => {
    const files = { "data/engineering/team.json": templateText("team.json") };
    const { ports, created } = fakePorts({ files, changed: Object.keys(files) });
    expect((await reviewDataFiles(context(ports), pr)).status).toBe("posted");
    expect((await reviewDataFiles(context(ports), pr)).status).toBe("unchanged");
    expect(created).toHaveLength(1);
    const readOnly = fakePorts({ files, changed: Object.keys(files), forbidden: true });
    expect(await reviewDataFiles(context(readOnly.ports), pr)).toMatchObject({
      status: "read-only",
      plan: { conclusion: "success" },
    });
  });

  it("a pull request changing data/product/roadmap.json gets its findings; one changing CLAUDE.md, warnings only", async () => {
    const roadmap = JSON.stringify(
      { version: "1.0", items: [{ title: "EU region", targetDate: "Q1", status: "planned" }] },
      null,
      2,
    );
    const broken = fakePorts({
      files: { "data/product/roadmap.json": roadmap },
      changed: ["data/product/roadmap.json"],
    });
    expect(await reviewDataFiles(context(broken.ports), pr)).toMatchObject({ status: "posted" });
    expect(broken.created[0]).toMatchObject({ conclusion: "failure" });
    expect(broken.created[0]!.annotations).toEqual([
      expect.objectContaining({ path: "data/product/roadmap.json", start_line: 6, annotation_level: "failure" }),
    ]);
    const context_ = fakePorts({ files: { "CLAUDE.md": "# Acme\u0000" }, changed: ["CLAUDE.md"] });
    await reviewDataFiles(context(context_.ports), pr);
    expect(context_.created[0]).toMatchObject({ conclusion: "success" });
    expect(context_.created[0]!.annotations).toEqual([
      expect.objectContaining({ path: "CLAUDE.md", annotation_level: "warning" }),
    ]);
  });
});
