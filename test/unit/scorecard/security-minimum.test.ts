import { describe, expect, it } from "@jest/globals";
import { securityMinimumItems, type SecurityEvidence } from "../../../src/scorecard/security-minimum.js";

const none: SecurityEvidence = { workflows: [], secretScanningConfig: false, renovateConfig: false, terraform: [] };
const pinned = "actions/checkout@0123456789abcdef0123456789abcdef01234567";

describe("the security minimum from the repository's files", () => {
  it("workflows: code scanning, actions pinned to a commit, least-privilege permissions, each present or missing", () => {
    const good = {
      path: ".github/workflows/ci.yml",
      text: `on: push\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ${pinned}\n      - uses: ./local-action\n`,
    };
    const scanning = {
      path: ".github/workflows/codeql.yml",
      text: `on: push\njobs:\n  analyze:\n    permissions:\n      security-events: write\n    steps:\n      - uses: github/codeql-action/init@0123456789abcdef0123456789abcdef01234567\n`,
    };
    expect(
      securityMinimumItems({ ...none, workflows: [good, scanning], secretScanningConfig: true }, "foundation"),
    ).toEqual([
      { name: "secret scanning", state: "present" },
      { name: "a code scanning workflow", state: "present" },
      { name: "actions pinned to a commit", state: "present" },
      { name: "least-privilege permissions in workflows", state: "present" },
    ]);
    const loose = {
      path: ".github/workflows/deploy.yml",
      text: "on: push\njobs:\n  deploy:\n    steps:\n      - uses: actions/checkout@v4\n",
    };
    expect(securityMinimumItems({ ...none, workflows: [loose] }, "scale")).toEqual([
      {
        name: "secret scanning",
        state: "unknown",
        detail: "no scanner configured here; GitHub's own setting is not readable",
      },
      { name: "a code scanning workflow", state: "missing" },
      { name: "actions pinned to a commit", state: "missing", detail: "1 not pinned: actions/checkout@v4" },
      {
        name: "least-privilege permissions in workflows",
        state: "missing",
        detail: "no permissions: in .github/workflows/deploy.yml",
      },
    ]);
  });

  it("the survival stage asks only for what its minimum holds: secrets, backups, encryption, no public buckets", () => {
    const items = securityMinimumItems(
      { ...none, workflows: [{ path: ".github/workflows/x.yml", text: "on: push\n" }] },
      "survival",
    );
    expect(items.map((item) => item.name)).toEqual(["secret scanning"]);
  });

  it("Terraform: backups, encryption at rest, public buckets and audit logs, naming what fails", () => {
    const terraform = [
      {
        path: "infra/main.tf",
        text: [
          'resource "aws_db_instance" "main" {\n  backup_retention_period = 0\n  storage_encrypted = true\n}',
          'resource "aws_db_instance" "replica" {\n  storage_encrypted = true\n}',
          'resource "aws_ebs_volume" "data" {\n  size = 10\n}',
          'resource "aws_s3_bucket" "site" {\n  acl = "public-read"\n}',
          'resource "aws_cloudtrail" "main" {\n  name = "trail"\n}',
        ].join("\n"),
      },
    ];
    expect(securityMinimumItems({ ...none, terraform }, "foundation").slice(2)).toEqual([
      { name: "automated backups", state: "missing", detail: "aws_db_instance.main" },
      { name: "encryption at rest", state: "missing", detail: "aws_ebs_volume.data" },
      { name: "no public buckets", state: "missing", detail: "aws_s3_bucket.site" },
      { name: "audit logs", state: "present" },
    ]);
  });
});
