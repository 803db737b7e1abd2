import { describe, expect, it } from "@jest/globals";
import type { Drafter } from "../../../src/llm/drafter.js";
import { silentLogger } from "../../../src/ports/logger.js";
import type { PullRequestInfo } from "../../../src/ports/pull-request.js";
import type { BotComment, ChangedFile } from "../../../src/ports/repository-view.js";
import type { CheckRunPlan } from "../../../src/report/check-run.js";
import type { ReviewContext } from "../../../src/use-cases/pull-request-check.js";
import { reviewPullRequest } from "../../../src/use-cases/review-pull-request.js";
import { templateText } from "../../support/data-files.js";

const database = 'resource "aws_db_instance" "main" {\n  engine = "postgres"\n}\n';

/** In-memory ports: the head's files, the changed paths (base versions absent: every file is new), our comment and check runs. */
function fakeRepository(files: Record<string, string>, options: { comment?: string; drafter?: Drafter } = {}) {
  const reads = { config: 0, changedFiles: 0, commentLists: 0 };
  const checkRuns: CheckRunPlan[] = [];
  let comment: BotComment | undefined = options.comment ? { id: 1, body: options.comment } : undefined;
  const context: ReviewContext = {
    view: {
      readConfigSources: async () => {
        reads.config++;
        return files[".github/cto-copilot.yml"] ? { repository: files[".github/cto-copilot.yml"] } : {};
      },
      listChangedFiles: async () => {
        reads.changedFiles++;
        return Object.keys(files).map((path): ChangedFile => ({ path, status: "added", additions: 1, deletions: 0 }));
      },
      readContents: async (ref, wanted) => ({
        files: new Map(
          (wanted.files ?? [])
            .filter((path) => ref === "head" && files[path] !== undefined)
            .map((path) => [path, { path, byteSize: files[path]!.length, text: files[path]! }]),
        ),
        directories: new Map((wanted.directories ?? []).map((dir) => [dir, []])),
      }),
      findComment: async () => {
        reads.commentLists++;
        return comment;
      },
    },
    publish: {
      findCheckRun: async () => undefined,
      createCheckRun: async (plan) => checkRuns.push(plan),
      upsertComment: async (_issue, _topic, body, upsert) => {
        if (upsert?.existing === undefined) throw new Error("the review must hand over the comment it read");
        if (!comment && upsert.createIfMissing === false) return { id: undefined, action: "absent" };
        const action = comment ? (comment.body === body ? "unchanged" : "updated") : "created";
        comment = { id: 1, body };
        return { id: 1, action };
      },
    },
    log: silentLogger,
    now: () => new Date("2025-11-03T09:00:00Z"),
    ...(options.drafter ? { drafterFor: () => options.drafter } : {}),
  };
  return { context, reads, checkRuns, comment: () => comment };
}

const pr: PullRequestInfo = {
  number: 7,
  headSha: "head",
  baseSha: "base",
  title: "Move orders to PostgreSQL",
  body: "",
  author: "ada",
  requestedReviewers: [],
  labels: [],
  draft: false,
  repositoryUrl: "https://github.com/acme/api",
  authorMayWrite: true,
};

