import { describe, expect, it } from "@jest/globals";
import { detectInfraChanges, type FileChange } from "../../../src/adr/detect-infra-changes.js";
import { defaultConfig } from "../../../src/schemas/config.js";
import { allowedMajors, majorsText } from "../../../src/adr/readers/terraform-weight.js";

const config = defaultConfig().adr;

/** What the detector says of one file's two versions: the reason of a decision, or "-" and why not. */
function judge(path: string, before: string | undefined, after: string | undefined, patch?: string): string {
  const file: FileChange = {
    path,
    status: before === undefined ? "added" : after === undefined ? "removed" : "modified",
    additions: 1,
    deletions: 1,
    ...(before !== undefined ? { before } : {}),
    ...(after !== undefined ? { after } : {}),
    ...(patch !== undefined ? { patch } : {}),
  };
  const seen = detectInfraChanges([file], config);
  const decision = seen.find((found) => found.decision);
  return decision ? decision.reason : `- ${seen[0]?.reason ?? "not infrastructure"}`;
}

const bucket = 'resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n\n  tags = { team = "platform" }\n}\n';

describe("what each reader calls a decision (the examples of the issue)", () => {
  it.each([
    // Terraform
    [
      "a .tf edit that only removes a blank line",
      "main.tf",
      bucket,
      bucket.replace("\n\n", "\n"),
      "- attributes, comments or layout only",
    ],
    [
      "a .tf edit that only changes a comment",
      "main.tf",
      `# logs\n${bucket}`,
      `# access logs, 90 days\n${bucket}`,
      "- attributes, comments or layout only",
    ],
    [
      "a resource added",
      "main.tf",
      bucket,
      `${bucket}resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n`,
      "adds aws_db_instance.main",
    ],
    [
      "a module's source changed",
      "main.tf",
      'module "vpc" {\n  source = "./modules/vpc"\n}\n',
      'module "vpc" {\n  source = "terraform-aws-modules/vpc/aws"\n  version = "5.1.0"\n}\n',
      "module.vpc now comes from terraform-aws-modules/vpc/aws (was ./modules/vpc)",
    ],
    [
      "the state backend moved",
      "backend.tf",
      'terraform {\n  backend "s3" {\n    bucket = "tf-state"\n  }\n}\n',
      'terraform {\n  backend "gcs" {\n    bucket = "tf-state"\n  }\n}\n',
      "state backend s3 -> gcs",
    ],
    // Helm
    [
      "a chart version bump",
      "charts/api/Chart.yaml",
      "apiVersion: v2\nname: api\nversion: 1.4.2\n",
      "apiVersion: v2\nname: api\nversion: 1.4.3\n",
      "- chart version or metadata only",
    ],
    [
      "an icon URL",
      "charts/api/Chart.yaml",
      "apiVersion: v2\nname: api\nversion: 1.4.2\nicon: https://a/x.png\n",
      "apiVersion: v2\nname: api\nversion: 1.4.2\nicon: https://b/x.svg\n",
      "- chart version or metadata only",
    ],
    [
      "a typo in NOTES.txt",
      "charts/api/templates/NOTES.txt",
      "Thank you for instaling",
      "Thank you for installing",
      "- not infrastructure",
    ],
    [
      "a chart dependency added",
      "charts/api/Chart.yaml",
      "apiVersion: v2\nname: api\nversion: 1.4.2\n",
      "apiVersion: v2\nname: api\nversion: 1.5.0\ndependencies:\n  - name: postgresql\n    version: 15.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n",
      "adds chart dependency postgresql",
    ],
    // Dependencies
    [
      "go.mod: indirect to direct at the same version",
      "go.mod",
      "module x\n\nrequire (\n\tgolang.org/x/sync v0.7.0 // indirect\n)\n",
      "module x\n\nrequire golang.org/x/sync v0.7.0\n",
      "- version bumps, dev dependencies or order only",
    ],
    [
      "a 0.x minor bump",
      "package.json",
      '{"dependencies":{"pino":"^0.8.1"}}',
      '{"dependencies":{"pino":"^0.9.0"}}',
      "- version bumps, dev dependencies or order only",
    ],
    [
      "a new extra on Django",
      "requirements.txt",
      "Django==4.2.11\n",
      "Django[argon2]==4.2.11\n",
      "django gains argon2",
    ],
    [
      "a new major of a framework",
      "package.json",
      '{"dependencies":{"react":"^17.0.2"}}',
      '{"dependencies":{"react":"^18.3.1"}}',
      "moves react from ^17.0.2 to ^18.3.1",
    ],
    [
      "a new major of a small library",
      "package.json",
      '{"dependencies":{"uuid":"^8.3.2"}}',
      '{"dependencies":{"uuid":"^9.0.1"}}',
      "- version bumps, dev dependencies or order only",
    ],
    // CI/CD
    [
      "action pin bumps",
      ".github/workflows/ci.yml",
      "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v3\n",
      "on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
      "- action versions, steps or job settings only",
    ],
    [
      "a new cloud credential and environment",
      ".github/workflows/ci.yml",
      "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n",
      "on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: aws-actions/configure-aws-credentials@v4\n",
      "new environment production; new credential aws-actions/configure-aws-credentials",
    ],
    // Containers
    [
      "an image tag bump",
      "Dockerfile",
      'FROM node:20.11-alpine\nCMD ["node","app.js"]\n',
      'FROM node:20.12-alpine\nCMD ["node","app.js"]\n',
      "- base image tag node:20.11-alpine -> node:20.12-alpine, same image, OS and release line",
    ],
    [
      "a HEALTHCHECK interval",
      "Dockerfile",
      "FROM nginx:1.27\nHEALTHCHECK --interval=30s CMD curl -f http://localhost/\n",
      "FROM nginx:1.27\nHEALTHCHECK --interval=10s CMD curl -f http://localhost/\n",
      "- build steps only",
    ],
    [
      "node to distroless",
      "Dockerfile",
      "FROM node:20-alpine\n",
      "FROM gcr.io/distroless/nodejs20-debian12\n",
      "base image node:20-alpine -> gcr.io/distroless/nodejs20-debian12",
    ],
    [
      "a new compose service",
      "docker-compose.yml",
      "services:\n  api:\n    build: .\n",
      "services:\n  api:\n    build: .\n  redis:\n    image: redis:7-alpine\n",
      "adds service `redis` (image family redis) in docker-compose.yml",
    ],
    // Database
    [
      "a migration adding one column",
      "db/migrate/20251103_add_nickname.rb",
      undefined,
      "class AddNickname < ActiveRecord::Migration[7.1]\n  def change\n    add_column :users, :nickname, :string\n  end\nend\n",
      "- columns, indexes or data only",
    ],
    [
      "a migration creating a table, dropped only in its down part",
      "alembic/versions/3f2a_invoices.py",
      undefined,
      "def upgrade():\n    op.create_table('invoices', sa.Column('id', sa.Integer))\n\ndef downgrade():\n    op.drop_table('invoices')\n",
      "creates table invoices",
    ],
    [
      "a column dropped",
      "migrations/0042_drop_legacy.sql",
      undefined,
      "ALTER TABLE orders DROP COLUMN legacy_total;\n",
      "drops or renames legacy_total",
    ],
    [
      "a Liquibase table",
      "db/changelog/2025-11-add-invoices.changelog.xml",
      undefined,
      '<databaseChangeLog>\n  <changeSet id="1" author="ada">\n    <createTable tableName="invoices">\n      <column name="id" type="bigint"/>\n    </createTable>\n  </changeSet>\n</databaseChangeLog>\n',
      "creates table invoices",
    ],
    [
      "a Liquibase nullable column",
      "db/changelog/2025-11-nickname.changelog.xml",
      undefined,
      '<databaseChangeLog>\n  <changeSet id="2" author="ada">\n    <addColumn tableName="users">\n      <column name="nickname" type="varchar(64)"/>\n    </addColumn>\n  </changeSet>\n</databaseChangeLog>\n',
      "- columns, indexes or data only",
    ],
    [
      "a Rails join table",
      "db/migrate/20251103_join.rb",
      undefined,
      "class Join < ActiveRecord::Migration[7.1]\n  def change\n    create_join_table :users, :teams\n  end\nend\n",
      "creates table users",
    ],
  ])("%s", (_name, path, before, after, expected) => {
    expect(judge(path, before, after)).toBe(expected);
  });

  it("a submodule added is a new dependency; its pointer moving is not a decision", () => {
    expect(
      judge(
        "vendor/lib",
        undefined,
        undefined,
        "@@ -0,0 +1 @@\n+Subproject commit 1234567890abcdef1234567890abcdef12345678",
      ),
    ).toBe("adds a submodule");
    expect(
      judge(
        "vendor/lib",
        undefined,
        undefined,
        "@@ -1 +1 @@\n-Subproject commit 1234567890abcdef1234567890abcdef12345678\n+Subproject commit abcdefabcdefabcdefabcdefabcdefabcdefabcd",
      ),
    ).toBe("- submodule moved to another commit");
  });

  it("a file moved unchanged (removed and added, as a local diff lists it) is no decision", () => {
    const workflow =
      "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: fly deploy\n";
    const seen = detectInfraChanges(
      [
        { path: ".github/workflows/deploy.yml", status: "removed", additions: 0, deletions: 7, before: workflow },
        { path: ".github/workflows/release.yml", status: "added", additions: 7, deletions: 0, after: workflow },
        { path: "Dockerfile", status: "removed", additions: 0, deletions: 1, before: "FROM node:22-alpine\n" },
        { path: "docker/Dockerfile", status: "added", additions: 1, deletions: 0, after: "FROM node:22-alpine\n" },
      ],
      config,
    );
    expect(seen.filter((found) => found.decision)).toEqual([]);
  });

  it("Pulumi and CDK programs are read when they import the SDK; code that only looks like one is not", () => {
    const patch = '@@ -1 +1,2 @@\n+const bucket = new aws.s3.Bucket("logs", {});';
    const program = 'import * as aws from "@pulumi/aws";\n\nconst bucket = new aws.s3.Bucket("logs", {});\n';
    expect(judge("infra/index.ts", 'import * as aws from "@pulumi/aws";\n', program, patch)).toBe(
      'adds aws.s3.Bucket "logs"',
    );
    const lookalike = '// e.g. new aws.s3.Bucket("logs", {})\nconst when = new Intl.DateTimeFormat("en");\n';
    expect(judge("src/format.ts", "", lookalike, patch)).toBe("- code that imports no Pulumi or CDK SDK");
  });

  it("reads a GoReleaser release section with a long indented footer (each line has one way to match)", () => {
    const footer = Array.from({ length: 40 }, (_, line) => `    line ${line} of the release notes`).join("\n");
    const config = (release: string) =>
      `builds:\n  - main: ./cmd/relay\nrelease:\n  github:\n    owner: acme\n${release}  footer: |\n${footer}\nchangelog:\n  sort: asc\n`;
    expect(judge(".goreleaser.yaml", undefined, config("  draft: true\n"))).toContain("goreleaser releases");
    expect(judge(".goreleaser.yaml", undefined, config("  disable: true\n"))).not.toContain("goreleaser releases");
  });

  it("an Ansible role neither of whose versions was read (past the read limit) is no removal", () => {
    const unread: FileChange = { path: "roles/web/tasks/main.yml", status: "modified", additions: 1, deletions: 1 };
    expect(detectInfraChanges([unread], config).filter((found) => found.decision)).toEqual([]);
  });

  it("caps reasons at one line of 200 characters", () => {
    const names = Array.from({ length: 40 }, (_, i) => `resource "aws_s3_bucket" "${"b".repeat(60)}${i}" {}`).join(
      "\n",
    );
    expect(judge("main.tf", "", names).length).toBeLessThanOrEqual(200);
  });

  it.each([
    [
      "a compose service replaced by another image family",
      "docker-compose.yml",
      "services:\n  broker:\n    image: example/broker:3.6\n  coordinator:\n    image: example/coordinator:3.9\n",
      "services:\n  broker:\n    image: example/broker:3.6\n  stream:\n    image: example/stream-engine:4.0\n",
      "adds service `stream` (image family example/stream-engine), removes service `coordinator` (image family example/coordinator) in docker-compose.yml",
    ],
    [
      "a datastore image on another major",
      "compose.yaml",
      "services:\n  db:\n    image: postgres:15-alpine\n",
      "services:\n  db:\n    image: postgres:16-alpine\n",
      "service `db`: postgres 15 -> 16 in compose.yaml",
    ],
    [
      "a runtime major in FROM",
      "Dockerfile",
      "FROM python:3.8-slim-bookworm\nCOPY . .\n",
      "FROM python:3.10-slim-bookworm\nCOPY . .\n",
      "runtime python 3.8 -> 3.10 (base image python:3.8-slim-bookworm -> python:3.10-slim-bookworm)",
    ],
    [
      "a runtime major in .tool-versions",
      ".tool-versions",
      "nodejs 18.19.0\npython 3.11.7\n",
      "nodejs 20.11.1\npython 3.11.8\n",
      "runtime node 18 -> 20",
    ],
    [
      "a Python floor raised in pyproject.toml",
      "pyproject.toml",
      '[project]\nname = "shelf"\nrequires-python = ">=3.9"\ndependencies = []\n',
      '[project]\nname = "shelf"\nrequires-python = ">=3.11"\ndependencies = []\n',
      "python 3.9 -> 3.11",
    ],
    [
      "a Java toolchain in Gradle",
      "build.gradle.kts",
      "java { toolchain { languageVersion = JavaLanguageVersion.of(17) } }\n",
      "java { toolchain { languageVersion = JavaLanguageVersion.of(21) } }\n",
      "java 17 -> 21",
    ],
    [
      "a provider's major ceiling moved, nested braces and all",
      "versions.tf",
      'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.0"\n    }\n    random = {\n      source = "hashicorp/random"\n    }\n  }\n}\n',
      'terraform {\n  required_providers {\n    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 6.0"\n    }\n    random = {\n      source = "hashicorp/random"\n    }\n  }\n}\n',
      "provider aws majors 5 -> 6",
    ],
    [
      "a deploy workflow's credentials move to OIDC",
      ".github/workflows/deploy.yml",
      "on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: aws ecs update-service --cluster c --service s\n        env:\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.AWS_SECRET_ACCESS_KEY }}\n",
      "on: push\npermissions:\n  id-token: write\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::123456789012:role/deploy\n      - run: aws ecs update-service --cluster c --service s\n",
      "new credential aws-actions/configure-aws-credentials, OIDC (id-token: write); stops using secret AWS_SECRET_ACCESS_KEY",
    ],
    [
      "images published for another architecture",
      ".github/workflows/image.yml",
      "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          platforms: linux/amd64\n          push: true\n",
      "on: push\njobs:\n  image:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: docker/build-push-action@v6\n        with:\n          platforms: linux/amd64,linux/arm64\n          push: true\n",
      "publishes for linux/arm64 too",
    ],
  ])("says why in one line a reviewer can check: %s", (_name, path, before, after, expected) => {
    expect(judge(path, before, after)).toBe(expected);
  });
});

describe("allowedMajors: the release lines a Terraform version constraint allows", () => {
  it.each([
    [">= 4.65", "4+"],
    [">= 6.10.0, < 8", "6-7"],
    ["~> 5.0", "5"],
    ["~> 5", "5+"],
    ["~> 2.49", "2"],
    [">= 2.49, < 4.0", "2-3"],
    [">= 7.5, < 7.9", "7"],
    // Before 1.0 every minor is a release line of its own.
    ["~> 0.12.6", "0.12"],
    [">= 0.12.6, < 0.14", "0.12-0.13"],
    ["~> 0.12", "0.12-0.x"],
    [">= 0.13.1", "0.13+"],
    [">= 0.15, < 1.0", "0.15-0.x"],
  ])("%s -> %s", (constraint, lines) => {
    expect(majorsText(allowedMajors(constraint)!)).toBe(lines);
  });
});
