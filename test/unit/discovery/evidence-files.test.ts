import { describe, expect, it } from "@jest/globals";
import { discoverStack, evidenceFilesOf } from "../../../src/discovery/discover.js";
import { maxEvidenceFiles } from "../../../src/discovery/evidence-files.js";
import { filesByDirectory } from "../../../src/discovery/files-by-directory.js";
import { kindOf } from "../../../src/discovery/repository-files.js";
import { bigListing, bigListingContents } from "./fixtures/big-listing.js";

/** The files `evidenceFilesOf` chooses among these paths. */
const chosenAmong = (paths: readonly string[]) => evidenceFilesOf(filesByDirectory(paths));

describe("evidenceFilesOf", () => {
  const paths = bigListing();

  // How long these two take on 100,000 paths is measured by `npm run bench` (discovery bounds).
  it("is bounded on 100,000 paths", () => {
    expect(paths.length).toBe(100_000);
    expect(chosenAmong(paths).length).toBe(maxEvidenceFiles);
  });

  it("discovers the stack of the whole listing too", () => {
    const files = filesByDirectory(paths);
    const contents = bigListingContents(evidenceFilesOf(files));
    const discovery = discoverStack({ files, contents, now: new Date("2026-03-02T00:00:00Z") });
    // The test fixtures' Terraform and package.json files do not count; the node_modules ones neither.
    expect(discovery.techStack.stack.backend).toMatchObject({ language: "TypeScript (Node.js)", framework: "Fastify" });
    expect(discovery.techStack.stack.infrastructure?.cloudProvider).toBe("");
  });

  it("skips vendored, generated and test trees, and never reads lockfiles or .env", () => {
    const files = chosenAmong(paths);
    expect(files.filter((path) => /(^|\/)(node_modules|test|fixtures|dist)\//.test(path))).toEqual([]);
    for (const never of ["package-lock.json", "pnpm-lock.yaml", ".env"]) expect(files).not.toContain(never);
  });

  it("reads the root files first, then the closest to the root, each kind within its cap", () => {
    const files = chosenAmong(paths);
    expect(files.slice(0, 5)).toEqual([
      ".env.example",
      ".mailmap",
      "package.json",
      ".github/CODEOWNERS",
      ".github/workflows/ci.yml",
    ]);
    // Six files nearer the root, then depth 2 in path order: 119 more package.json (their cap), then the services'
    // manifests until the bound; the Terraform stacks at depth 3 do not get a turn.
    expect(files.filter((path) => path.endsWith("package.json"))).toHaveLength(120);
    expect(files.filter((path) => path.startsWith("services/"))).toHaveLength(300 - 6 - 119);
    expect(files.filter((path) => path.endsWith("/go.mod"))).toHaveLength(58);
    expect(files.filter((path) => path.endsWith(".tf"))).toHaveLength(0);
    expect(files).toContain("packages/pkg-0/package.json");
  });

  it("does not depend on the order of the listing", () => {
    const shuffled = [...paths].reverse();
    expect(chosenAmong(shuffled)).toEqual(chosenAmong(paths));
  });

  it("chooses manifests, configs, CI files, IaC and team files; presence-only files and source code are not read", () => {
    expect(chosenAmong(Array.from({ length: 150 }, (_, i) => `infra/stack-${i}/main.tf`))).toHaveLength(100);
    const files = chosenAmong([
      "src/index.ts",
      "Dockerfile",
      "fly.toml",
      "vercel.json",
      "docker-compose.yml",
      "compose.override.yaml",
      "k8s/deployment.yaml",
      "charts/api/templates/deployment.yaml",
      "charts/api/values.yaml",
      "charts/api/Chart.yaml",
      "prisma/schema.prisma",
      "config/database.yml",
      "requirements/production.txt",
      "src/App/App.csproj",
      "infra/main.bicep",
      "Jenkinsfile",
      ".circleci/config.yml",
      "docs/CODEOWNERS",
      "docs/guide/package.json",
      "vendor/github.com/x/go.mod",
    ]);
    expect(files.sort()).toEqual(
      [
        "Jenkinsfile",
        "docker-compose.yml",
        "compose.override.yaml",
        ".circleci/config.yml",
        "config/database.yml",
        "docs/CODEOWNERS",
        "infra/main.bicep",
        "k8s/deployment.yaml",
        "prisma/schema.prisma",
        "requirements/production.txt",
        "charts/api/Chart.yaml",
        "src/App/App.csproj",
      ].sort(),
    );
  });

  it.each([
    ["apps/api/package.json", "npm"],
    ["services/billing/go.mod", "go-mod"],
    ["src/Shop.Tests/Shop.Tests.csproj", undefined],
    ["tests/integration/pyproject.toml", undefined],
    ["examples/demo/Cargo.toml", undefined],
    ["third_party/lib/pom.xml", undefined],
    [".terraform/modules/vpc/main.tf", undefined],
    ["deps/phoenix/mix.exs", undefined],
    ["infra/modules/db/main.tf", "terraform"],
    [".github/workflows/release.yaml", "github-workflow"],
    [".vercel/project.json", "vercel"],
    ["apps/web/sentry.client.config.ts", "sentry-config"],
    ["src/app.test.ts", undefined],
    ["pkg/server/server_test.go", undefined],
    ["pkg/server/server.go", "source.go"],
  ])("%s is %s", (path, kind) => {
    expect(kindOf(path)).toBe(kind);
  });
});

describe("a monorepo larger than the evidence bound", () => {
  it("weighs the packages left unread for a language a read package runs on the server, so the order follows the code", () => {
    const paths: string[] = [];
    const contents = new Map<string, string>();
    // 300 TypeScript packages (one in four an Express API) and 40 Go services: TypeScript is most of the code.
    for (let i = 0; i < 300; i++) {
      paths.push(`packages/pkg-${String(i).padStart(3, "0")}/package.json`);
      for (let j = 0; j < 50; j++) paths.push(`packages/pkg-${String(i).padStart(3, "0")}/src/m${j}.ts`);
    }
    for (let i = 0; i < 40; i++)
      paths.push(`services/svc-${i}/go.mod`, ...Array.from({ length: 50 }, (_, j) => `services/svc-${i}/f${j}.go`));
    paths.push("tsconfig.json");
    const chosen = chosenAmong(paths);
    for (const path of chosen) {
      const pkg = /pkg-(\d+)/.exec(path);
      contents.set(
        path,
        path.endsWith("go.mod")
          ? "module example.com/svc\n\ngo 1.23\n\nrequire github.com/gin-gonic/gin v1.10.0\n"
          : JSON.stringify({ dependencies: Number(pkg?.[1]) % 4 === 0 ? { express: "4.21.0" } : { react: "18.3.1" } }),
      );
    }
    expect(chosen.filter((path) => path.endsWith("package.json")).length).toBeLessThan(300);
    const { techStack } = discoverStack({
      files: filesByDirectory(paths),
      contents,
      now: new Date("2025-11-03T00:00:00Z"),
    });
    expect(techStack.stack.backend?.language).toBe("TypeScript (Node.js), Go");
  });

  it("never makes a frontend-only monorepo's unread packages a backend language", () => {
    const paths: string[] = [];
    for (let i = 0; i < 300; i++)
      paths.push(
        `apps/app-${String(i).padStart(3, "0")}/package.json`,
        `apps/app-${String(i).padStart(3, "0")}/src/App.tsx`,
      );
    const contents = new Map(
      chosenAmong(paths).map((path) => [path, JSON.stringify({ dependencies: { react: "18.3.1" } })]),
    );
    const { techStack } = discoverStack({
      files: filesByDirectory(paths),
      contents,
      now: new Date("2025-11-03T00:00:00Z"),
    });
    expect(techStack.stack.backend?.language).toBe("");
    expect(techStack.stack.frontend?.framework).toBe("React");
  });
});
