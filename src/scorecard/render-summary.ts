import type { DoraResult } from "../dora/compute.js";
import { escapeInline } from "../markdown/escape.js";
import { count } from "../text/plural.js";
import type { Scorecard } from "../schemas/scorecard.js";
import { renderSyncRead, type SyncRead } from "./sync-read.js";

const statusIcon: Record<string, string> = { green: "🟢", yellow: "🟡", red: "🔴", unknown: "⚪" };
const show = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "—" : String(value);

/**
 * The job summary a CTO reads in 30 seconds: the four health metrics with target, status and
 * samples, the change since the previous scorecard, and weekly trends as Mermaid charts
 * (`xychart-beta`, which GitHub renders); then, when given, the CTO sync read (its `###`
 * sections under this `##`).
 */
export function renderScorecardSummary(
  scorecard: Scorecard,
  dora: DoraResult,
  previous?: Scorecard,
  syncRead?: SyncRead,
): string {
  const h = scorecard.health;
  const p = previous?.health;
  const rows: [string, (typeof h)["leadTime"], (typeof h)["leadTime"] | undefined][] = [
    ["Deployment frequency", h.deploymentFrequency, p?.deploymentFrequency],
    ["Lead time for changes", h.leadTime, p?.leadTime],
    ["Change failure rate", h.changeFailureRate, p?.changeFailureRate],
    ["Time to restore", h.mttr, p?.mttr],
  ];
  const lines = [
    `## Engineering scorecard, ${scorecard.generatedAt.slice(0, 10)}`,
    "",
    `DORA from \`${dora.source}\` over ${dora.window.days} days (${dora.window.start.slice(0, 10)} to ${dora.window.end.slice(0, 10)}); maturity stage: ${scorecard.maturityStage}.`,
    "",
    "| Metric | Current | Previous | Target | Status | Samples |",
    "|---|---|---|---|---|---|",
    ...rows.map(
      ([name, metric, before]) =>
        `| ${name} | ${show(metric.current)} | ${show(before?.current)} | ${show(metric.target)} | ${statusIcon[metric.status] ?? ""} ${metric.status} | ${show(metric.samples)} |`,
    ),
    `| Rework rate | ${dora.reworkRate.rate === null ? "—" : `${Math.round(dora.reworkRate.rate * 1000) / 10}%`} | — | (no published tiers) | — | ${dora.reworkRate.total} |`,
    "",
    `Tech debt: ${count(scorecard.techDebt.totalItems, "open item")} (${scorecard.techDebt.criticalItems} critical)${scorecard.techDebt.topItem ? `, top: ${escapeInline(scorecard.techDebt.topItem)}` : ""}. ` +
      `Infrastructure: ${statusIcon[scorecard.infrastructure.status ?? "unknown"]} ${scorecard.infrastructure.reason ?? ""}. Security: ${statusIcon[scorecard.security.status]} ${scorecard.security.reason ?? ""}.`,
    ...followUpLines(scorecard),
  ];
  if (dora.weekly.length > 0) {
    const labels = dora.weekly.map((week) => `"${week.week.slice(5)}"`).join(", ");
    lines.push(
      "",
      "```mermaid",
      "xychart-beta",
      '  title "Deployments per week"',
      `  x-axis [${labels}]`,
      '  y-axis "deployments"',
      `  bar [${dora.weekly.map((week) => week.deployments).join(", ")}]`,
      `  line [${dora.weekly.map((week) => week.failed).join(", ")}]`,
      "```",
      "",
      "```mermaid",
      "xychart-beta",
      '  title "Median lead time per week (hours)"',
      `  x-axis [${labels}]`,
      '  y-axis "hours"',
      `  line [${dora.weekly.map((week) => week.medianLeadTimeHours ?? 0).join(", ")}]`,
      "```",
    );
  }
  lines.push(
    "",
    "<details><summary>Why each status</summary>",
    "",
    ...Object.entries(h).map(([name, metric]) => `- **${name}**: ${metric.reason ?? ""}`),
    "",
    "</details>",
  );
  if (dora.deploymentFrequency.deployments === 0)
    lines.push("", `> No deployments in the window from the \`${dora.source}\` source: figures are null, not zero.`);
  if (syncRead) lines.push("", renderSyncRead(syncRead).trimEnd());
  return lines.join("\n") + "\n";
}

/** What the post-mortems and ADRs promised, and the age of the oldest critical debt, when there is any. */
function followUpLines(scorecard: Scorecard): string[] {
  const { followUp, techDebt } = scorecard;
  const age = techDebt.oldestCriticalAgeDays;
  const parts = [
    ...(followUp
      ? [
          `Follow-up: ${count(followUp.openActionItems, "open action item")} (${followUp.overdueActionItems} overdue), ${count(followUp.adrsPastReview, "ADR")} past review`,
        ]
      : []),
    ...(age !== undefined && age !== null ? [`oldest critical debt: ${count(age, "day")} old`] : []),
  ];
  return parts.length > 0 ? ["", `${parts.join("; ")}.`] : [];
}
