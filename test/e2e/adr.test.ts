import { describe, expect, it } from "@jest/globals";
import { runAction } from "../support/action-runner.js";
import { useAppAndEmulator } from "../support/app-fixture.js";
import { templateText } from "../support/data-files.js";
import type { Pull, RepoState } from "../support/emulator/state.js";
import { pullRequestPayload } from "../support/webhook-payloads.js";
import { contentOf } from "../../src/markdown/ownership.js";

const fixture = useAppAndEmulator();

const postgresAdr = templateText("adrs/adr_2025-06-01_use-postgresql.md");
const terraform = 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n';

function infraRepo(name: string, extra: Record<string, string> = {}): RepoState {
  return fixture.github.addRepo(name, {
    "data/engineering/adrs/adr_2025-06-01_use-postgresql.md": postgresAdr,
    "infra/main.tf": "# empty\n",
    ...extra,
  });
}

const marked = (repo: RepoState, pull: Pull) =>
  repo.comments.filter((comment) => comment.issue === pull.number && comment.body.includes("<!-- cto-copilot:adr -->"));
const adrChecks = (repo: RepoState, sha: string) =>
  repo.checkRuns.filter((run) => run.name === "CTO Co-Pilot / ADR" && run.head_sha === sha);
const deliver = (repo: RepoState, pull: Pull, action: string) =>
  fixture.app.deliver("pull_request", pullRequestPayload(repo, pull, action));

