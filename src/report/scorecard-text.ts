import type { Colors } from "picocolors/types.js";
import type { DoraResult, WeekPoint } from "../dora/compute.js";
import { count } from "../text/plural.js";
import type { Scorecard } from "../schemas/scorecard.js";

const blocks = "▁▂▃▄▅▆▇█";

/** A one-line chart of a series, scaled to its own maximum. */
function sparkline(values: readonly number[]): string {
  const max = Math.max(0, ...values);
  return values
    .map((value) =>
      max === 0 ? blocks[0] : blocks[Math.min(blocks.length - 1, Math.round((value / max) * (blocks.length - 1)))],
    )
    .join("");
}

const statusColor = (colors: Colors, status: string) =>
  status === "green"
    ? colors.green(status)
    : status === "yellow"
      ? colors.yellow(status)
      : status === "red"
        ? colors.red(status)
        : colors.gray(status);

const statusNames: [keyof Scorecard["health"] | "infrastructure" | "security", string][] = [
  ["deploymentFrequency", "deployment frequency"],
  ["leadTime", "lead time"],
  ["changeFailureRate", "change failure rate"],
  ["mttr", "time to restore"],
  ["infrastructure", "infrastructure cost"],
  ["security", "security"],
];

/** One line a CTO reads first: how many statuses of each colour, and which is the weakest. */
function verdict(scorecard: Scorecard): string {
  const statuses = statusNames.map(([key, name]) => {
    const status =
      key === "infrastructure"
        ? scorecard.infrastructure.status
        : key === "security"
          ? scorecard.security.status
          : scorecard.health[key].status;
    return { name, status: status ?? "unknown" };
  });
  const tally = (["red", "yellow", "green", "unknown"] as const).flatMap((colour) => {
    const n = statuses.filter((entry) => entry.status === colour).length;
    return n > 0 ? [`${n} ${colour === "unknown" ? "not measured" : colour}`] : [];
  });
  const weakest =
    statuses.find((entry) => entry.status === "red") ?? statuses.find((entry) => entry.status === "yellow");
  return `${tally.join(", ")}${weakest ? `: ${weakest.name} is the weakest` : ": nothing below target"}.`;
}

/** The CTO sync read as the text report shows it (the shape of src/scorecard/sync-read.ts's SyncRead). */
export interface SyncReadText {
  situation: string;
  priority: { title: string; why: string };
  tradeOff: string;
  nextMoves: readonly string[];
  drafter: "rules" | "ai";
}

/** No terminal control sequence from a data file (a debt title) reaches the terminal. */
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const printable = (text: string) => text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, "");

/** Words wrapped to `width`, the first line after `first`, the others after `indent`. */
function wrap(text: string, width: number, indent: string, first = indent): string[] {
  const lines: string[] = [];
  let prefix = first;
  let line = "";
  for (const word of printable(text).split(/\s+/).filter(Boolean)) {
    if (line !== "" && prefix.length + line.length + 1 + word.length > width) {
      lines.push(prefix + line);
      prefix = indent;
      line = word;
    } else line = line === "" ? word : `${line} ${word}`;
  }
  lines.push(prefix + line);
  return lines;
}

/** The four sections of the sync read, plain text. */
function formatSyncReadText(read: SyncReadText, colors: Colors, width = 80): string[] {
  const room = Math.max(40, Math.min(width, 100));
  return [
    colors.bold("Situation Read") + (read.drafter === "ai" ? colors.gray(" (AI-drafted)") : ""),
    ...read.situation.split("\n").flatMap((line) => wrap(line, room, "    ", "  - ")),
    "",
    colors.bold("Top Technical Priority"),
    ...wrap(read.priority.title, room, "  "),
    ...wrap(read.priority.why, room, "  ").map((line) => colors.gray(line)),
    "",
    colors.bold("Trade-off Acknowledgment"),
    ...wrap(read.tradeOff, room, "  "),
    "",
    colors.bold("Next Moves"),
    ...read.nextMoves.flatMap((move, index) => wrap(move, room, "     ", `  ${index + 1}. `)),
  ];
}

/** The scorecard as a readable table, with the weekly trend drawn in the terminal, then the sync read when given. */
export function formatScorecardText(
  scorecard: Scorecard,
  dora: DoraResult,
  colors: Colors,
  options: {
    explain?: boolean;
    emptyHint?: string;
    warnings?: readonly string[];
    width?: number;
    syncRead?: SyncReadText;
  } = {},
): string {
  const { explain = false, emptyHint, warnings = [], width = 80 } = options;
  const lines: string[] = [];
  lines.push(colors.bold(`Engineering scorecard, ${scorecard.generatedAt} (${scorecard.maturityStage} stage)`));
  lines.push(`DORA from ${dora.source}, ${dora.window.start} to ${dora.window.end} (${dora.window.days} days)`);
  lines.push(verdict(scorecard), "");
  lines.push(...metricTable(scorecard, dora, colors), ...weeklyTrend(dora.weekly, width));
  lines.push(...whyLines(scorecard, colors));
  if (dora.deploymentFrequency.deployments === 0 && dora.deployments.length === 0) {
    lines.push(
      "",
      colors.yellow(
        `No deployments in the window: the ${dora.source} source found none${emptyHint ? ` (${emptyHint})` : ""}. Figures are null, not zero.`,
      ),
    );
  }
  if (options.syncRead) lines.push("", ...formatSyncReadText(options.syncRead, colors, width));
  if (explain) lines.push("", colors.bold("Deployments in the window"), ...deploymentLines(dora, colors));
  for (const warning of warnings) lines.push("", `${colors.yellow("warning")}: ${warning}`);
  return lines.join("\n") + "\n";
}