describe("reviewPullRequest", () => {
  it("runs every check over one read of the config and the changed files, each outcome under its key", async () => {
    const repo = fakeRepository({ "infra/main.tf": database, "data/engineering/tech_debt.json": "{" });
    const review = await reviewPullRequest(repo.context, pr, { event: "opened" });
    expect(Object.keys(review.outcomes)).toEqual(["data", "cost", "fit", "adr"]);
    expect(review.outcomes.adr?.status).toBe("suggested");
    expect(review.outcomes.data?.status).toBe("posted");
    expect(repo.reads).toMatchObject({ config: 1, changedFiles: 1 });
    // The database's class is not in the code: its cost is unknown, and said so.
    expect(review.outcomes.cost?.cost?.unknown).toEqual([
      { file: "infra/main.tf", resource: "aws_db_instance.main", why: "instance_class is not set" },
    ]);
    expect(repo.checkRuns.map((plan) => plan.name)).toEqual([
      "CTO Co-Pilot / data",
      "CTO Co-Pilot / Cost",
      "CTO Co-Pilot / ADR",
    ]);
    expect(review.failures).toEqual(["the data files have errors"]);
  });

  it("leaves out a check that does not answer the event, and one the door did not ask for", async () => {
    const repo = fakeRepository({ "infra/main.tf": database, "data/engineering/tech_debt.json": "{" });
    // A label changes the ADR's answer (the skip label), never the data files at the head.
    const labeled = await reviewPullRequest(repo.context, pr, { event: "labeled" });
    expect(Object.keys(labeled.outcomes)).toEqual(["cost", "fit", "adr"]);
    const dataOnly = await reviewPullRequest(repo.context, pr, { event: "synchronize", only: ["data"] });
    expect(Object.keys(dataOnly.outcomes)).toEqual(["data"]);
    // Outside a webhook (the CLI) every check runs.
    expect(Object.keys((await reviewPullRequest(repo.context, pr, { dryRun: true })).outcomes)).toEqual([
      "data",
      "cost",
      "fit",
      "adr",
    ]);
  });

  it("passes when nothing fails: valid data files and an ADR suggested but not required", async () => {
    const repo = fakeRepository({
      "infra/main.tf": database,
      "data/engineering/tech_debt.json": templateText("tech_debt.json"),
    });
    const review = await reviewPullRequest(repo.context, pr, { event: "opened" });
    expect(review.failures).toEqual([]);
    const required = fakeRepository({
      "infra/main.tf": database,
      ".github/cto-copilot.yml": "adr:\n  require: true\n",
    });
    expect((await reviewPullRequest(required.context, pr, { event: "opened" })).failures).toEqual([
      "an ADR is required for this infrastructure change (adr.require)",
    ]);
  });
});

describe("the ADR comment: read, decided, then written", () => {
  const failingDrafter = () => {
    const asked: unknown[] = [];
    const drafter: Drafter = {
      draft: async (request) => {
        asked.push(request);
        return { ok: false, reason: "the model timed out" };
      },
    };
    return { drafter, asked };
  };
  // The draft alone: the near-threshold tie-break (adr.ai.classify) is review-adr-classification.test.ts's.
  const aiConfig = "ai:\n  enabled: true\nadr:\n  ai:\n    classify: false\n";

  it("a dry run returns the body that would be written, keeping the AI draft already in the comment, and asks no model", async () => {
    const { drafter, asked } = failingDrafter();
    const first = fakeRepository({ "infra/main.tf": database, ".github/cto-copilot.yml": aiConfig }, { drafter });
    const written = (await reviewPullRequest(first.context, pr, { event: "opened" })).outcomes.adr!;
    expect(asked).toHaveLength(1);
    expect(written.comment).toBe("created");
    expect(written.commentBody).toContain("The AI draft was not used (the model timed out)");
    expect(first.comment()?.body).toBe(written.commentBody);

    const again = fakeRepository(
      { "infra/main.tf": database, ".github/cto-copilot.yml": aiConfig },
      { drafter, comment: written.commentBody! },
    );
    const dry = (await reviewPullRequest(again.context, pr, { event: "synchronize", dryRun: true })).outcomes.adr!;
    expect(dry.comment).toBe("dry-run");
    expect(dry.commentBody).toBe(written.commentBody);
    expect(asked).toHaveLength(1);
  });

  it("a dry run with no comment yet shows the deterministic draft and spends no tokens", async () => {
    const { drafter, asked } = failingDrafter();
    const repo = fakeRepository({ "infra/main.tf": database, ".github/cto-copilot.yml": aiConfig }, { drafter });
    const dry = (await reviewPullRequest(repo.context, pr, { event: "opened", dryRun: true })).outcomes.adr!;
    expect(asked).toHaveLength(0);
    expect(dry.commentBody).toContain("aws_db_instance.main");
    expect(dry.commentBody).not.toContain("AI draft");
    expect(repo.comment()).toBeUndefined();
  });

  it("a resolved state edits the comment it read and never creates one; a just-opened PR is not even read", async () => {
    const repo = fakeRepository({ "src/app.ts": "x" }, { comment: "<!-- cto-copilot:adr -->\nPlease add an ADR" });
    const edited = (await reviewPullRequest(repo.context, pr, { event: "synchronize" })).outcomes.adr!;
    expect(edited).toMatchObject({ status: "not-needed", comment: "updated" });
    const fresh = fakeRepository({ "src/app.ts": "x" });
    const opened = (await reviewPullRequest(fresh.context, pr, { event: "opened" })).outcomes.adr!;
    expect(opened.comment).toBe("absent");
    expect(fresh.reads.commentLists).toBe(0);
  });
});

