import { describe, expect, it } from "@jest/globals";
import { readFileSync } from "node:fs";
import { budgetLine, runwayMonths } from "../../../src/cost/budget.js";
import { estimateChangeCost } from "../../../src/cost/change-cost.js";
import { pricedResourceTypes } from "../../../src/cost/estimate.js";
import { readInfracost } from "../../../src/cost/infracost.js";
import { priceRegions, priceTable, usagePriced } from "../../../src/cost/price-table.js";
import { headline, renderCostSection } from "../../../src/cost/render-cost.js";

const added = (after: string, path = "infra/main.tf") => [{ path, after }];

describe("the price table", () => {
  it("gives every entry a source on the provider's official pricing page and the date it was taken", () => {
    const officialPages = /^https:\/\/(aws\.amazon\.com|cloud\.google\.com|azure\.microsoft\.com)\//;
    for (const entry of [...priceTable, ...usagePriced]) {
      expect(entry.source).toMatch(officialPages);
      expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(entry.date))).toBe(false);
    }
    for (const entry of priceTable) expect(entry.usd).toBeGreaterThanOrEqual(0);
    expect(priceRegions).toEqual({ aws: "us-east-1", google: "us-central1", azure: "eastus" });
  });

  it("prices each size once per product", () => {
    const keys = priceTable.map((entry) => `${entry.provider}/${entry.product}/${entry.size}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe("the offline estimate", () => {
  it("an EC2 instance of a common type and a NAT gateway: list price x 730 hours, with the region and the table's date", () => {
    const cost = estimateChangeCost(
      added(
        'provider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_instance" "api" {\n  ami           = "ami-123"\n  instance_type = "t3.medium"\n}\n\nresource "aws_nat_gateway" "main" {\n  allocation_id = aws_eip.nat.id\n  subnet_id     = aws_subnet.public.id\n}\n',
      ),
    )!;
    expect(cost.items).toEqual([
      {
        file: "infra/main.tf",
        resource: "aws_instance.api",
        monthlyDelta: 30.37,
        basis: "added: EC2 t3.medium $0.0416/h",
      },
      {
        file: "infra/main.tf",
        resource: "aws_nat_gateway.main",
        monthlyDelta: 32.85,
        basis: "added: NAT gateway (plus $0.045/GB processed) $0.045/h",
      },
    ]);
    expect(cost.monthlyDelta).toBe(63.22);
    expect(cost.labels).toEqual(["list price, us-east-1, 2026-12-05"]);
    expect(cost.unknown).toEqual([]);
  });

  it("a resize is the difference, a removal is negative, count multiplies", () => {
    const cost = estimateChangeCost([
      {
        path: "infra/app.tf",
        before: 'resource "aws_instance" "api" {\n  instance_type = "t3.small"\n}\nresource "aws_eip" "ip" {\n}\n',
        after: 'resource "aws_instance" "api" {\n  instance_type = "t3.large"\n  count         = 2\n}\n',
      },
    ])!;
    expect(cost.items.map((item) => [item.resource, item.monthlyDelta])).toEqual([
      ["aws_instance.api", 106.29],
      ["aws_eip.ip", -3.65],
    ]);
  });

  it("lists what it cannot price as unknown, never guessing; leaves out what has no price", () => {
    const cost = estimateChangeCost(
      added(
        'resource "aws_instance" "a" {\n  instance_type = var.size\n}\nresource "aws_rds_cluster" "b" {\n  engine = "aurora-postgresql"\n}\nresource "aws_instance" "c" {\n  instance_type = "x9.mega"\n}\nresource "aws_iam_role" "d" {\n}\nresource "random_id" "e" {\n}\n',
      ),
    )!;
    expect(cost.items).toEqual([]);
    expect(cost.unknown.map((unknown) => [unknown.resource, unknown.why])).toEqual([
      ["aws_instance.a", "instance_type is var.size, not a literal"],
      ["aws_rds_cluster.b", "the price table does not hold this resource type"],
      ["aws_instance.c", "the price table has no instance_type x9.mega"],
    ]);
    expect(estimateChangeCost(added('resource "aws_iam_role" "d" {\n}\n'))).toBeNull();
    // Nothing priced is no estimate, not "$0.00/month".
    expect(headline(cost)).toBe("no estimate: 3 resources the price table does not know (never guessed)");
  });

  it("prices managed databases by class, engine, Multi-AZ and storage, on each provider", () => {
    const cost = estimateChangeCost(
      added(
        [
          'resource "aws_db_instance" "main" {',
          '  engine            = "postgres"',
          '  instance_class    = "db.t3.medium"',
          "  allocated_storage = 100",
          "  multi_az          = true",
          "}",
          'resource "google_sql_database_instance" "main" {',
          "  settings {",
          '    tier      = "db-custom-2-7680"',
          "    disk_size = 50",
          "  }",
          "}",
          'resource "azurerm_mssql_database" "main" {',
          '  sku_name = "S1"',
          "}",
          'resource "aws_s3_bucket" "assets" {',
          "}",
        ].join("\n"),
      ),
    )!;
    const by = Object.fromEntries(cost.items.map((item) => [item.resource, item]));
    // 2 x 0.072 x 730 + 200 GB x 0.115
    expect(by["aws_db_instance.main"]).toMatchObject({
      monthlyDelta: 128.12,
      basis: "added: 2 × RDS postgres db.t3.medium $0.072/h + 200 GB storage $0.115/GB-month",
    });
    // (2 x 0.0413 + 7.5 x 0.007) x 730 + 50 x 0.17
    expect(by["google_sql_database_instance.main"]!.monthlyDelta).toBe(107.12);
    expect(by["azurerm_mssql_database.main"]!.monthlyDelta).toBe(29.44);
    expect(by["aws_s3_bucket.assets"]).toMatchObject({
      monthlyDelta: 0,
      basis: expect.stringContaining("billed by use"),
    });
    expect(cost.labels).toEqual([
      "list price, us-east-1, 2026-12-05",
      "list price, eastus, 2026-12-05",
      "list price, us-central1, 2026-12-05",
    ]);
  });

  it("names the region the code asks for when the table holds another", () => {
    const cost = estimateChangeCost(
      added('provider "aws" {\n  region = "eu-west-1"\n}\nresource "aws_eks_cluster" "main" {\n  name = "x"\n}\n'),
    )!;
    expect(cost.monthlyDelta).toBe(73);
    expect(cost.labels).toEqual([
      "list price, us-east-1 (the code names eu-west-1; the table holds us-east-1 only), 2026-12-05",
    ]);
  });

  it("reads nested blocks and one-line blocks, and .tf.json", () => {
    const json = JSON.stringify({
      resource: { aws_elasticache_cluster: { cache: { node_type: "cache.t3.small", num_cache_nodes: 2 } } },
    });
    const cost = estimateChangeCost([{ path: "infra/cache.tf.json", after: json }])!;
    expect(cost.items).toEqual([
      expect.objectContaining({ resource: "aws_elasticache_cluster.cache", monthlyDelta: 49.64 }),
    ]);
  });
});

describe("Infracost's JSON", () => {
  const diff = {
    version: "0.2",
    currency: "USD",
    projects: [
      {
        name: "acme/infra/prod",
        metadata: { path: "infra/prod" },
        diff: {
          resources: [
            { name: "aws_instance.api", monthlyCost: "70.08" },
            { name: "aws_nat_gateway.main", monthlyCost: "32.85" },
          ],
        },
      },
    ],
    totalMonthlyCost: "1002.93",
    pastTotalMonthlyCost: "900",
    diffTotalMonthlyCost: "102.9345",
  };

  it("uses diffTotalMonthlyCost as given, and the projects' resources as items", () => {
    const read = readInfracost(JSON.stringify(diff), "infracost.json");
    expect(read).toEqual({
      ok: true,
      cost: {
        monthlyDelta: 102.9345,
        currency: "USD",
        source: "infracost",
        items: [
          { file: "infra/prod", resource: "aws_instance.api", monthlyDelta: 70.08, basis: "Infracost" },
          { file: "infra/prod", resource: "aws_nat_gateway.main", monthlyDelta: 32.85, basis: "Infracost" },
        ],
        unknown: [],
        labels: [],
      },
    });
  });

  it("says where a malformed file is wrong, and what a file without a diff lacks", () => {
    expect(readInfracost('{\n  "projects": [,]\n}', "out/infracost.json")).toEqual({
      ok: false,
      problem: "out/infracost.json line 2, column 16: ValueExpected",
    });
    expect(readInfracost('{"projects": []}', "x.json")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("no diffTotalMonthlyCost"),
    });
    expect(readInfracost("[]", "x.json")).toMatchObject({
      ok: false,
      problem: expect.stringContaining("not Infracost JSON"),
    });
  });
});

describe("the budget line", () => {
  const infraCosts = {
    monthlyBudget: 1500,
    months: [
      { month: "2026-11", totalSpend: 1200 },
      { month: "2026-10", totalSpend: 1100 },
    ],
  };

  it("projects the latest month's spend plus the change against infra_costs.json's budget", () => {
    expect(budgetLine(63.22, { infraCosts })).toEqual({
      monthlyBudget: 1500,
      currentMonthlySpend: 1200,
      projectedMonthlySpend: 1263.22,
      share: 0.842,
      exceeds: false,
    });
    expect(budgetLine(400, { infraCosts })).toMatchObject({ projectedMonthlySpend: 1600, exceeds: true });
  });

  it("falls back on tech_stack.json's monthlyInfraBudget, and has no line without a budget", () => {
    expect(budgetLine(50, { techStack: { constraints: { monthlyInfraBudget: 200 } } })).toEqual({
      monthlyBudget: 200,
      currentMonthlySpend: null,
      projectedMonthlySpend: null,
      share: null,
      exceeds: false,
    });
    expect(budgetLine(50, {})).toBeNull();
  });

  it("reads the runway from the CFO's forecast: stated, or cash over burn", () => {
    expect(runwayMonths({ runwayMonths: 14 })).toBe(14);
    expect(runwayMonths({ cash: 600000, monthlyBurn: 50000 })).toBe(12);
    expect(runwayMonths({})).toBeUndefined();
  });

  it("says it in the comment: about $X/month (estimate, ...) and +$X/month: projected $Y of a $Z budget (N%)", () => {
    const cost = estimateChangeCost(added('resource "aws_nat_gateway" "main" {\n}\n'))!;
    const section = renderCostSection({
      cost,
      budget: budgetLine(cost.monthlyDelta, { infraCosts }),
      runwayMonths: 14,
    });
    expect(section).toContain("**about +$32.85/month (estimate, list price, us-east-1, 2026-12-05)**");
    expect(section).toContain(
      "**Budget:** +$32.85/month: projected $1,232.85 of a $1,500.00 budget (82%). Runway: 14 months (CFO forecast).",
    );
  });
});

describe("docs/cost-and-fit.md", () => {
  it("lists every resource type the table prices or knows to be billed by use", () => {
    const doc = readFileSync(new URL("../../../docs/cost-and-fit.md", import.meta.url), "utf8");
    expect(pricedResourceTypes.filter((type) => !doc.includes(`\`${type}\``))).toEqual([]);
  });
});
