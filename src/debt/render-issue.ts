import { codeSpan, escapeInline, neutralizeReferences } from "../markdown/escape.js";
import { idOfMarker, markerId, ownedBody } from "../markdown/ownership.js";
import type { DebtItem } from "../schemas/tech-debt.js";

/** GitHub refuses issue titles over 256 characters. */
const maxTitle = 256;

/**
 * The marker name that ties an issue to one debt item, found again on every run (never the
 * title): the id percent-encoded, so no id (`-->`, `--!>`, a newline) can end the HTML comment,
 * add a line or put markup after it. The body is ours only as src/markdown/ownership.ts says.
 */
const debtMarkerName = (id: string) => `debt:${markerId(id)}`;
/** The marker as it opens the first line of a debt issue's body. */
export const debtMarker = (id: string) => `<!-- cto-copilot:${debtMarkerName(id)} -->`;
/** Written into the body when the sync itself closed the issue (so a later reopening of the item reopens it). */
export const closedBySyncMarker = "<!-- cto-copilot:debt-closed-by-sync -->";

/** The debt item id of a marker name (`debt:<encoded id>`), if it is one. */
export function debtIdOfMarker(name: string | undefined): string | undefined {
  return name?.startsWith("debt:") ? idOfMarker(name.slice("debt:".length)) : undefined;
}

/** Whether a body mentions a debt marker anywhere (quoted, pasted): such an issue not ours is reported. */
export const mentionsDebtMarker = (body: string | null) => (body ?? "").includes("<!-- cto-copilot:debt:");

/** What each quadrant of the technical debt quadrant means, and what to do (docs/stages-and-targets.md). */
const quadrantMeaning: Record<DebtItem["quadrant"], string> = {
  reckless_deliberate: 'Reckless and deliberate ("no time for tests"): a standing risk; pay it down soon.',
  reckless_inadvertent:
    "Reckless and inadvertent (not knowing the better design): train or hire; the debt follows the gap.",
  prudent_deliberate: 'Prudent and deliberate ("ship now, refactor next sprint"): track it and schedule the refactor.',
  prudent_inadvertent:
    'Prudent and inadvertent ("now we know how it should have been done"): normal learning; fold it into ongoing work.',
};

export interface DebtLabelNames {
  /** The label every debt issue carries (`debt.label`). */
  base: string;
  priority: string;
  quadrant: string;
  impact: string;
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

const priorityColors: Record<DebtItem["priority"], string> = {
  critical: "b60205",
  high: "d93f0b",
  medium: "fbca04",
  low: "c2e0c6",
};

/** The labels of an item's issue, with the colour and description each gets when it is created. */
export function debtLabels(item: DebtItem, names: DebtLabelNames): LabelSpec[] {
  return [
    { name: names.base, color: "5319e7", description: "Technical debt tracked in tech_debt.json (CTO Co-Pilot)" },
    {
      name: `${names.priority}${item.priority}`,
      color: priorityColors[item.priority],
      description: `Debt priority: ${item.priority}`,
    },
    {
      name: `${names.quadrant}${item.quadrant}`,
      color: "bfd4f2",
      description: quadrantMeaning[item.quadrant].split(":")[0]!,
    },
    {
      name: `${names.impact}${item.impact}`,
      color: "f9d0c4",
      description: `Debt impact: ${item.impact.replace(/_/g, " ")}`,
    },
  ];
}

/** The issue title: the item's title, one line, within GitHub's limit. */
export function debtTitle(item: DebtItem): string {
  const title = neutralizeReferences(item.title.replace(/[\r\n]+/g, " ").trim());
  return title.length <= maxTitle ? title : `${title.slice(0, maxTitle - 1)}…`;
}

export interface DebtBodyContext {
  /** Link to the item's line in tech_debt.json at the commit read. */
  itemUrl: string;
}

/**
 * The issue body: the item's words made inert (no mention, reference or HTML survives), the
 * quadrant's meaning, impact, estimate, created date, a link to the item, and the marker.
 */
export function debtBody(item: DebtItem, context: DebtBodyContext, closedBySync = false): string {
  return ownedBody(debtMarkerName(item.id), debtContent(item, context, closedBySync));
}

function debtContent(item: DebtItem, context: DebtBodyContext, closedBySync: boolean): string {
  return [
    ...(closedBySync ? [closedBySyncMarker] : []),
    item.description ? escapeInline(item.description) : "_No description in tech_debt.json._",
    "",
    `| | |`,
    `|---|---|`,
    `| Debt item | ${codeSpan(item.id, { inTable: true })} |`,
    `| Priority | ${item.priority} |`,
    `| Quadrant | ${quadrantMeaning[item.quadrant]} |`,
    `| Impact | ${item.impact.replace(/_/g, " ")} |`,
    `| Estimate | ${item.estimatedDays === null ? "not estimated" : `${item.estimatedDays} day${item.estimatedDays === 1 ? "" : "s"}`} |`,
    `| Created | ${item.createdAt} |`,
    ...(item.owner ? [`| Owner | ${escapeInline(item.owner)} |`] : []),
    "",
    `Kept in step with [the item in tech_debt.json](${context.itemUrl}) by CTO Co-Pilot: edit the file, not this issue; set \`resolvedAt\` there to close it.`,
  ].join("\n");
}
