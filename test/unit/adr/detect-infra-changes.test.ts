import { describe, expect, it } from "@jest/globals";
import {
  categoryOf as categoryFor,
  detectInfraChanges,
  type FileChange,
} from "../../../src/adr/detect-infra-changes.js";
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
const categoryOf = (path: string) => categoryFor(change(path), config) ?? null;

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
    ["package.json", "dependencies"],
    ["services/api/go.mod", "dependencies"],
  ])("%s -> %s", (path, category) => {
    expect(categoryOf(path)).toBe(category);
  });

  it("recognises a Kubernetes manifest anywhere by its content", () => {
    const manifest = change("ops/api.yaml", {
      status: "added",
      after: "apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata:\n  name: api\nspec: {}\n",
    });
    expect(detectInfraChanges([manifest], config)[0]).toMatchObject({
      category: "orchestration",
      decision: true,
      reason: "adds Ingress/api",
    });
    expect(detectInfraChanges([change("config/app.yaml", { after: "port: 8080\n" })], config)).toEqual([]);
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
