import { describe, expect, it } from "@jest/globals";
import { assessFit, type FitFile } from "../../../src/fit/assess-fit.js";
import { knownStage } from "../../../src/fit/stage.js";

const chart = "apiVersion: v2\nname: api\nversion: 0.1.0\n";
const helmChart: FitFile[] = [
  { path: "deploy/api/Chart.yaml", status: "added", after: chart },
  { path: "deploy/api/templates/deployment.yaml", status: "added", after: "apiVersion: apps/v1\nkind: Deployment\n" },
];
const survival = knownStage({ maturityStage: "survival" }, { headcount: 2 });
const scale = knownStage({ maturityStage: "scale" }, { headcount: 18 });

describe("stage fit", () => {
  it("a Helm chart at the survival stage gets one question per adoption; the same change at scale gets none", () => {
    const early = assessFit(helmChart, survival, "");
    expect(early.stage).toBe("survival");
    expect(early.concerns).toEqual([
      {
        kind: "stage",
        file: "deploy/api/Chart.yaml",
        change: "adds a Helm chart (deploy/api)",
        message: expect.stringMatching(
          /^At the survival stage \(2 engineers\), what does Kubernetes give us that a managed platform/,
        ),
      },
      expect.objectContaining({ kind: "stage", change: "adds Kubernetes manifests (deployment)" }),
    ]);
    expect(assessFit(helmChart, scale, "").concerns).toEqual([]);
  });

  it("reads the stage from tech_stack.json, else from the headcount", () => {
    expect(knownStage({ maturityStage: "foundation" }, undefined)).toEqual({
      stage: "foundation",
      from: "tech_stack.json maturityStage",
    });
    expect(knownStage({}, { headcount: 2 })).toEqual({
      stage: "survival",
      headcount: 2,
      from: "team.json headcount (2)",
    });
    expect(knownStage({ team: { headcount: 12 } }, undefined)).toMatchObject({ stage: "scale", headcount: 12 });
    expect(knownStage(undefined, undefined)).toEqual({ stage: null });
  });

  it("extending what the stack already runs is not adopting it", () => {
    expect(assessFit(helmChart, survival, '{"infrastructure":{"keyservices":["eks","helm"]}}').concerns).toEqual([]);
  });

  it("a self-hosted datastore where a managed one would do names the managed alternative, for build vs buy", () => {
    const files: FitFile[] = [
      {
        path: "infra/k8s.tf",
        status: "modified",
        before: "",
        after:
          'resource "helm_release" "db" {\n  repository = "https://charts.bitnami.com/bitnami"\n  chart      = "postgresql"\n}\n',
      },
    ];
    const fit = assessFit(files, knownStage({ maturityStage: "foundation" }, undefined), "");
    expect(fit.concerns).toEqual([
      expect.objectContaining({
        kind: "stage",
        change: "runs a PostgreSQL database (helm_release postgresql)",
        message: expect.stringContaining("better than Amazon RDS, Cloud SQL or Azure Database for PostgreSQL?"),
      }),
    ]);
    expect(fit.selfHosted).toEqual([
      expect.objectContaining({ component: "a PostgreSQL database", source: "postgresql", kind: "datastore" }),
    ]);
  });

  it("a new service under ten engineers gets a question; the monolith's own Dockerfile does not", () => {
    const stage = knownStage({}, { headcount: 4 });
    const fit = assessFit(
      [
        { path: "services/billing/Dockerfile", status: "added", after: "FROM node:22\n" },
        { path: "Dockerfile", status: "added", after: "FROM node:22\n" },
      ],
      stage,
      "",
    );
    expect(fit.concerns).toEqual([
      expect.objectContaining({
        change: "adds a new service (services/billing)",
        message: expect.stringContaining("A new service at 4 engineers"),
      }),
    ]);
  });
});

describe("the security minimum in infrastructure code", () => {
  const db = (retention: number, extra = "") =>
    `resource "aws_db_instance" "main" {\n  engine = "postgres"\n  backup_retention_period = ${retention}\n  storage_encrypted = true\n${extra}}\n`;

  it("turning off database backups is a concern at every stage", () => {
    const fit = assessFit([{ path: "infra/db.tf", status: "modified", before: db(7), after: db(0) }], scale, "");
    expect(fit.concerns).toEqual([
      {
        kind: "security",
        file: "infra/db.tf",
        change: "turns off automated backups (backup_retention_period = 0) on aws_db_instance.main",
        message: expect.stringMatching(/^Automated backups is part of the security minimum/),
      },
    ]);
    // Already off before: this change removes nothing.
    expect(
      assessFit([{ path: "infra/db.tf", status: "modified", before: db(0), after: db(0, "  # note\n") }], scale, "")
        .concerns,
    ).toEqual([]);
  });

  it("dropping encryption, a public bucket, point-in-time recovery off, an audit trail removed", () => {
    const before = [
      'resource "aws_ebs_volume" "data" {\n  size = 10\n  encrypted = true\n}',
      'resource "aws_s3_bucket_public_access_block" "assets" {\n  block_public_acls = true\n}',
      'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery { enabled = true }\n}',
      'resource "aws_cloudtrail" "main" {\n  name = "trail"\n}',
    ].join("\n");
    const after = [
      'resource "aws_ebs_volume" "data" {\n  size = 10\n}',
      'resource "aws_s3_bucket_public_access_block" "assets" {\n  block_public_acls = false\n}',
      'resource "aws_dynamodb_table" "t" {\n  point_in_time_recovery { enabled = false }\n}',
      'resource "aws_s3_bucket" "site" {\n  acl = "public-read"\n}',
    ].join("\n");
    const fit = assessFit([{ path: "infra/main.tf", status: "modified", before, after }], scale, "");
    expect(fit.concerns.map((concern) => concern.change)).toEqual([
      "drops encryption at rest (encrypted) on aws_ebs_volume.data",
      "lets a bucket be public (block_public_acls = false) on aws_s3_bucket_public_access_block.assets",
      "turns off point-in-time recovery on aws_dynamodb_table.t",
      "removes an audit trail (CloudTrail) on aws_cloudtrail.main",
      "makes a bucket public (acl) on aws_s3_bucket.site",
    ]);
  });
});
