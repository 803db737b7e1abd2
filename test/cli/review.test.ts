import { describe, expect, it } from "@jest/globals";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { initGitRepository, runCli, tempRepo } from "../support/cli.js";
import { templateText } from "../support/data-files.js";

/** A repository with valid data files and some infrastructure, committed: the base of every review here. */
function gitRepo(config?: string): string {
  const root = tempRepo();
  const git = initGitRepository(root);
  mkdirSync(join(root, "data/engineering/adrs"), { recursive: true });
  mkdirSync(join(root, "infra"));
  writeFileSync(join(root, "data/engineering/tech_debt.json"), templateText("tech_debt.json"));
  writeFileSync(join(root, "infra/main.tf"), "# empty\n");
  if (config) {
    mkdirSync(join(root, ".github"));
    writeFileSync(join(root, ".github/cto-copilot.yml"), config);
  }
  git("add", ".");
  git("commit", "-q", "-m", "init");
  return root;
}

const addDatabase = (root: string) =>
  writeFileSync(join(root, "infra/main.tf"), 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n');
const breakDebtFile = (root: string) =>
  writeFileSync(
    join(root, "data/engineering/tech_debt.json"),
    templateText("tech_debt.json").replace('"priority": "critical"', '"priority": "urgent"'),
  );

describe("cto-copilot review", () => {
  it("prints one JSON object with a key per check: data as validate reports it, adr as adr check prints it", async () => {
    const root = gitRepo();
    addDatabase(root);
    breakDebtFile(root);
    const review = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"]);
    const adrCheck = await runCli(["adr", "check", "--base", "HEAD", "--root", root, "--format", "json"]);
    const parsed = JSON.parse(review.stdout) as { data: { diagnostics: { file: string; severity: string }[] } };
    expect(Object.keys(parsed)).toEqual(["data", "adr", "cost", "fit"]);
    expect(parsed).toMatchObject({ adr: JSON.parse(adrCheck.stdout) });
    expect(parsed.data.diagnostics).toContainEqual(
      expect.objectContaining({ file: "data/engineering/tech_debt.json", severity: "error" }),
    );
    // Data errors fail the review, as they fail the pull request's check.
    expect(review.code).toBe(1);
    expect(review.stderr).toContain("review fails: the data files have errors");
  });

  it("passes (exit 0) when only an ADR is suggested, fails with --strict, and says what to do in text", async () => {
    const root = gitRepo();
    addDatabase(root);
    const text = await runCli(["review", "--base", "HEAD", "--root", root]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("Data files\nNo data file changed against HEAD.");
    expect(text.stdout).toContain("infra/main.tf");
    expect(text.stdout).toContain('Consider recording the decision: cto-copilot adr new "<decision title>"');
    expect((await runCli(["review", "--base", "HEAD", "--root", root, "--strict"])).code).toBe(1);
  });

  it("fails when the config requires an ADR and none is part of the change, and passes once one is", async () => {
    const root = gitRepo("adr:\n  require: true\n");
    addDatabase(root);
    const missing = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("an ADR is required for this infrastructure change (adr.require)");
    writeFileSync(
      join(root, "data/engineering/adrs/adr_2025-11-03_use-postgresql.md"),
      templateText("adrs/adr_2025-06-01_use-postgresql.md"),
    );
    const added = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json"]);
    expect(added.stderr).toBe("");
    expect(added.code).toBe(0);
  });

  it("needs --base, and answers a usage error in the format asked for", async () => {
    const root = gitRepo();
    const result = await runCli(["review", "--root", root, "--format", "json"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("review needs --base REF");
    expect(JSON.parse(result.stdout)).toHaveProperty("error");
  });
});

describe("cto-copilot review: the cost and the stage fit", () => {
  /** A committed repository at a stage, with a budget and November's spend. */
  function companyRepo(stage: string, files: Record<string, string> = {}): string {
    const root = tempRepo();
    const git = initGitRepository(root);
    mkdirSync(join(root, "data/engineering"), { recursive: true });
    mkdirSync(join(root, "infra"));
    writeFileSync(join(root, "data/engineering/tech_stack.json"), JSON.stringify({ maturityStage: stage }));
    writeFileSync(
      join(root, "data/engineering/infra_costs.json"),
      JSON.stringify({ monthlyBudget: 1500, months: [{ month: "2026-11", totalSpend: 1200 }] }),
    );
    writeFileSync(join(root, "infra/main.tf"), "# empty\n");
    for (const [path, text] of Object.entries(files)) writeFileSync(join(root, path), text);
    git("add", ".");
    git("commit", "-q", "-m", "init");
    return root;
  }
  const addHelmChart = (root: string) => {
    mkdirSync(join(root, "deploy/api"), { recursive: true });
    writeFileSync(join(root, "deploy/api/Chart.yaml"), "apiVersion: v2\nname: api\nversion: 0.1.0\n");
  };
  const json = async (root: string, ...extra: string[]) => {
    const result = await runCli(["review", "--base", "HEAD", "--root", root, "--format", "json", ...extra]);
    return { ...result, parsed: JSON.parse(result.stdout) as { cost: any; fit: any } };
  };
  const database = (retention: number) =>
    `resource "aws_db_instance" "main" {\n  engine = "postgres"\n  instance_class = "db.t3.micro"\n  backup_retention_period = ${retention}\n}\n`;

  it("a Helm chart at the survival stage is a stage concern; at the scale stage it is not", async () => {
    const early = companyRepo("survival");
    addHelmChart(early);
    const { parsed } = await json(early);
    expect(parsed.fit).toEqual({
      stage: "survival",
      concerns: [
        {
          kind: "stage",
          file: "deploy/api/Chart.yaml",
          change: "adds a Helm chart (deploy/api)",
          message: expect.stringContaining("what does Kubernetes give us"),
        },
      ],
    });
    expect(parsed.cost).toBeNull();
    const later = companyRepo("scale");
    addHelmChart(later);
    expect((await json(later)).parsed.fit).toEqual({ stage: "scale", concerns: [] });
  });

  it("an EC2 instance and a NAT gateway: the estimate, its items and the budget line", async () => {
    const root = companyRepo("foundation");
    writeFileSync(
      join(root, "infra/main.tf"),
      'resource "aws_instance" "api" {\n  instance_type = "t3.medium"\n}\nresource "aws_nat_gateway" "main" {\n}\n',
    );
    const { parsed, code } = await json(root);
    expect(code).toBe(0);
    expect(parsed.cost).toEqual({
      monthlyDelta: 63.22,
      currency: "USD",
      source: "estimate",
      items: [
        {
          file: "infra/main.tf",
          resource: "aws_instance.api",
          monthlyDelta: 30.37,
          basis: "added: EC2 t3.medium $0.0416/h",
        },
        expect.objectContaining({ resource: "aws_nat_gateway.main", monthlyDelta: 32.85 }),
      ],
      unknown: [],
      budget: {
        monthlyBudget: 1500,
        currentMonthlySpend: 1200,
        projectedMonthlySpend: 1263.22,
        share: 0.842,
        exceeds: false,
      },
    });
    const text = await runCli(["review", "--base", "HEAD", "--root", root]);
    expect(text.stdout).toContain("Cost\nabout +$63.22/month (estimate, list price, us-east-1, 2026-12-05)");
    expect(text.stdout).toContain("Budget: +$63.22/month: projected $1,263.22 of a $1,500.00 budget (84%).");
  });

  it("--infracost FILE: its diffTotalMonthlyCost as given; a missing file is a usage error", async () => {
    const root = companyRepo("foundation");
    writeFileSync(join(root, "infra/main.tf"), 'resource "aws_instance" "api" {\n  instance_type = "t3.medium"\n}\n');
    const file = join(root, "..", `infracost-${Date.now()}.json`);
    writeFileSync(
      file,
      JSON.stringify({
        projects: [
          {
            name: "infra",
            metadata: { path: "infra" },
            diff: { resources: [{ name: "aws_instance.api", monthlyCost: "33.1" }] },
          },
        ],
        diffTotalMonthlyCost: "33.1031",
      }),
    );
    const { parsed } = await json(root, "--infracost", file);
    expect(parsed.cost).toMatchObject({
      monthlyDelta: 33.1031,
      source: "infracost",
      items: [{ file: "infra", resource: "aws_instance.api", monthlyDelta: 33.1, basis: "Infracost" }],
    });
    const missing = await runCli(["review", "--base", "HEAD", "--root", root, "--infracost", "nowhere.json"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--infracost nowhere.json");
  });

  it("turning off database backups is a security concern", async () => {
    const root = companyRepo("scale", { "infra/main.tf": database(7) });
    writeFileSync(join(root, "infra/main.tf"), database(0));
    const { parsed } = await json(root);
    expect(parsed.fit.concerns).toEqual([
      {
        kind: "security",
        file: "infra/main.tf",
        change: "turns off automated backups (backup_retention_period = 0) on aws_db_instance.main",
        message: expect.stringContaining("security minimum"),
      },
    ]);
    expect(parsed.cost).toBeNull();
  });
});
