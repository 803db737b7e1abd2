import { categoryLabels } from "./categories.js";
import type { InfraChange } from "./detect-infra-changes.js";

export interface DraftInput {
  title: string;
  /** The PR description (untrusted text; it only ever appears inside a code block or a file). */
  body: string;
  /** GitHub login (or a person's name, from the CLI). */
  /** GitHub logins (a pull request's author and reviewers) get an @; names typed by a person are kept as written. */
  decidersAreLogins?: boolean;
  author: string;
  reviewers: readonly string[];
  pullNumber?: number;
  changes: readonly InfraChange[];
  today: Date;
  reviewAfterMonths: number;
}

export interface AdrDraft {
  fileName: string;
  text: string;
}

/** `adr_2025-11-03_move-sessions-to-redis.md` from a date and a title. */
export function adrFileNameFor(date: string, title: string): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/^(adr|feat|fix|chore|infra|build|ci)(\([^)]*\))?:\s*/, "")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "decision";
  return `adr_${date}_${slug}.md`;
}

function addMonths(date: Date, months: number): string {
  const result = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(result.getUTCFullYear(), result.getUTCMonth() + 1, 0)).getUTCDate();
  result.setUTCDate(Math.min(date.getUTCDate(), lastDay));
  return result.toISOString().slice(0, 10);
}

const oneLine = (text: string, max: number) => {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
};

/** A ready-to-commit ADR in the project's format, pre-filled from the pull request. */
export function renderAdrDraft(input: DraftInput): AdrDraft {
  const date = input.today.toISOString().slice(0, 10);
  const title =
    oneLine(input.title.replace(/^(adr|feat|fix|chore|infra|build|ci)(\([^)]*\))?:\s*/i, ""), 120) || "Decision title";
  // GitHub logins get an @ (the file is committed; in the comment they sit in a code block and ping no one).
  const deciders = [...new Set([input.author, ...input.reviewers].filter(Boolean))].map((name) =>
    input.decidersAreLogins !== false && /^[A-Za-z0-9-]+(\[bot\])?$/.test(name) ? `@${name}` : name,
  );
  const description = input.body.replace(/<!--[\s\S]*?-->/g, "").trim();
  const context = description.length > 1500 ? `${description.slice(0, 1500).trimEnd()}…` : description;
  const changeLines = input.changes
    .slice(0, 20)
    .map((change) => `- ${categoryLabels[change.category]}: \`${change.file}\` (${change.reason})`);
  if (input.changes.length > 20) changeLines.push(`- …and ${input.changes.length - 20} more files`);
  const text = [
    `## ADR: ${title}`,
    "",
    "**Status:** proposed",
    `**Date:** ${date}`,
    `**Deciders:** ${deciders.join(", ") || "[who decided]"}`,
    "",
    "### Context",
    context || "What situation requires a decision? What constraints exist?",
    ...(changeLines.length > 0
      ? ["", `This change${input.pullNumber ? ` (pull request ${input.pullNumber})` : ""} touches:`, ...changeLines]
      : []),
    "",
    "### Options Considered",
    "| Option | Pros | Cons | Effort |",
    "|--------|------|------|--------|",
    `| ${title.replace(/\|/g, "\\|")} (this change) | [what it gives us] | [what it costs] | S/M/L |`,
    "| Do nothing | No migration, no new risk | [what stays painful] | — |",
    "",
    "### Decision",
    `${title}. [Why this option over the others.]`,
    "",
    "### Consequences",
    "- Easier: [what becomes easier]",
    "- Harder: [what becomes harder]",
    "- Accepted trade-offs: [what we knowingly accept]",
    "- Operational: [on-call, monitoring, cost]",
    "",
    "### Review Date",
    addMonths(input.today, input.reviewAfterMonths),
    "",
  ].join("\n");
  return { fileName: adrFileNameFor(date, title), text };
}
