import { describe, expect, it } from "@jest/globals";
import { detectInfraChanges, type FileChange } from "../../../src/adr/detect-infra-changes.js";
import { dependencyChanges, majorOf } from "../../../src/adr/dependency-changes.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { parseConfig } from "../../../src/config/parse-config.js";

const config = defaultConfig().adr;
const change = (path: string, extra: Partial<FileChange> = {}): FileChange => ({
  path,
  status: "modified",
  additions: 3,
  deletions: 1,
  ...extra,
});
const categoryOf = (path: string, extra: Partial<FileChange> = {}) =>
  detectInfraChanges([change(path, extra)], config)[0]?.category ?? null;

describe("infrastructure-change detection", () => {
  it.each([
    ["infra/main.tf", "infrastructure-as-code"],
    ["terraform/envs/prod/terraform.tfvars", "infrastructure-as-code"],
    ["live/prod/terragrunt.hcl", "infrastructure-as-code"],
    ["Pulumi.yaml", "infrastructure-as-code"],
    ["Pulumi.production.yaml", "infrastructure-as-code"],
    ["cdk.json", "infrastructure-as-code"],
    ["stacks/network.template.yaml", "infrastructure-as-code"],
    ["serverless.yml", "infrastructure-as-code"],
    ["Dockerfile", "containers"],
    ["services/api/Dockerfile.prod", "containers"],
    ["docker-compose.yml", "containers"],
    ["compose.override.yaml", "containers"],
    ["charts/api/Chart.yaml", "orchestration"],
    ["charts/api/templates/deployment.yaml", "orchestration"],
    ["deploy/overlays/prod/kustomization.yaml", "orchestration"],
    ["k8s/base/ingress.yml", "orchestration"],
    [".github/workflows/deploy.yml", "ci-cd"],
    [".gitlab-ci.yml", "ci-cd"],
    [".circleci/config.yml", "ci-cd"],
    ["Jenkinsfile", "ci-cd"],
    ["db/migrations/20251103_add_orders.sql", "database"],
    ["prisma/schema.prisma", "database"],
    ["db/schema.rb", "database"],
    ["alembic/versions/3f2a_add_index.py", "database"],
    ["src/index.ts", null],
    ["README.md", null],
    ["docs/terraform-guide.md", null],
    ["package.json", null],
  ])("%s -> %s", (path, category) => {
    expect(categoryOf(path)).toBe(category);
  });

  it("says why, naming Terraform resources and base images from the diff", () => {
    const terraform = detectInfraChanges(
      [
        change("infra/db.tf", {
          patch: '@@ -1 +1,4 @@\n+resource "aws_db_instance" "main" {\n+  engine = "postgres"\n+}',
        }),
      ],
      config,
    )[0];
    expect(terraform).toMatchObject({
      reason: "Terraform/OpenTofu: changed aws_db_instance",
      technologies: expect.arrayContaining(["aws_db_instance"]),
    });
    const docker = detectInfraChanges(
      [change("Dockerfile", { patch: "@@ -1 +1 @@\n-FROM node:20-alpine\n+FROM node:22-alpine" })],
      config,
    )[0];
    expect(docker!.reason).toBe("base image node:20-alpine -> node:22-alpine");
  });

  it("recognises a Kubernetes manifest anywhere by its content", () => {
    const manifest = change("ops/api.yaml", {
      status: "added",
      patch: "@@ -0,0 +1,3 @@\n+apiVersion: apps/v1\n+kind: Deployment\n+metadata: {}",
    });
    expect(detectInfraChanges([manifest], config)[0]).toMatchObject({
      category: "orchestration",
      reason: "Kubernetes: Deployment added",
    });
    expect(detectInfraChanges([change("config/app.yaml", { patch: "@@ -1 +1 @@\n+port: 8080" })], config)).toEqual([]);
  });

  it("counts a dependency manifest only when a runtime dependency is added or changes major version", () => {
    const before = JSON.stringify({
      dependencies: { express: "^4.19.0", zod: "^3.23.0" },
      devDependencies: { jest: "^29.0.0" },
    });
    const bump = JSON.stringify({
      dependencies: { express: "^5.0.0", zod: "^3.24.0" },
      devDependencies: { jest: "^30.0.0" },
    });
    const add = JSON.stringify({ dependencies: { express: "^4.19.0", zod: "^3.23.0", ioredis: "^5.4.0" } });
    expect(detectInfraChanges([change("package.json", { before, after: bump })], config)[0]!.reason).toBe(
      "moves express from ^4.19.0 to ^5.0.0",
    );
    expect(detectInfraChanges([change("package.json", { before, after: add })], config)[0]!.reason).toBe(
      "adds ioredis ^5.4.0",
    );
    const minorOnly = JSON.stringify({
      dependencies: { express: "^4.21.0", zod: "^3.24.0" },
      devDependencies: { jest: "^30.0.0" },
    });
    expect(detectInfraChanges([change("package.json", { before, after: minorOnly })], config)).toEqual([]);
  });

  it.each([
    [
      "go.mod",
      "module x\n\nrequire (\n\tgithub.com/lib/pq v1.10.0\n)\n",
      "module x\n\nrequire (\n\tgithub.com/lib/pq v1.10.9\n\tgithub.com/redis/go-redis/v9 v9.5.1\n\tgolang.org/x/text v0.14.0 // indirect\n)\n",
      ["github.com/redis/go-redis/v9"],
    ],
    [
      "requirements.txt",
      "django==4.2.7\nrequests>=2.31\n",
      "django==5.0.1\nrequests>=2.32\ncelery[redis]==5.3.6\n",
      ["django", "celery"],
    ],
    [
      "pyproject.toml",
      '[project]\ndependencies = ["fastapi>=0.110"]\n',
      '[project]\ndependencies = ["fastapi>=0.115", "sqlalchemy>=2.0"]\n',
      ["fastapi", "sqlalchemy"],
    ],
    [
      "Cargo.toml",
      '[dependencies]\ntokio = "1.36"\n',
      '[dependencies]\ntokio = { version = "1.38", features = ["full"] }\naxum = "0.7"\n',
      ["axum"],
    ],
    [
      "pom.xml",
      "<dependencies></dependencies>",
      "<dependencies><dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.3</version></dependency><dependency><groupId>junit</groupId><artifactId>junit</artifactId><version>4.13</version><scope>test</scope></dependency></dependencies>",
      ["org.postgresql:postgresql"],
    ],
    [
      "build.gradle",
      "dependencies {\n  implementation 'com.google.guava:guava:32.0.0-jre'\n}",
      "dependencies {\n  implementation 'com.google.guava:guava:33.0.0-jre'\n  implementation \"io.lettuce:lettuce-core:6.3.2.RELEASE\"\n}",
      ["com.google.guava:guava", "io.lettuce:lettuce-core"],
    ],
  ])("reads %s", (path, before, after, names) => {
    expect(dependencyChanges(path, before, after).map((dependency) => dependency.name)).toEqual(names);
  });

  it("treats 0.x minor versions as majors and ignores unparseable manifests", () => {
    expect(majorOf("^0.7.2")).toBe("0.7");
    expect(majorOf("~4.1")).toBe("4");
    expect(dependencyChanges("package.json", "{", "{ not json")).toEqual([]);
  });

  it("honours ignore globs, per-category add/remove and the minimum of changed lines", () => {
    const custom = parseConfig(
      "adr:\n  ignore: ['sandbox/**']\n  minChangedLines: 5\n  categories:\n    containers:\n      remove: ['**/Dockerfile']\n    ci-cd:\n      add: ['deploy.sh']\n",
    ).config.adr;
    const files = [
      change("sandbox/main.tf", { additions: 50 }),
      change("Dockerfile", { additions: 50 }),
      change("deploy.sh", { additions: 10 }),
      change("infra/small.tf", { additions: 2, deletions: 1 }),
    ];
    expect(detectInfraChanges(files, custom).map((found) => `${found.file}:${found.category}`)).toEqual([
      "deploy.sh:ci-cd",
    ]);
  });

  it("refuses globs that could make matching slow, with the config line", () => {
    const parsed = parseConfig("adr:\n  ignore:\n    - '**/**/**/x'\n    - '*a*a*a*a*b'\n");
    expect(parsed.valid).toBe(false);
    expect(parsed.findings.map((finding) => finding.message)).toEqual([
      '`adr.ignore[0]` must use "**" at most 2 times, found "**/**/**/x"',
      '`adr.ignore[1]` must use "*" at most 3 times per path segment, found "*a*a*a*a*b"',
    ]);
  });

  it("matches the worst allowed globs against hostile paths without hanging", () => {
    const worst = parseConfig(
      "adr:\n  ignore: ['**/*a*a*a/**/*a*a*b']\n  categories:\n    ci-cd:\n      add: ['**/*a*a*a/**/*a*a*c']\n",
    ).config.adr;
    const hostile = Array.from({ length: 40 }, () => change(`${"a".repeat(250)}/`.repeat(4) + "a".repeat(200)));
    expect(detectInfraChanges(hostile, worst)).toEqual([]);
  });
});