describe("ADR suggestions through the App", () => {
  it("an infrastructure PR gets one suggestion comment, with the related ADR and a draft, and a neutral check", async () => {
    const repo = infraRepo("adr/suggest");
    const pull = repo.openPullRequest(
      { "infra/main.tf": terraform },
      { title: "Move the database to RDS", body: "We outgrew the VM." },
    );
    expect((await deliver(repo, pull, "opened")).status).toBe(200);
    const [comment] = marked(repo, pull);
    expect(marked(repo, pull)).toHaveLength(1);
    expect(comment!.body).toContain("| Infrastructure as code | `infra/main.tf` | adds aws_db_instance.main |");
    expect(comment!.body).toContain(
      `[Use PostgreSQL on RDS as the primary database](https://github.com/adr/suggest/blob/${pull.headSha}/data/engineering/adrs/adr_2025-06-01_use-postgresql.md)`,
    );
    expect(comment!.body).toMatch(/data\/engineering\/adrs\/adr_\d{4}-\d{2}-\d{2}_move-the-database-to-rds\.md/);
    expect(comment!.body).toContain("We outgrew the VM.");
    expect(adrChecks(repo, pull.headSha)).toEqual([expect.objectContaining({ conclusion: "neutral" })]);
  });

  it("a title that states a decision the files bear out counts; the same files under a plain title do not", async () => {
    // A script no reader knows: only the title can say what it brings in.
    const script = { "bootstrap/longhorn.sh": "#!/bin/sh\nhelm upgrade --install storage ./charts/storage\n" };
    const repo = infraRepo("adr/stated");
    const stated = repo.openPullRequest(script, { title: "feat!: install Longhorn for persistent volumes" });
    await deliver(repo, stated, "opened");
    const body = marked(repo, stated)[0]!.body;
    expect(body).toContain(
      '| Orchestration | `bootstrap/longhorn.sh` | the change says "install Longhorn for persistent volumes" and adds bootstrap/longhorn.sh |',
    );
    // The draft is named after the decision, not the commit type.
    expect(body).toContain("## ADR: install Longhorn for persistent volumes");
    expect(body).toMatch(/adr_\d{4}-\d{2}-\d{2}_install-longhorn-for-persistent-volumes\.md/);
    const plain = repo.openPullRequest(script, { title: "Tidy the bootstrap scripts" });
    await deliver(repo, plain, "opened");
    expect(marked(repo, plain)).toEqual([]);
  });

  it("redeliveries and a synchronize keep one comment; adding an ADR edits it to resolved", async () => {
    const repo = infraRepo("adr/lifecycle");
    const pull = repo.openPullRequest({ "infra/main.tf": terraform }, { title: "Add a read replica" });
    const payload = pullRequestPayload(repo, pull, "opened");
    for (let i = 0; i < 5; i++) await fixture.app.deliver("pull_request", payload);
    repo.pushToPullRequest(pull.number, { Dockerfile: "FROM node:22\n" });
    await deliver(repo, pull, "synchronize");
    expect(marked(repo, pull)).toHaveLength(1);
    expect(marked(repo, pull)[0]!.body).toContain("`Dockerfile`");
    repo.pushToPullRequest(pull.number, {
      "data/engineering/adrs/adr_2025-11-03_read-replica.md": postgresAdr
        .replace("Use PostgreSQL on RDS", "Add a read replica")
        .replace("2025-06-01", "2025-11-03"),
    });
    await deliver(repo, pull, "synchronize");
    expect(marked(repo, pull)).toHaveLength(1);
    expect(marked(repo, pull)[0]!.body).toContain(
      "This pull request adds `data/engineering/adrs/adr_2025-11-03_read-replica.md`",
    );
    expect(adrChecks(repo, pull.headSha)).toEqual([expect.objectContaining({ conclusion: "success" })]);
  });

  it("the skip label and an ADR-Exempt line resolve the same comment", async () => {
    const repo = infraRepo("adr/waive");
    const pull = repo.openPullRequest({ "infra/main.tf": terraform }, { title: "Rename tags" });
    await deliver(repo, pull, "opened");
    pull.labels = ["no-adr"];
    await deliver(repo, pull, "labeled");
    expect(marked(repo, pull)[0]!.body).toContain("Skipped: the pull request carries the `no-adr` label.");
    pull.labels = [];
    await deliver(repo, pull, "unlabeled");
    expect(marked(repo, pull)[0]!.body).toContain("### Architecture decision record suggested");
    pull.body = "Cosmetic.\n\nADR-Exempt: only renames tags, ping @ops-team";
    await deliver(repo, pull, "edited");
    expect(marked(repo, pull)).toHaveLength(1);
    expect(marked(repo, pull)[0]!.body).toContain(
      'Waived in the description: "only renames tags, ping @\u200dops-team"',
    );
  });

  it("adr.require turns the check into a failure; a PR without infrastructure changes gets nothing", async () => {
    const repo = infraRepo("adr/require", { ".github/cto-copilot.yml": "adr:\n  require: true\n" });
    const pull = repo.openPullRequest({ "infra/main.tf": terraform });
    await deliver(repo, pull, "opened");
    expect(adrChecks(repo, pull.headSha)).toEqual([expect.objectContaining({ conclusion: "failure" })]);
    const quiet = infraRepo("adr/quiet");
    const docs = quiet.openPullRequest({ "docs/guide.md": "# Guide\n" });
    await deliver(quiet, docs, "opened");
    expect(quiet.comments).toEqual([]);
    expect(quiet.checkRuns).toEqual([]);
  });

  it("drafts are skipped unless config says otherwise", async () => {
    const repo = infraRepo("adr/draft");
    const pull = repo.openPullRequest({ "infra/main.tf": terraform }, { draft: true });
    await deliver(repo, pull, "opened");
    expect(repo.comments).toEqual([]);
  });

  it("a 100-file infrastructure PR costs 12 requests; a 3,000-file PR gets one comment under the size limit", async () => {
    const files: Record<string, string> = {};
    for (let i = 0; i < 100; i++)
      files[i < 30 ? `infra/stacks/s${i}/main.tf` : `src/file-${i}.ts`] =
        i < 30 ? terraform : `export const x = ${i};\n`;
    const repo = infraRepo("adr/hundred");
    const pull = repo.openPullRequest(files);
    const before = fixture.github.requests.length;
    await deliver(repo, pull, "opened");
    const sent = fixture.github.requests.slice(before).filter((request) => !request.path.includes("/access_tokens"));
    expect(sent.map((request) => `${request.method} ${request.path.replace(/[0-9a-f]{40}/, "SHA")}`).sort()).toEqual(
      [
        "POST /api/graphql", // config
        "GET /repos/adr/hundred/pulls/1/files",
        "POST /api/graphql", // the 30 Terraform files at the head (added: no base version to read)
        "POST /api/graphql", // the Terraform directories' listings: a reusable module's root or a deployed configuration?
        "POST /api/graphql", // ADR directories
        "POST /api/graphql", // ADR texts
        "GET /repos/adr/hundred/issues/1/comments",
        "POST /repos/adr/hundred/issues/1/comments",
        "GET /repos/adr/hundred/commits/SHA/check-runs",
        "POST /repos/adr/hundred/check-runs",
        // The Cost check: the databases' classes are not in the code, so their cost is unknown, and said so.
        "GET /repos/adr/hundred/commits/SHA/check-runs",
        "POST /repos/adr/hundred/check-runs",
      ].sort(),
    );

    const huge: Record<string, string> = {};
    for (let i = 0; i < 3000; i++)
      huge[`infra/stacks/${"nested/".repeat(10)}s${i}.tf`] = `resource "aws_s3_bucket" "b${i}" {}\n`;
    const big = infraRepo("adr/huge");
    const bigPull = big.openPullRequest(huge);
    const start = fixture.github.requests.length;
    await deliver(big, bigPull, "opened");
    // Past 9 s Probot answers 202 and the work goes on: wait for its last write, the check.
    for (let waited = 0; adrChecks(big, bigPull.headSha).length === 0 && waited < 30_000; waited += 250)
      await new Promise((resolve) => setTimeout(resolve, 250));
    expect(marked(big, bigPull)).toHaveLength(1);
    expect(marked(big, bigPull)[0]!.body.length).toBeLessThan(65_536);
    // The first 500 infrastructure files are read: 500 decisions, 50 listed.
    expect(marked(big, bigPull)[0]!.body).toContain("…and 450 more files.");
    // 30 pages of changed files, the first 500 infrastructure files read (50 a query, shared by the cost and the ADR),
    // then the same 10 requests as any infrastructure PR (the Terraform directory's listing among them).
    expect(fixture.github.requests.length - start).toBe(30 + 10 + 10);
  }, 90_000);

  it("the Action behaves as the App on the same event: the same comment and check", async () => {
    const viaApp = infraRepo("adr/door-app");
    const viaAction = infraRepo("adr/door-action");
    const appPull = viaApp.openPullRequest({ "infra/main.tf": terraform }, { title: "Use RDS", body: "Context." });
    const actionPull = viaAction.openPullRequest(
      { "infra/main.tf": terraform },
      { title: "Use RDS", body: "Context." },
    );
    await deliver(viaApp, appPull, "opened");
    const result = await runAction({
      event: "pull_request",
      payload: pullRequestPayload(viaAction, actionPull, "opened"),
      repository: viaAction.fullName,
      apiUrl: fixture.github.restUrl,
      graphqlUrl: fixture.github.graphqlUrl,
    });
    expect(result.outputs).toMatchObject({ "adr-status": "suggested", "adr-triggered": "true", conclusion: "skipped" });
    // Below the marker (whose fingerprint hashes the repository's own text).
    const normalise = (body: string, repo: RepoState, sha: string) =>
      contentOf(body).replaceAll(repo.fullName, "REPO").replaceAll(sha, "SHA");
    expect(normalise(marked(viaAction, actionPull)[0]!.body, viaAction, actionPull.headSha)).toBe(
      normalise(marked(viaApp, appPull)[0]!.body, viaApp, appPull.headSha),
    );
    expect(adrChecks(viaAction, actionPull.headSha).map((run) => [run.conclusion, run.output.title])).toEqual(
      adrChecks(viaApp, appPull.headSha).map((run) => [run.conclusion, run.output.title]),
    );
  }, 30_000);
});
