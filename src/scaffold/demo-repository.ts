import { planInit } from "./plan-init.js";
import { dataLayoutOf, type DataLayout } from "../schemas/data-files.js";
import { defaultConfig } from "../schemas/config.js";

/**
 * A small engineering repository for the demo, as data: a year of a service's history with
 * release tags on two lines (2.x on main, a 1.4.x maintenance line with backports), a release
 * reverted the next day, a hotfix, merged feature branches, and the data files a team would
 * keep (debt, infrastructure costs, team, a post-mortem, an ADR). Deterministic: the same plan
 * every time, anchored at `demoNow`.
 */

export const demoNow = "2025-11-01T00:00:00Z";

interface DemoCommit {
  /** A name other commits and tags use to refer to it. */
  id: string;
  branch: string;
  parents: string[];
  subject: string;
  body?: string;
  /** Author and committer time, epoch seconds. */
  time: number;
}

interface DemoTag {
  name: string;
  commit: string;
  time: number;
}

export interface DemoRepository {
  commits: DemoCommit[];
  tags: DemoTag[];
  /** Files of the working tree, by path. */
  files: Record<string, string>;
}

const day = 86_400;
const at = (iso: string) => Date.parse(iso) / 1000;
const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

const features = [
  "search filters",
  "invoice PDFs",
  "team invites",
  "audit log",
  "webhooks",
  "CSV import",
  "SSO login",
  "usage dashboard",
  "rate limits",
  "dark mode",
  "billing portal",
  "API keys",
  "email digests",
  "bulk export",
];

export function planDemoRepository(): DemoRepository {
  const commits: DemoCommit[] = [];
  const tags: DemoTag[] = [];
  let main = "";
  let counter = 0;
  const commit = (branch: string, parents: string[], subject: string, time: number, body?: string) => {
    const id = `c${++counter}`;
    commits.push({ id, branch, parents, subject, time, ...(body ? { body } : {}) });
    return id;
  };
  const onMain = (subject: string, time: number, body?: string) =>
    (main = commit("main", main ? [main] : [], subject, time, body));
  /** A feature branch of two commits, merged into main. */
  const feature = (name: string, time: number) => {
    const first = commit(`feature/${counter}`, [main], `feat: ${name}`, time);
    const second = commit(`feature/${counter}`, [first], `test: ${name}`, time + 3 * 3600);
    main = commit(
      "main",
      [main, second],
      `Merge pull request #${100 + counter} from acme/feature-${counter}`,
      time + 26 * 3600,
    );
  };

  onMain("chore: initial service", at("2024-11-04T09:00:00Z"));
  tags.push({ name: "v1.0.0", commit: main, time: at("2024-11-04T16:00:00Z") });
  // Release 1.x every two weeks until 2.0 (February).
  let time = at("2024-11-05T09:00:00Z");
  for (let minor = 1; minor <= 4; minor++) {
    for (let i = 0; i < 6; i++, time += day)
      onMain(`fix: ${features[(minor * 3 + i) % features.length]} edge case ${i + 1}`, time);
    feature(features[minor % features.length]!, time);
    time += 2 * day;
    tags.push({ name: `v1.${minor}.0`, commit: main, time: time + 7 * 3600 });
    time += 7 * day;
  }
  const maintenanceBase = main;
  // 2.0 and weekly 2.x releases from February to the end of October.
  time = at("2025-02-03T09:00:00Z");
  onMain("feat!: accounts and workspaces (2.0)", time);
  tags.push({ name: "v2.0.0", commit: main, time: time + 8 * 3600 });
  let minor = 0;
  let maintenance = maintenanceBase;
  let patch = 0;
  for (let week = 1; time < at("2025-10-27T00:00:00Z"); week++) {
    time += 7 * day;
    const subject = features[week % features.length]!;
    onMain(`fix: ${subject} validation`, time - 2 * day);
    onMain(`perf: faster ${subject} queries`, time - day);
    if (week % 3 === 0) feature(`${subject} v${week}`, time - 3 * day);
    minor++;
    tags.push({ name: `v2.${minor}.0`, commit: main, time: time + 6 * 3600 });
    if (week % 5 === 0) {
      // A backport to the 1.4 line, which some customers still run.
      maintenance = commit(
        "1.4.x",
        [maintenance],
        `fix: ${subject} validation (backport)`,
        time - 2 * day,
        "(cherry picked from commit of the 2.x fix)",
      );
      tags.push({ name: `v1.4.${++patch}`, commit: maintenance, time: time + 9 * 3600 });
    }
    if (minor === 33) {
      // Released, broke exports, reverted the next day.
      onMain("feat: bulk export of invoices", time + day);
      tags.push({ name: `v2.${minor}.1`, commit: main, time: time + day + 5 * 3600 });
      onMain(
        'Revert "feat: bulk export of invoices"',
        time + 2 * day,
        "Bulk export broke invoice totals for multi-currency accounts.",
      );
      tags.push({ name: `v2.${minor}.2`, commit: main, time: time + 2 * day + 3 * 3600 });
    }
    if (minor === 36) {
      onMain("hotfix: currency rounding in invoices", time + 2 * day);
      tags.push({ name: `v2.${minor}.1`, commit: main, time: time + 2 * day + 2 * 3600 });
    }
  }
  return { commits, tags, files: demoFiles(dataLayoutOf(defaultConfig())) };
}

