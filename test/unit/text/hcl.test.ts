import { describe, expect, it } from "@jest/globals";
import {
  attributeOf,
  hclTopLevelBlocks,
  requiredProviders,
  terraformJsonBlocks,
  type HclReading,
} from "../../../src/text/hcl.js";

/** Names a `resource "type" "name"` / `module "name"` header line; other lines open nothing. */
const nameOf = (line: string) =>
  /^\s*(?:resource\s+"([^"]+)"\s+"([^"]+)"|module\s+"([^"]+)")\s*\{/.exec(line)?.slice(1).filter(Boolean).join(".");

const skipping: HclReading<string> = { header: nameOf, heredocs: "skip", strayBraces: "ignore" };
const reading: HclReading<string> = { header: nameOf, heredocs: "read", strayBraces: "count" };
const names = (text: string, how: HclReading<string>) => hclTopLevelBlocks(text, how).map((block) => block.header);

describe("the top-level blocks of an HCL file", () => {
  it("run from the header to the brace that closes it, code only: comments left out, strings kept whole", () => {
    const blocks = hclTopLevelBlocks(
      `# resource "aws_instance" "old" {}
/* module "gone" {
} */
resource "aws_s3_bucket" "logs" {
  bucket  = "acme-logs" # the bucket
  pattern = "example.com/*" // a glob, not a comment
  name    = "\${var.prefix}-}"
}
locals {
  module "not_top_level" {}
}
module "db" { source = "./db" }
`,
      skipping,
    );
    expect(blocks).toEqual([
      {
        header: "aws_s3_bucket.logs",
        lines: [
          'resource "aws_s3_bucket" "logs" {',
          '  bucket  = "acme-logs" ',
          '  pattern = "example.com/*" ',
          '  name    = "${var.prefix}-}"',
          "}",
        ],
      },
      { header: "db", lines: ['module "db" { source = "./db" }'] },
    ]);
  });

  const policy = `resource "aws_iam_policy" "p" {
  policy = <<-EOT
    { "Statement": [
  EOT
}
resource "aws_s3_bucket" "b" {}
`;

  it("skip a heredoc's body when asked: its braces do not end or extend the block", () => {
    expect(hclTopLevelBlocks(policy, skipping)).toEqual([
      { header: "aws_iam_policy.p", lines: ['resource "aws_iam_policy" "p" {', "  policy = <<-EOT", "}"] },
      { header: "aws_s3_bucket.b", lines: ['resource "aws_s3_bucket" "b" {}'] },
    ]);
  });

  it("read a heredoc's body as code when asked: an unclosed brace in it swallows what follows", () => {
    expect(names(policy, reading)).toEqual([]);
  });

  it("ignore a stray closing brace, or count it until a brace balances it", () => {
    // The stray brace is balanced only by the `{` the output block opens.
    const stray = `}
resource "a" "first" {}
output "o" {
resource "a" "second" {}
`;
    expect(names(stray, skipping)).toEqual(["a.first"]);
    expect(names(stray, reading)).toEqual(["a.second"]);
  });

  it("read an unclosed block to the end of the file", () => {
    expect(hclTopLevelBlocks('resource "a" "b" {\n  x = 1\n', skipping)).toEqual([]);
    expect(names('resource "a" "b" {\n  x = 1\n}', skipping)).toEqual(["a.b"]);
  });
});

describe("the blocks of a .tf.json file", () => {
  it("are resources, data sources, modules, providers, then the terraform block, with their attributes", () => {
    const text = JSON.stringify({
      terraform: { backend: { s3: {} } },
      provider: { aws: { region: "eu-west-1" } },
      module: { vpc: { source: "terraform-aws-modules/vpc/aws" } },
      data: { aws_ami: { ubuntu: {} } },
      resource: { aws_db_instance: { main: { engine: "postgres" }, replica: {} } },
    });
    expect(terraformJsonBlocks(text).map(({ kind, type, name, attributes }) => [kind, type, name, attributes])).toEqual(
      [
        ["resource", "aws_db_instance", "main", { engine: "postgres" }],
        ["resource", "aws_db_instance", "replica", {}],
        ["data", "aws_ami", "ubuntu", {}],
        ["module", "vpc", "vpc", { source: "terraform-aws-modules/vpc/aws" }],
        ["provider", "aws", "aws", { region: "eu-west-1" }],
        ["terraform", "terraform", "terraform", { backend: { s3: {} } }],
      ],
    );
  });

  it.each(["null", "[]", '"text"', "{ not json", ""])("are none when the file is %p", (text) => {
    expect(terraformJsonBlocks(text)).toEqual([]);
  });
});

describe("a block body's attributes", () => {
  const body =
    'terraform {\n  required_providers {\n    aws = {\n      source = "hashicorp/aws"\n    }\n    random = { source = "hashicorp/random" }\n  }\n}';

  it("name every required provider, however its settings are laid out", () => {
    expect(requiredProviders(body)).toEqual(["aws", "random"]);
    expect(requiredProviders('terraform {\n  required_version = ">= 1.6"\n}')).toEqual([]);
  });

  it("give a string attribute's value at the start of a line, the first one written", () => {
    expect(attributeOf('  engine = "postgres"\n  engine_version = "16"', "engine")).toBe("postgres");
    expect(attributeOf(body, "source")).toBe("hashicorp/aws");
    expect(attributeOf("  count = 2", "engine")).toBeUndefined();
  });
});
