// Run by `npm run bench`: a no-change debt sync over 500 items, through the bundled Action on
// the emulator: API requests (the reads only, paginated) and wall time.
import { afterAll, expect, it } from "@jest/globals";
import { debtBody, debtLabels, debtTitle } from "../src/debt/render-issue.js";
import type { DebtItem } from "../src/schemas/tech-debt.js";
import { runAction } from "../test/support/action-runner.js";
import { GitHubEmulator } from "../test/support/emulator/server.js";

const github = await new GitHubEmulator().start();
afterAll(() => github.stop());

it("measures a no-change sync of 500 debt items", async () => {
  const items: DebtItem[] = Array.from({ length: 500 }, (_, i) => ({
    id: `debt_${String(i).padStart(3, "0")}`,
    title: `Debt item ${i}`,
    description: `Why item ${i} matters.`,
    quadrant: "prudent_deliberate",
    impact: "accumulating",
    estimatedDays: 1,
    priority: "medium",
    createdAt: "2025-06-01",
    resolvedAt: null,
  }));
  const text = JSON.stringify(
    {
      version: "1.0",
      lastUpdated: "2025-11-01",
      items,
      summary: { critical: 0, high: 0, medium: 500, low: 0, totalEstimatedDays: 500 },
    },
    null,
    2,
  );
  const repo = github.addRepo("bench/debt", {
    ".github/cto-copilot.yml": "debt:\n  issues: true\n",
    "data/engineering/tech_debt.json": text,
  });
  const sha = repo.branches.get("main")!;
  // The issues a first sync would have written (created here directly: a real first sync is paced at one every 3 s).
  const lineOf = new Map(
    items.map((item) => [item.id, text.split("\n").findIndex((line) => line.includes(`"id": "${item.id}"`))]),
  );
  const names = { base: "tech-debt", priority: "priority:", quadrant: "quadrant:", impact: "impact:" };
  for (const item of items) {
    const itemUrl = `https://github.com/bench/debt/blob/${sha}/data/engineering/tech_debt.json#L${lineOf.get(item.id)!}`;
    repo.createIssue({
      title: debtTitle(item),
      body: debtBody(item, { itemUrl }),
      labels: debtLabels(item, names).map((label) => label.name),
      // Written by the workflow's token, as the real first sync would be: only then are they ours to keep in step.
      user: "github-actions[bot]",
    });
  }
  const before = github.requests.length;
  const started = performance.now();
  const result = await runAction({
    event: "push",
    payload: {
      ref: "refs/heads/main",
      repository: { default_branch: "main", full_name: repo.fullName, html_url: "https://github.com/bench/debt" },
    },
    repository: repo.fullName,
    apiUrl: github.restUrl,
    graphqlUrl: github.graphqlUrl,
  });
  const ms = performance.now() - started;
  expect(result.exitCode).toBe(0);
  const sent = github.requests.slice(before);
  const writes = sent.filter((request) => request.method !== "GET" && !request.path.endsWith("/graphql")).length;
  expect(writes).toBe(0);
  process.stdout.write(
    `BENCH ${JSON.stringify({ name: "no-change debt sync of 500 items: API requests", value: sent.length, target: 9, unit: "requests", note: `${writes} writes; Action run ${ms.toFixed(0)} ms` })}\n`,
  );
});