/** One month of infrastructure costs (RDS, ECS Fargate, Vercel), its total the sum of the services. */
function month(
  name: string,
  [rds, ecs, vercel]: [number, number, number],
  mrr: number,
  activeCustomers: number,
  compute: number,
) {
  const byService = [
    { service: "RDS", spend: rds },
    { service: "ECS Fargate", spend: ecs },
    { service: "Vercel", spend: vercel },
  ];
  return { month: name, totalSpend: rds + ecs + vercel, byService, mrr, activeCustomers, utilization: { compute } };
}

/** The data files of the demo: the `init` tree, filled in as a 6-engineer team keeps it. */
function demoFiles(layout: DataLayout): Record<string, string> {
  // Filled in place, so the files keep init's order; those init does not write come after.
  const files = Object.fromEntries(planInit(new Date(demoNow), layout).map((file) => [file.path, file.content]));
  const data = layout.dataDir;
  files[`${data}/tech_stack.json`] = demoTechStack(files[`${data}/tech_stack.json`]!);
  files[`${data}/tech_debt.json`] = demoTechDebt();
  files[`${data}/infra_costs.json`] = demoInfraCosts();
  files[`${data}/team.json`] = demoTeam();
  files[`${layout.incidents}/incident_2025-10-14.md`] = demoPostMortem();
  files["SECURITY.md"] = "# Security\n\nReport vulnerabilities to security@example.com.\n";
  files[".github/dependabot.yml"] =
    "version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule: { interval: weekly }\n";
  // Code scanning with pinned actions and least-privilege permissions: the foundation stage's minimum, present.
  files[".github/workflows/codeql.yml"] = [
    "name: CodeQL",
    "on:",
    "  push:",
    "    branches: [main]",
    "permissions:",
    "  contents: read",
    "  security-events: write",
    "jobs:",
    "  analyze:",
    "    runs-on: ubuntu-latest",
    "    steps:",
    "      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2",
    "      - uses: github/codeql-action/init@b56ba49b26e50535fa1e7f7db0f4f7b4bf65d80d # v3",
    "        with: { languages: javascript-typescript }",
    "      - uses: github/codeql-action/analyze@b56ba49b26e50535fa1e7f7db0f4f7b4bf65d80d # v3",
    "",
  ].join("\n");
  return files;
}

