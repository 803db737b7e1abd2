import { describe, expect, it } from "@jest/globals";
import { readAdr } from "../../../src/adr/read-adr.js";
import { brokenSupersedeLinks, findRelatedAdrs } from "../../../src/adr/related-adrs.js";
import { maxCommentLength, renderResolved, renderSuggestion } from "../../../src/adr/render-comment.js";
import { adrFileNameFor, renderAdrDraft } from "../../../src/adr/render-draft.js";
import type { InfraChange } from "../../../src/adr/detect-infra-changes.js";
import { adrRules } from "../../../src/validate/rules/adr.js";
import { templateText } from "../../support/data-files.js";

const nygard = `# 2. Use PostgreSQL for orders\n\nDate: 2024-03-01\n\n## Status\n\nSuperseded by [5. Move orders to Aurora](0005-move-orders-to-aurora.md)\n\n## Context\n\nWe need transactions.\n\n## Decision\n\nPostgreSQL.\n\n## Consequences\n\nNone.\n`;
const madr = `---\nstatus: accepted\ndate: 2024-06-10\n---\n# Use Redis for sessions\n\n## Context and Problem Statement\n\nSessions must survive deploys.\n`;
const madrOld = `# Use Kubernetes for workloads\n\n* Status: accepted\n* Deciders: platform team\n* Date: 2023-09-01\n\n## Context and Problem Statement\n\nWe run many services.\n`;

describe("reading ADRs in every common format", () => {
  it("the project's format", () => {
    expect(
      readAdr(
        "data/engineering/adrs/adr_2025-06-01_use-postgresql.md",
        templateText("adrs/adr_2025-06-01_use-postgresql.md"),
      ),
    ).toMatchObject({
      title: "Use PostgreSQL on RDS as the primary database",
      status: "accepted",
      date: "2025-06-01",
      format: "cto-copilot",
    });
  });

  it("Nygard / adr-tools, with its superseded link", () => {
    expect(readAdr("docs/adr/0002-use-postgresql-for-orders.md", nygard)).toMatchObject({
      title: "Use PostgreSQL for orders",
      status: "superseded",
      date: "2024-03-01",
      supersededBy: ["0005-move-orders-to-aurora.md"],
      format: "nygard",
    });
  });

  it("MADR with front matter and with status lines", () => {
    expect(readAdr("docs/decisions/0003-use-redis-for-sessions.md", madr)).toMatchObject({
      title: "Use Redis for sessions",
      status: "accepted",
      date: "2024-06-10",
      format: "madr",
    });
    expect(readAdr("docs/decisions/0001-use-kubernetes.md", madrOld)).toMatchObject({
      title: "Use Kubernetes for workloads",
      status: "accepted",
      date: "2023-09-01",
      format: "madr",
    });
  });

  it("reports superseded links that point nowhere", () => {
    const adrs = [readAdr("docs/adr/0002-use-postgresql-for-orders.md", nygard)];
    expect(brokenSupersedeLinks(adrs)).toEqual([
      "docs/adr/0002-use-postgresql-for-orders.md is superseded by 0005-move-orders-to-aurora.md, which does not exist",
    ]);
  });
});

describe("related decisions in force", () => {
  const adrs = [
    readAdr(
      "data/engineering/adrs/adr_2025-06-01_use-postgresql.md",
      templateText("adrs/adr_2025-06-01_use-postgresql.md"),
    ),
    readAdr("data/engineering/adrs/adr_2025-01-15_use-mysql.md", templateText("adrs/adr_2025-01-15_use-mysql.md")),
    readAdr("docs/decisions/0003-use-redis-for-sessions.md", madr),
    readAdr("docs/decisions/0001-use-kubernetes.md", madrOld),
  ];

  it("a Terraform aws_db_instance change finds the accepted PostgreSQL ADR, not the superseded MySQL one", () => {
    const change: InfraChange = {
      file: "infra/db.tf",
      category: "infrastructure-as-code",
      reason: "x",
      technologies: ["terraform/opentofu", "aws_db_instance"],
    };
    const related = findRelatedAdrs(adrs, [change]);
    expect(related.map((adr) => adr.title)).toEqual(["Use PostgreSQL on RDS as the primary database"]);
    expect(related[0]!.why).toEqual(expect.arrayContaining(["rds", "postgresql", "database"]));
  });

  it("a Helm change finds the Kubernetes decision; an added ioredis finds the Redis one", () => {
    expect(
      findRelatedAdrs(adrs, [
        { file: "charts/api/Chart.yaml", category: "orchestration", reason: "x", technologies: ["kubernetes", "helm"] },
      ]).map((adr) => adr.title),
    ).toEqual(["Use Kubernetes for workloads"]);
    expect(
      findRelatedAdrs(adrs, [
        { file: "package.json", category: "dependencies", reason: "x", technologies: ["ioredis"] },
      ]).map((adr) => adr.title),
    ).toEqual(["Use Redis for sessions"]);
  });
});