describe("the cost and the stage fit in the one comment", () => {
  const survival = JSON.stringify({ maturityStage: "survival" });

  it("an ADR suggestion carries the cost and the fit sections after it; the draft weighs buying the managed alternative", async () => {
    const repo = fakeRepository({
      "infra/main.tf":
        'resource "aws_instance" "api" {\n  instance_type = "t3.medium"\n}\nresource "helm_release" "db" {\n  chart = "postgresql"\n}\n',
      "data/engineering/tech_stack.json": survival,
    });
    const review = await reviewPullRequest(repo.context, pr, { event: "opened" });
    const body = repo.comment()!.body;
    expect(body.indexOf("### Architecture decision record suggested")).toBe(0);
    expect(body).toContain("### Cost of this change");
    expect(body).toContain("**about +$30.37/month (estimate, list price, us-east-1, 2026-12-05)**");
    expect(body).toContain("### Fit for the stage");
    expect(body).toContain("runs a PostgreSQL database (helm_release postgresql)");
    expect(body).toContain("| Buy: Amazon RDS, Cloud SQL or Azure Database for PostgreSQL |");
    expect(body).toContain("| Core differentiator? | Yes — own it | No — commodity it |");
    expect(review.outcomes.fit?.fit.stage).toBe("survival");
    expect(repo.checkRuns.map((plan) => [plan.name, plan.conclusion])).toContainEqual([
      "CTO Co-Pilot / Stage fit",
      "neutral",
    ]);
  });

  it("a security concern without an ADR to suggest still gets the comment, under its own heading", async () => {
    const repo = fakeRepository({
      "infra/db.tf":
        'resource "aws_s3_bucket_acl" "site" {\n  bucket = aws_s3_bucket.site.id\n  acl    = "public-read"\n}\n',
      ".github/cto-copilot.yml": "adr:\n  threshold: 100\n",
    });
    const review = await reviewPullRequest(repo.context, pr, { event: "opened" });
    expect(review.outcomes.adr?.status).not.toBe("suggested");
    expect(repo.comment()!.body).toContain("<!-- cto-copilot:sections -->");
    expect(repo.comment()!.body).toContain(
      "**Security minimum:** makes a bucket public (acl) on aws_s3_bucket_acl.site",
    );
  });

  it("costs.failOverBudget fails the review when the projection exceeds the budget; otherwise it warns", async () => {
    const files = {
      "infra/main.tf": 'resource "aws_instance" "api" {\n  instance_type = "m5.2xlarge"\n}\n',
      "data/engineering/infra_costs.json": JSON.stringify({
        monthlyBudget: 500,
        months: [{ month: "2026-11", totalSpend: 400 }],
      }),
    };
    // The data check is not asked: these files hold only the figures the budget line reads.
    const warned = await reviewPullRequest(fakeRepository(files).context, pr, { event: "opened", only: ["cost"] });
    expect(warned.failures).toEqual([]);
    expect(warned.outcomes.cost?.budget).toEqual({
      monthlyBudget: 500,
      currentMonthlySpend: 400,
      projectedMonthlySpend: 680.32,
      share: 1.361,
      exceeds: true,
    });
    expect(warned.outcomes.cost?.plan?.conclusion).toBe("neutral");
    const strict = fakeRepository({ ...files, ".github/cto-copilot.yml": "costs:\n  failOverBudget: true\n" });
    expect((await reviewPullRequest(strict.context, pr, { event: "opened", only: ["cost"] })).failures).toEqual([
      "the projected monthly spend exceeds the budget (costs.failOverBudget)",
    ]);
  });
});
