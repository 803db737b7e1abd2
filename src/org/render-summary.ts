import { codeSpan } from "../markdown/escape.js";
import {
  orgMetricNames,
  type OrgMetricName,
  type OrgRepositoryResult,
  type OrgScorecard,
} from "../schemas/org-scorecard.js";
import { count } from "../text/plural.js";

const statusIcon: Record<string, string> = { green: "🟢", yellow: "🟡", red: "🔴", unknown: "⚪" };
const tiers = ["elite", "high", "medium", "low", "unknown"] as const;

const metricLabels: Record<OrgMetricName, string> = {
  deploymentsPerWeek: "Deployment frequency (per week)",
  leadTimeHours: "Lead time for changes (hours)",
  changeFailureRate: "Change failure rate",
  timeToRestoreHours: "Time to restore (hours)",
};
const shortLabels: Record<OrgMetricName, string> = {
  deploymentsPerWeek: "Deploys/week",
  leadTimeHours: "Lead time",
  changeFailureRate: "Change failure",
  timeToRestoreHours: "Time to restore",
};

/** A figure as a reader wants it: a rate in per cent, hours and counts with at most one decimal. */
function figure(name: OrgMetricName, value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  if (name === "changeFailureRate") return `${Math.round(value * 1000) / 10}%`;
  return String(Math.round(value * 10) / 10);
}

/** Share of scored repositories at elite or high, in whole per cent (null without any). */
function eliteOrHighShare(scorecard: OrgScorecard, name: OrgMetricName): number | null {
  const { tiers: counts } = scorecard.distributions[name];
  const total = tiers.reduce((sum, tier) => sum + counts[tier], 0);
  return total === 0 ? null : Math.round(((counts.elite + counts.high) / total) * 100);
}

const cell = (name: OrgMetricName, repo: OrgRepositoryResult) => {
  const metric = repo.dora?.[name];
  return metric ? `${statusIcon[metric.status]} ${figure(name, metric.value)}` : "—";
};

/**
 * The organisation's job summary: totals, each metric's distribution (quartiles and tiers), one
 * Mermaid chart of the share at elite or high by metric, the trend against the previous snapshot
 * (a table), the repositories needing attention
 * (most red statuses first), and the ones that could not be read with why.
 */
export function renderOrgSummary(
  scorecard: OrgScorecard,
  previous?: OrgScorecard,
  options: { maxRows?: number } = {},
): string {
  const maxRows = options.maxRows ?? 50;
  const { totals, window } = scorecard;
  const lines = [
    `## Organisation scorecard: ${codeSpan(scorecard.organization)}`,
    "",
    `${window.days} days to ${window.end.slice(0, 10)} (${window.start.slice(0, 10)} to ${window.end.slice(0, 10)}, UTC); ` +
      `${count(totals.scored, "repository", "repositories")} scored, ${totals.unreadable} unreadable, ${scorecard.skipped.length} left out by the filters; ` +
      `read ${scorecard.readAt.replace("T", " ").replace(/:\d\dZ$/, " UTC")} in ${count(scorecard.shards, "shard")}. ` +
      `Open debt: ${totals.openDebt} items (${totals.criticalDebt} critical); incidents in the window: ${totals.incidents}.`,
    "",
    "| Metric | p25 | Median | p75 | Elite | High | Medium | Low | No data | Elite or high (previous) |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...orgMetricNames.map((name) => {
      const d = scorecard.distributions[name];
      const share = eliteOrHighShare(scorecard, name);
      const before = previous ? eliteOrHighShare(previous, name) : null;
      return `| ${metricLabels[name]} | ${figure(name, d.p25)} | ${figure(name, d.median)} | ${figure(name, d.p75)} | ${tiers.map((tier) => d.tiers[tier]).join(" | ")} | ${share === null ? "—" : `${share}%`} (${before === null ? "—" : `${before}%`}) |`;
    }),
  ];
  // One series per chart (Mermaid draws several on one axis without a legend): the share at elite or high, by metric.
  // The tier counts themselves are in the table above.
  const shares = orgMetricNames.map((name) => eliteOrHighShare(scorecard, name));
  if (shares.some((share) => share !== null))
    lines.push(
      "",
      "```mermaid",
      "xychart-beta",
      '  title "Repositories at elite or high, by metric (%)"',
      `  x-axis [${orgMetricNames.map((name) => `"${shortLabels[name]}"`).join(", ")}]`,
      '  y-axis "% of repositories with data" 0 --> 100',
      `  bar [${shares.map((share) => share ?? 0).join(", ")}]`,
      "```",
    );
  if (previous) {
    const percentOrDash = (share: number | null) => (share === null ? "—" : `${share}%`);
    lines.push(
      "",
      `### Trend since ${previous.window.end.slice(0, 10)}`,
      "",
      "| Metric | Elite or high then | Elite or high now | Median then | Median now |",
      "|---|---|---|---|---|",
    );
    for (const name of orgMetricNames)
      lines.push(
        `| ${metricLabels[name]} | ${percentOrDash(eliteOrHighShare(previous, name))} | ${percentOrDash(eliteOrHighShare(scorecard, name))} | ${figure(name, previous.distributions[name].median)} | ${figure(name, scorecard.distributions[name].median)} |`,
      );
  }
  const byName = new Map(scorecard.repositories.map((repo) => [repo.fullName, repo]));
  if (scorecard.needsAttention.length > 0) {
    lines.push(
      "",
      `### Needs attention (${scorecard.needsAttention.length})`,
      "",
      `| Repository | ${orgMetricNames.map((name) => shortLabels[name]).join(" | ")} | Open debt (critical) | Incidents |`,
      `|---|${orgMetricNames.map(() => "---").join("|")}|---|---|`,
    );
    for (const { fullName } of scorecard.needsAttention.slice(0, maxRows)) {
      const repo = byName.get(fullName)!;
      lines.push(
        `| ${codeSpan(fullName, { inTable: true })} | ${orgMetricNames.map((name) => cell(name, repo)).join(" | ")} | ${repo.debt ? `${repo.debt.open} (${repo.debt.critical})` : "—"} | ${repo.incidents ?? "—"} |`,
      );
    }
    if (scorecard.needsAttention.length > maxRows)
      lines.push("", `…and ${scorecard.needsAttention.length - maxRows} more in org_scorecard.json.`);
  }
  const unreadable = scorecard.repositories.filter((repo) => repo.outcome === "unreadable");
  if (unreadable.length > 0) {
    lines.push("", `### Not scored (${unreadable.length})`, "");
    for (const repo of unreadable.slice(0, maxRows))
      lines.push(`- ${codeSpan(repo.fullName)}: ${codeSpan(repo.reason ?? "unknown")}`);
    if (unreadable.length > maxRows) lines.push("", `…and ${unreadable.length - maxRows} more in org_scorecard.json.`);
  }
  return lines.join("\n") + "\n";
}
