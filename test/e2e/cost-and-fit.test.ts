import { describe, expect, it } from "@jest/globals";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runAction } from "../support/action-runner.js";
import { useAppAndEmulator } from "../support/app-fixture.js";
import type { Pull, RepoState } from "../support/emulator/state.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";

const fixture = useAppAndEmulator();

const techStack = (stage: string) => JSON.stringify({ version: "1.0", maturityStage: stage }, null, 2);
const infraCosts = JSON.stringify(
  { version: "1.0", currency: "USD", monthlyBudget: 1500, months: [{ month: "2026-11", totalSpend: 1200 }] },
  null,
  2,
);
const helmChart = {
  "deploy/api/Chart.yaml": "apiVersion: v2\nname: api\nversion: 0.1.0\n",
  "deploy/api/templates/deployment.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n",
};
const instanceAndNat =
  'resource "aws_instance" "api" {\n  ami           = "ami-0abc"\n  instance_type = "t3.medium"\n}\n\nresource "aws_nat_gateway" "main" {\n  subnet_id = aws_subnet.public.id\n}\n';
const database = (retention: number) =>
  `resource "aws_db_instance" "main" {\n  engine                  = "postgres"\n  instance_class          = "db.t3.medium"\n  backup_retention_period = ${retention}\n}\n`;

function repoAt(name: string, stage: string, extra: Record<string, string> = {}): RepoState {
  return fixture.github.addRepo(name, {
    "data/engineering/tech_stack.json": techStack(stage),
    "data/engineering/infra_costs.json": infraCosts,
    "infra/main.tf": "# empty\n",
    ...extra,
  });
}

const comment = (repo: RepoState, pull: Pull) =>
  repo.comments.find((entry) => entry.issue === pull.number && entry.body.includes("<!-- cto-copilot:adr -->"))?.body ??
  "";
const check = (repo: RepoState, pull: Pull, name: string) =>
  repo.checkRuns.filter((run) => run.name === `CTO Co-Pilot / ${name}` && run.head_sha === pull.headSha);
/** Delivers the event and waits for the review's last write, the ADR check (past 9 s Probot answers 202 and works on). */
async function deliver(repo: RepoState, pull: Pull): Promise<void> {
  await fixture.app.deliver("pull_request", pullRequestPayload(repo, pull, "opened"));
  for (let waited = 0; check(repo, pull, "ADR").length === 0 && waited < 30_000; waited += 250)
    await new Promise((resolve) => setTimeout(resolve, 250));
}
const action = (repo: RepoState, pull: Pull, inputs: Record<string, string> = {}) =>
  runAction({
    event: "pull_request",
    payload: pullRequestPayload(repo, pull, "opened"),
    repository: repo.fullName,
    apiUrl: fixture.github.restUrl,
    graphqlUrl: fixture.github.graphqlUrl,
    inputs,
  });

describe("the cost and the stage fit through the App", () => {
  it("a Helm chart at the survival stage gets a stage concern; the same pull request at the scale stage does not", async () => {
    const early = repoAt("fit/survival", "survival");
    const earlyPull = early.openPullRequest(helmChart, { title: "Deploy the API with Helm" });
    await deliver(early, earlyPull);
    expect(comment(early, earlyPull)).toContain("### Fit for the stage");
    expect(comment(early, earlyPull)).toContain("**Stage:** adds a Helm chart (deploy/api)");
    expect(comment(early, earlyPull)).toContain("At the survival stage, what does Kubernetes give us");
    expect(check(early, earlyPull, "Stage fit")).toEqual([
      expect.objectContaining({
        conclusion: "neutral",
        output: expect.objectContaining({ title: "2 concerns: stage fit" }),
      }),
    ]);

    const later = repoAt("fit/scale", "scale");
    const laterPull = later.openPullRequest(helmChart, { title: "Deploy the API with Helm" });
    await deliver(later, laterPull);
    expect(comment(later, laterPull)).toContain("### Architecture decision record suggested");
    expect(comment(later, laterPull)).not.toContain("Fit for the stage");
    expect(check(later, laterPull, "Stage fit")).toEqual([]);
  });

  it("an EC2 instance and a NAT gateway get a monthly estimate within the list price, and a budget line", async () => {
    const repo = repoAt("cost/estimate", "foundation");
    const pull = repo.openPullRequest({ "infra/main.tf": instanceAndNat }, { title: "Add the API server" });
    await deliver(repo, pull);
    const body = comment(repo, pull);
    const figure = Number(
      /\*\*about \+\$([\d.,]+)\/month \(estimate, list price, us-east-1, \d{4}-\d{2}-\d{2}\)\*\*/.exec(body)?.[1],
    );
    // t3.medium ($0.0416/h) and a NAT gateway ($0.045/h) in us-east-1, 730 hours.
    expect(figure).toBeGreaterThan(60);
    expect(figure).toBeLessThan(66);
    expect(body).toContain("| `aws_instance.api` | `infra/main.tf` | +$30.37 | added: EC2 t3.medium $0.0416/h |");
    expect(body).toMatch(/\*\*Budget:\*\* \+\$63\.22\/month: projected \$1,263\.22 of a \$1,500\.00 budget \(84%\)\./);
    expect(check(repo, pull, "Cost")).toEqual([
      expect.objectContaining({
        conclusion: "success",
        output: expect.objectContaining({ title: expect.stringContaining("about +$63.22/month") }),
      }),
    ]);
  });

  it("a pull request turning off database backups gets a security concern, even without an ADR to suggest", async () => {
    const repo = repoAt("fit/backups", "scale", { "infra/main.tf": database(7) });
    const pull = repo.openPullRequest({ "infra/main.tf": database(0) }, { title: "Save on backups" });
    await deliver(repo, pull);
    const body = comment(repo, pull);
    expect(body).toContain("### CTO Co-Pilot review");
    expect(body).toContain(
      "**Security minimum:** turns off automated backups (backup_retention_period = 0) on aws_db_instance.main (`infra/main.tf`).",
    );
    expect(check(repo, pull, "Stage fit")).toEqual([expect.objectContaining({ conclusion: "neutral" })]);
    // No ADR asked for an attribute change: the ADR check passes.
    expect(check(repo, pull, "ADR").map((run) => run.conclusion)).toEqual(["success"]);
  });
});

