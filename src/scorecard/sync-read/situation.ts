import { count } from "../../text/plural.js";
import type { SyncInputs } from "../sync-read.js";
import { stageFocus, type Stage } from "../stage-advice.js";
import { changes } from "./changes.js";
import { metricKeys, unmeasured, type Facts } from "./facts.js";
import { infrastructureFigure, securityFigure, whereFrom } from "./figures.js";
import type { RoadmapOutlook } from "./upcoming.js";
import { list, quoted } from "./wording.js";

const stageNames: Record<Stage, string> = {
  survival: "Survival",
  foundation: "Foundation",
  scale: "Scale",
  optimize: "Optimize",
};

/** What the situation sorts every area into, in the order it says them. */
interface Sorted {
  healthy: string[];
  concerning: string[];
  missing: string[];
}

/** "Foundation stage (tech_stack.json), 7 engineers, 1 open role: the stage for …". */
function stageLine(facts: Facts, inputs: SyncInputs): string {
  const { team } = facts.scorecard;
  const stageSource =
    inputs.stack?.maturityStage === facts.stage
      ? " (tech_stack.json)"
      : team.headcount > 0
        ? " (from the headcount)"
        : "";
  const roles = team.openRoles > 0 ? `, ${count(team.openRoles, "open role")}` : "";
  return `${stageNames[facts.stage]} stage${stageSource}, ${facts.team}${roles}: the stage for ${stageFocus[facts.stage]}.`;
}

/** The delivery metrics; when no deployment was found, one line says so instead of four. */
function sortDelivery(facts: Facts, sorted: Sorted): void {
  const noDelivery = unmeasured(facts);
  if (noDelivery)
    sorted.missing.push(
      `delivery (${whereFrom(facts).replace(/^No/, "no").replace(/^The/, "the")}; set \`dora.source\` in .github/cto-copilot.yml to how you deploy)`,
    );
  for (const key of metricKeys) {
    const status = facts.status[key];
    if (status === "green") sorted.healthy.push(facts.figure(key));
    else if (status === "red" || status === "yellow") sorted.concerning.push(facts.figure(key, { status: true }));
    else if (!noDelivery) sorted.missing.push(facts.figure(key).replace(" not measured (", ": not measured ("));
  }
}

function sortSecurityAndCost(facts: Facts, sorted: Sorted): void {
  const { security, infrastructure } = facts.scorecard;
  if (facts.status.security === "green") sorted.healthy.push(`security (${security.reason ?? "nothing missing"})`);
  else if (facts.status.security === "unknown") sorted.missing.push(`security (${security.reason ?? "not checked"})`);
  else sorted.concerning.push(securityFigure(facts).replace(/^security is /, "security "));
  if (facts.status.infrastructure === "green")
    sorted.healthy.push(`infrastructure cost (${infrastructure.reason ?? ""})`);
  else if (facts.status.infrastructure === "unknown")
    sorted.missing.push(
      `infrastructure cost (${infrastructure.reason ?? "no figure"}: record spend with mrr or utilisation in infra_costs.json)`,
    );
  else sorted.concerning.push(infrastructureFigure(facts).replace(/^infrastructure cost is /, "infrastructure cost "));
}

function sortDebt(facts: Facts, sorted: Sorted): void {
  const { techDebt } = facts.scorecard;
  if (facts.critical.length > 0)
    sorted.concerning.push(
      `${count(facts.critical.length, "critical debt item")} of ${count(facts.openDebt.length, "open item")}: ${facts.critical
        .slice(0, 3)
        .map((item) => `${item.id} ${quoted(item.title)}`)
        .join(", ")}`,
    );
  else if (facts.debtRecorded && facts.openDebt.length > 0)
    sorted.healthy.push(`no critical debt (${count(facts.openDebt.length, "open item")})`);
  else if (facts.debtRecorded && techDebt.criticalItems > 0)
    sorted.concerning.push(
      `${count(techDebt.criticalItems, "critical debt item")} of ${count(techDebt.totalItems, "open item")}`,
    );
}

/** The data files the scorecard would be sharper with. */
function sortRecords(facts: Facts, sorted: Sorted): void {
  if (!facts.debtRecorded)
    sorted.missing.push("tech debt (no tech_debt.json: `cto-copilot init` creates one to list it in)");
  if (!facts.stackRecorded)
    sorted.missing.push("the stack (no tech_stack.json: `cto-copilot init --discover` drafts one from the repository)");
  if (facts.scorecard.team.headcount === 0)
    sorted.missing.push("headcount (team.json, or team.headcount in tech_stack.json)");
}

/** What the roadmap holds for the next quarter: each item with its date and needs, and how many come later. */
function roadmapLine(roadmap: RoadmapOutlook): string {
  const later = roadmap.later > 0 ? `${count(roadmap.later, "open item")} due later` : "";
  if (roadmap.upcoming.length === 0)
    return `Roadmap: nothing open is due by ${roadmap.horizonEnd}${later ? ` (${later})` : ""}.`;
  const items = roadmap.upcoming.map(
    ({ item, dueBy }) =>
      `${quoted(item.title)} due ${item.targetDate === dueBy ? dueBy : `${item.targetDate} (by ${dueBy})`}${item.needs?.length ? `, needs ${list(item.needs)}` : ""}`,
  );
  return `Roadmap to ${roadmap.horizonEnd}: ${items.join("; ")}${later ? `; ${later}` : ""}.`;
}

/** Stage, healthy, concerning, not measured, the roadmap's next quarter, changes: one line each. */
export function situation(facts: Facts, inputs: SyncInputs): string {
  const sorted: Sorted = { healthy: [], concerning: [], missing: [] };
  sortDelivery(facts, sorted);
  sortSecurityAndCost(facts, sorted);
  sortDebt(facts, sorted);
  sortRecords(facts, sorted);
  const { healthy, concerning, missing } = sorted;
  const lines = [
    stageLine(facts, inputs),
    healthy.length > 0 ? `Healthy: ${healthy.join("; ")}.` : `Healthy: nothing measured is at target yet.`,
    concerning.length > 0 ? `Concerning: ${concerning.join("; ")}.` : "Concerning: nothing measured is below target.",
  ];
  if (missing.length > 0) lines.push(`Not measured: ${missing.join("; ")}.`);
  if (facts.roadmap) lines.push(roadmapLine(facts.roadmap));
  lines.push(changes(facts));
  return lines.join("\n");
}