/** The five figures with their samples, tier and status, in aligned columns. */
function metricTable(scorecard: Scorecard, dora: DoraResult, colors: Colors): string[] {
  const lines: string[] = [];
  const rows: [string, string, string, string, string][] = [["metric", "value", "samples", "tier", "status"]];
  const h = scorecard.health;
  const show = (value: string | number | null | undefined) =>
    value === null || value === undefined ? "—" : String(value);
  const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 1000) / 10}%`);
  type Metric = Scorecard["health"]["leadTime"];
  const metricRow = (label: string, metric: Metric, tier: string | null, value = show(metric.current)) =>
    [label, value, show(metric.samples), show(tier), metric.status] as [string, string, string, string, string];
  rows.push(
    metricRow("deployment frequency", h.deploymentFrequency, dora.deploymentFrequency.tier),
    metricRow("lead time for changes", h.leadTime, dora.leadTimeForChanges.tier),
    metricRow(
      "change failure rate",
      h.changeFailureRate,
      dora.changeFailureRate.tier,
      percent(dora.changeFailureRate.rate),
    ),
    metricRow("time to restore", h.mttr, dora.timeToRestore.tier),
    ["rework rate", percent(dora.reworkRate.rate), show(dora.reworkRate.total), "—", "—"],
  );
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const [index, row] of rows.entries()) {
    const cells = row.map((cell, column) => cell.padEnd(widths[column]!));
    if (index > 0) cells[4] = statusColor(colors, row[4]!);
    lines.push(index === 0 ? colors.gray(cells.join("  ")) : cells.join("  "));
  }
  return lines;
}

/** The weekly deployments and failures drawn in the terminal: one mark per week while it fits, else several weeks a mark. */
function weeklyTrend(weeks: readonly WeekPoint[], width: number): string[] {
  if (weeks.length === 0) return [];
  // One mark per week while it fits the terminal; else each mark sums several weeks.
  const room = Math.max(10, width - 60);
  const perMark = Math.ceil(weeks.length / room);
  const bucket = (values: number[]) =>
    Array.from({ length: Math.ceil(values.length / perMark) }, (_, i) =>
      values.slice(i * perMark, (i + 1) * perMark).reduce((sum, value) => sum + value, 0),
    );
  const deployments = bucket(weeks.map((week) => week.deployments));
  const failures = bucket(weeks.map((week) => week.failed));
  const unit = perMark === 1 ? "a week" : `per ${perMark} weeks`;
  return [
    "",
    `deployments  ${sparkline(deployments)}  peak ${Math.max(...deployments)} ${unit}, ${weeks[0]!.week} to ${weeks.at(-1)!.week}`,
    `failed       ${sparkline(failures)}  peak ${Math.max(...failures)} ${unit}`,
  ];
}

const metricWords: Record<keyof Scorecard["health"], string> = {
  deploymentFrequency: "deployment frequency",
  leadTime: "lead time for changes",
  changeFailureRate: "change failure rate",
  mttr: "time to restore",
};

/** Why each figure is what it is, one line per figure. */
function whyLines(scorecard: Scorecard, colors: Colors): string[] {
  return [
    "",
    colors.gray("why:"),
    // The metrics in the words of the table above, never the file's keys (mttr, deploymentFrequency).
    ...(Object.keys(metricWords) as (keyof typeof metricWords)[]).map((key) =>
      colors.gray(`  ${metricWords[key]}: ${scorecard.health[key].reason ?? ""}`),
    ),
    colors.gray(
      `  tech debt: ${count(scorecard.techDebt.totalItems, "open item")}, ${scorecard.techDebt.criticalItems} critical${typeof scorecard.techDebt.oldestCriticalAgeDays === "number" ? `, the oldest critical ${count(scorecard.techDebt.oldestCriticalAgeDays, "day")} old` : ""}`,
    ),
    ...(scorecard.followUp
      ? [
          colors.gray(
            `  follow-up: ${count(scorecard.followUp.openActionItems, "open action item")} (${scorecard.followUp.overdueActionItems} overdue), ${count(scorecard.followUp.adrsPastReview, "ADR")} past review`,
          ),
        ]
      : []),
    colors.gray(`  infrastructure cost: ${scorecard.infrastructure.reason ?? ""}`),
    colors.gray(`  security: ${scorecard.security.reason ?? ""}`),
  ];
}

/** `--explain`: every deployment in the window with its changes, its line, and why it failed or what it repaired. */
function deploymentLines(dora: DoraResult, colors: Colors): string[] {
  if (dora.deployments.length === 0) return ["  (none)"];
  return dora.deployments.flatMap((deployment) => {
    const flags = [
      deployment.failed ? colors.red("failed") : "",
      deployment.remediation ? colors.yellow("remediation") : "",
    ]
      .filter(Boolean)
      .join(", ");
    const line = deployment.line ? colors.gray(`line ${deployment.line}`) : colors.gray("line —");
    return [
      `  ${deployment.time}  ${deployment.ref.padEnd(20)} ${deployment.sha.slice(0, 7)}  ${String(deployment.changes).padStart(4)} ${deployment.changes === 1 ? "change " : "changes"}  ${line}  ${flags}${deployment.reason ? `  ${colors.gray(deployment.reason)}` : ""}`,
      // What the rules set aside (a second ref, release commits, a revert of nothing shipped, a misplaced tag).
      ...(deployment.notes ?? []).map((note) => colors.gray(`      note: ${note}`)),
    ];
  });
}