describe("the cost and the stage fit through the Action", () => {
  it("uses an Infracost JSON's diffTotalMonthlyCost as given", async () => {
    const repo = repoAt("cost/infracost", "foundation");
    const pull = repo.openPullRequest({ "infra/main.tf": instanceAndNat }, { title: "Add the API server" });
    const dir = mkdtempSync(join(tmpdir(), "infracost-"));
    const file = join(dir, "infracost.json");
    writeFileSync(
      file,
      JSON.stringify({
        version: "0.2",
        currency: "USD",
        projects: [
          {
            name: "infra",
            metadata: { path: "infra" },
            diff: {
              resources: [
                { name: "aws_instance.api", monthlyCost: "35.04" },
                { name: "aws_nat_gateway.main", monthlyCost: "43.07" },
              ],
            },
          },
        ],
        totalMonthlyCost: "1278.11",
        pastTotalMonthlyCost: "1200",
        diffTotalMonthlyCost: "78.11",
      }),
    );
    const result = await action(repo, pull, { "infracost-json": file });
    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({
      "cost-monthly-delta": "78.11",
      "cost-source": "infracost",
      "budget-exceeded": "false",
    });
    const body = comment(repo, pull);
    expect(body).toContain("**+$78.11/month (Infracost)**");
    expect(body).toContain("| `aws_nat_gateway.main` | `infra` | +$43.07 | Infracost |");
    expect(body).toContain("**Budget:** +$78.11/month: projected $1,278.11 of a $1,500.00 budget (85%).");
    expect(result.summary).toContain("### Cost of this change");
  }, 30_000);

  it("shows the same comment and checks as the App for a survival-stage Helm chart; costs.failOverBudget fails the step", async () => {
    const viaApp = repoAt("fit/door-app", "survival");
    const viaAction = repoAt("fit/door-action", "survival");
    const appPull = viaApp.openPullRequest(helmChart, { title: "Helm" });
    const actionPull = viaAction.openPullRequest(helmChart, { title: "Helm" });
    await deliver(viaApp, appPull);
    const result = await action(viaAction, actionPull);
    expect(result.outputs).toMatchObject({ "fit-concerns": "2", "adr-status": "suggested" });
    const normalise = (body: string, repo: RepoState, sha: string) =>
      body.replaceAll(repo.fullName, "REPO").replaceAll(sha, "SHA");
    expect(normalise(comment(viaAction, actionPull), viaAction, actionPull.headSha)).toBe(
      normalise(comment(viaApp, appPull), viaApp, appPull.headSha),
    );
    const runs = (repo: RepoState, pull: Pull) =>
      ["Stage fit", "ADR"].map((name) => check(repo, pull, name).map((run) => [run.conclusion, run.output.title]));
    expect(runs(viaAction, actionPull)).toEqual(runs(viaApp, appPull));

    const strict = repoAt("cost/strict", "foundation", {
      ".github/cto-copilot.yml": "costs:\n  failOverBudget: true\n",
    });
    const big = strict.openPullRequest(
      { "infra/main.tf": 'resource "aws_instance" "big" {\n  instance_type = "m5.4xlarge"\n}\n' },
      { title: "A bigger box" },
    );
    const failed = await action(strict, big);
    expect(failed.exitCode).toBe(1);
    expect(failed.stdout).toContain("the projected monthly spend exceeds the budget (costs.failOverBudget)");
    expect(check(strict, big, "Cost")).toEqual([expect.objectContaining({ conclusion: "failure" })]);
  }, 60_000);
});