/** init's tech_stack.json with the service's backend, database, pipeline and team. */
function demoTechStack(initial: string): string {
  const techStack = JSON.parse(initial);
  techStack.maturityStage = "foundation";
  techStack.stack.backend = { language: "TypeScript", framework: "NestJS", hosting: "AWS ECS Fargate", notes: "" };
  techStack.stack.database = { primary: "PostgreSQL 16", provider: "AWS RDS", notes: "" };
  techStack.stack.cicd = {
    pipeline: "GitHub Actions",
    deploymentFrequency: "weekly",
    notes: "release tags v2.x; 1.4.x maintenance line",
  };
  techStack.team = { headcount: 6, roles: ["backend", "frontend", "platform"], oncallRotation: true };
  return json(techStack);
}

/** Two open debt items (one critical) and one resolved. */
function demoTechDebt(): string {
  return json({
    version: "1.0",
    lastUpdated: "2025-10-30",
    items: demoDebtItems(),
    summary: { critical: 1, high: 0, medium: 1, low: 0, totalEstimatedDays: 12 },
  });
}

function demoDebtItems() {
  return [
    {
      id: "debt_001",
      title: "No integration tests for billing",
      description: "Billing changes ship with unit tests only.",
      quadrant: "reckless_deliberate",
      impact: "causing_incidents",
      estimatedDays: 8,
      priority: "critical",
      createdAt: "2025-08-12",
      resolvedAt: null,
    },
    {
      id: "debt_002",
      title: "Hand-rolled auth middleware",
      description: "Replace with the framework's guards.",
      quadrant: "prudent_deliberate",
      impact: "slowing_onboarding",
      estimatedDays: 4,
      priority: "medium",
      createdAt: "2025-06-01",
      resolvedAt: null,
    },
    {
      id: "debt_003",
      title: "Monolithic deploy script",
      description: "Split into per-service pipelines.",
      quadrant: "prudent_inadvertent",
      impact: "accumulating",
      estimatedDays: 3,
      priority: "low",
      createdAt: "2025-03-10",
      resolvedAt: "2025-10-20",
    },
  ];
}

/** Two months of costs, within the budget. */
function demoInfraCosts(): string {
  return json({
    version: "1.0",
    lastUpdated: "2025-10-31",
    currency: "USD",
    monthlyBudget: 15000,
    months: [
      month("2025-09", [5200, 4100, 2500], 96000, 140, 0.38),
      month("2025-10", [5400, 4400, 2600], 101000, 151, 0.42),
    ],
  });
}

function demoTeam(): string {
  const members = [
    ["Ada Park", "adapark", "engineering manager"],
    ["Ben Ortiz", "bortiz", "backend"],
    ["Chen Li", "chenli", "platform"],
    ["Dana Kim", "dkim", "frontend"],
    ["Eli Moss", "emoss", "backend"],
    ["Fay Ruiz", "fruiz", "frontend"],
  ].map(([name, github, role]) => ({ name, github, role }));
  return json({
    version: "1.0",
    lastUpdated: "2025-10-30",
    headcount: members.length,
    members,
    openRoles: [{ title: "Senior Platform Engineer", priority: "high" }],
    oncall: { rotation: true, schedule: "weekly", members: ["bortiz", "chenli", "emoss"] },
    attritionRisk: "low",
  });
}

/** A resolved SEV2 post-mortem, every section filled. */
function demoPostMortem(): string {
  return [
    "## Incident: Invoices failed to render after a release",
    "",
    "**Severity:** SEV2 (degraded)",
    "**Status:** resolved",
    "**Started:** 2025-10-14T14:05:00Z",
    "**Resolved:** 2025-10-14T15:20:00Z",
    "**Duration:** 75",
    "",
    "### Timeline",
    "- 14:05 — Error rate alert for invoice rendering",
    "- 14:40 — The PDF library upgrade identified",
    "- 15:20 — Pinned the previous version; renders recover",
    "",
    "### Root Cause",
    "A minor upgrade of the PDF library changed its font loading.",
    "",
    "### Impact",
    "- Customers affected: 12%",
    "",
    "### Action Items",
    "| Action | Owner | Due | Status |",
    "|--------|-------|-----|--------|",
    "| Pin the PDF library | @chenli | Done | ✅ |",
    "",
    "### Lessons Learned",
    "Rendering needs a smoke test in CI.",
    "",
  ].join("\n");
}
