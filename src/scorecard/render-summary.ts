import type { DoraResult } from "../dora/compute.js";
import { escapeInline } from "../markdown/escape.js";
import { count } from "../text/plural.js";
import type { Scorecard } from "../schemas/scorecard.js";
import { neverComputed } from "./never-computed.js";
import { servicesMarkdown } from "./services.js";
import { renderSyncRead, type SyncRead } from "./sync-read.js";
import { percent } from "./sync-read/wording.js";

const statusIcon: Record<string, string> = { green: "🟢", yellow: "🟡", red: "🔴", unknown: "⚪" };
const show = (value: string | number | null | undefined) =>
  value === null || value === undefined ? "—" : String(value);

type HealthKey = keyof Scorecard["health"];
type Metric = Scorecard["health"][HealthKey];

/** Each health metric in the words a person uses, in reading order. */
const metricNames: Record<HealthKey, string> = {
  deploymentFrequency: "Deployment frequency",
  leadTime: "Lead time for changes",
  changeFailureRate: "Change failure rate",
  mttr: "Time to restore",
};

/** A metric's value as a person reads it: the change failure rate (a fraction in the file) in percent, the others as written. */
const valueOf = (key: HealthKey, metric: Metric | undefined) =>
  key === "changeFailureRate" && typeof metric?.current === "number" ? percent(metric.current) : show(metric?.current);

/** The metric table; the Previous column only when there is a computed scorecard to compare with. */
function metricTable(scorecard: Scorecard, dora: DoraResult, previous: Scorecard | undefined): string[] {
  const keys = Object.keys(metricNames) as HealthKey[];
  const withPrevious = previous !== undefined;
  const cells = (values: string[]) => `| ${values.join(" | ")} |`;
  const rework = dora.reworkRate.rate === null ? "—" : percent(dora.reworkRate.rate);
  return [
    cells(["Metric", "Current", ...(withPrevious ? ["Previous"] : []), "Target", "Status", "Samples"]),
    `|${"---|".repeat(withPrevious ? 6 : 5)}`,
    ...keys.map((key) => {
      const metric = scorecard.health[key];
      return cells([
        metricNames[key],
        valueOf(key, metric),
        ...(withPrevious ? [valueOf(key, previous.health[key])] : []),
        show(metric.target),
        `${statusIcon[metric.status] ?? ""} ${metric.status}`,
        show(metric.samples),
      ]);
    }),
    cells([
      "Rework rate",
      rework,
      ...(withPrevious ? ["—"] : []),
      "(no published tiers)",
      "—",
      String(dora.reworkRate.total),
    ]),
  ];
}

/** One Mermaid bar or line chart (`xychart-beta`, which GitHub renders): one series, so no legend is needed. */
function chart(
  title: string,
  axis: string,
  kind: "bar" | "line",
  points: readonly { label: string; value: number }[],
): string[] {
  return [
    "",
    "```mermaid",
    "xychart-beta",
    `  title "${title}"`,
    `  x-axis [${points.map((point) => `"${point.label}"`).join(", ")}]`,
    `  y-axis "${axis}"`,
    `  ${kind} [${points.map((point) => point.value).join(", ")}]`,
    "```",
  ];
}

/** The weekly trends, one series per chart; weeks without a lead time are left out of its chart, not drawn as zero. */
function weeklyCharts(dora: DoraResult): string[] {
  const label = (week: string) => week.slice(5);
  const weeks = dora.weekly;
  const lines = chart(
    "Deployments per week",
    "deployments",
    "bar",
    weeks.map((week) => ({ label: label(week.week), value: week.deployments })),
  );
  if (weeks.some((week) => week.failed > 0))
    lines.push(
      ...chart(
        "Failed deployments per week",
        "failed deployments",
        "bar",
        weeks.map((week) => ({ label: label(week.week), value: week.failed })),
      ),
    );
  const leadTimes = weeks.flatMap((week) =>
    week.medianLeadTimeHours === null ? [] : [{ label: label(week.week), value: week.medianLeadTimeHours }],
  );
  if (leadTimes.length >= 2) lines.push(...chart("Median lead time per week (hours)", "hours", "line", leadTimes));
  return lines;
}

/**
 * The job summary a CTO reads in 30 seconds: the four health metrics with target, status and
 * samples, the change since the previous scorecard, and weekly trends as Mermaid charts
 * (`xychart-beta`, which GitHub renders); then, when given, the CTO sync read (its `###`
 * sections under this `##`). The previous scorecard is compared with only when it was computed
 * (not the template `init` wrote).
 */
export function renderScorecardSummary(
  scorecard: Scorecard,
  dora: DoraResult,
  previous?: Scorecard,
  syncRead?: SyncRead,
): string {
  const lines = [
    `## Engineering scorecard, ${scorecard.generatedAt.slice(0, 10)}`,
    "",
    `DORA from \`${dora.source}\` over ${dora.window.days} days (${dora.window.start.slice(0, 10)} to ${dora.window.end.slice(0, 10)}); maturity stage: ${scorecard.maturityStage}.`,
    "",
    ...metricTable(scorecard, dora, previous && !neverComputed(previous) ? previous : undefined),
    "",
    `Tech debt: ${count(scorecard.techDebt.totalItems, "open item")} (${scorecard.techDebt.criticalItems} critical)${scorecard.techDebt.topItem ? `, top: ${escapeInline(scorecard.techDebt.topItem)}` : ""}. ` +
      `Infrastructure: ${statusIcon[scorecard.infrastructure.status ?? "unknown"]} ${scorecard.infrastructure.reason ?? ""}. Security: ${statusIcon[scorecard.security.status]} ${scorecard.security.reason ?? ""}.`,
    ...followUpLines(scorecard),
  ];
  if (dora.weekly.length > 0) lines.push(...weeklyCharts(dora));
  const perService = servicesMarkdown(scorecard);
  if (perService.length > 0) lines.push("", ...perService);
  lines.push(
    "",
    "<details><summary>Why each status</summary>",
    "",
    ...(Object.keys(metricNames) as HealthKey[]).map(
      (key) => `- **${metricNames[key]}**: ${scorecard.health[key].reason ?? ""}`,
    ),
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