describe("the ADR draft and the comment", () => {
  const changes: InfraChange[] = [
    {
      file: "infra/db.tf",
      category: "infrastructure-as-code",
      reason: "adds aws_db_instance.main",
      technologies: ["aws_db_instance"],
    },
  ];
  const draft = renderAdrDraft({
    title: "feat: Move sessions to Redis",
    body: "We keep losing sessions on deploy.\n\n<!-- template -->",
    author: "ada",
    reviewers: ["ben", "ada"],
    pullNumber: 42,
    changes,
    today: new Date("2025-11-03T10:00:00Z"),
    reviewAfterMonths: 6,
  });

  it("is a valid ADR in the project's format, named adr_YYYY-MM-DD_slug.md, with a review date", () => {
    expect(draft.fileName).toBe("adr_2025-11-03_move-sessions-to-redis.md");
    expect(adrRules(draft.fileName, draft.text, new Set())).toEqual([]);
    expect(draft.text).toContain("**Deciders:** @ada, @ben");
    expect(draft.text).toContain("### Review Date\n2026-05-03");
    expect(draft.text).toContain("| Do nothing |");
    expect(draft.text).not.toContain("<!-- template -->");
  });

  it("slugs any title, including non-ASCII and empty ones", () => {
    expect(adrFileNameFor("2025-11-03", "Réécrire l'API: v2!")).toBe("adr_2025-11-03_reecrire-l-api-v2.md");
    expect(adrFileNameFor("2025-11-03", "🚀")).toBe("adr_2025-11-03_decision.md");
    expect(adrFileNameFor("2031-01-31", "x").length).toBeLessThan(80);
  });

  it("neutralises mentions, issue references and HTML from the PR, and cannot be broken out of its code block", () => {
    const hostile = renderAdrDraft({
      title: "@org/admins fixes #1 <script>",
      body: "````\n@everyone closes #2 <img src=x onerror=alert(1)>\n````",
      author: "mallory",
      reviewers: [],
      changes,
      today: new Date("2025-11-03T00:00:00Z"),
      reviewAfterMonths: 6,
    });
    const comment = renderSuggestion({
      changes: [{ ...changes[0]!, file: "infra/@org/team-#3.tf" }],
      related: [],
      draft: hostile,
      adrDirectory: "data/engineering/adrs",
      skipLabel: "no-adr",
      repositoryUrl: "https://github.com/acme/app",
      headSha: "abc",
      required: false,
    });
    const fenceOpen = /^(`{5,})markdown$/m.exec(comment);
    expect(fenceOpen).not.toBeNull();
    const [before, inside, after] = comment.split(new RegExp(`^${fenceOpen![1]}(?:markdown)?$`, "m"));
    expect(inside).toContain("@org/admins fixes #1"); // inert inside the fence
    for (const outside of [before!, after!]) {
      expect(outside).not.toMatch(/@[a-z]/i);
      expect(outside).not.toMatch(/#\d/);
      expect(outside).not.toMatch(/<(script|img)/);
    }
  });

  it("stays under GitHub's comment limit for a PR with 3,000 files", () => {
    const many: InfraChange[] = Array.from({ length: 3000 }, (_, index) => ({
      file: `infra/${"module/".repeat(30)}m${index}.tf`,
      category: "infrastructure-as-code",
      reason: "Terraform/OpenTofu file changed",
      technologies: [],
    }));
    const big = renderAdrDraft({
      title: "Split the network",
      body: "x".repeat(100_000),
      author: "ada",
      reviewers: [],
      changes: many,
      today: new Date("2025-11-03T00:00:00Z"),
      reviewAfterMonths: 6,
    });
    const comment = renderSuggestion({
      changes: many,
      related: [],
      draft: big,
      adrDirectory: "data/engineering/adrs",
      skipLabel: "no-adr",
      repositoryUrl: "https://github.com/acme/app",
      headSha: "abc",
      required: true,
    });
    expect(comment.length).toBeLessThanOrEqual(maxCommentLength);
    expect(comment).toContain("…and 2950 more files.");
    expect(comment).toContain("</details>");
  });

  it("says why it is resolved, quoting a waiver safely", () => {
    expect(renderResolved({ kind: "waiver", reason: "Only renames @ops resources, see #12" })).toContain(
      'Waived in the description: "Only renames @\u200dops resources, see #\u200d12"',
    );
    expect(renderResolved({ kind: "adr-added", files: ["data/engineering/adrs/adr_2025-11-03_x.md"] })).toContain(
      "adds `data/engineering/adrs/adr_2025-11-03_x.md`",
    );
    expect(renderResolved({ kind: "label", label: "no-adr" })).toContain("`no-adr` label");
  });
});
