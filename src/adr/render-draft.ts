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
  /** Components the change runs itself where a managed one exists: the draft weighs building against buying. */
  selfHosted?: readonly SelfHostedOption[];
}

/** A self-hosted component and its managed alternative: "a PostgreSQL database", "Amazon RDS, Cloud SQL ...". */
export interface SelfHostedOption {
  component: string;
  managed: string;
  /** The image or chart that runs it (`postgres:16`, `bitnami/postgresql`). */
  source: string;
}

export interface AdrDraft {
  fileName: string;
  text: string;
}

/** A conventional-commit type before a title (`feat:`, `fix(api)!:`): not part of the decision's name. */
const conventionalPrefix = /^(adr|feat|fix|chore|infra|build|ci|refactor|perf|revert)(\([^)]*\))?!?:\s*/i;

/** `adr_2025-11-03_move-sessions-to-redis.md` from a date and a title. */
export function adrFileNameFor(date: string, title: string): string {
  const slug =
    title
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(conventionalPrefix, "")
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

const cell = (text: string) => text.replace(/\|/g, "\\|");

/**
 * The Options rows of build vs buy: running each component ourselves, and buying its managed
 * alternative, which the draft proposes (the prompt's default: buy until building is proven needed).
 */
function buildOrBuyRows(selfHosted: readonly SelfHostedOption[]): string[] {
  return selfHosted
    .slice(0, 5)
    .flatMap((option) => [
      `| Run ${cell(option.component)} ourselves (\`${cell(option.source)}\`) | Full control, no vendor bill | We patch, back up, scale and get paged for it | M |`,
      `| Buy: ${cell(option.managed)} | Backups, upgrades and failover included; live sooner | A higher but predictable bill; less control | S |`,
    ]);
}

/** The prompt's six factors, to be answered before building what could be bought. */
function buildOrBuyFactors(selfHosted: readonly SelfHostedOption[]): string[] {
  if (selfHosted.length === 0) return [];
  const what = selfHosted.map((option) => option.component).join(", ");
  return [
    "",
    `Build vs buy for ${what} (default: buy, until we prove we need to build):`,
    "",
    "| Factor | Build | Buy | Here |",
    "|---|---|---|---|",
    "| Core differentiator? | Yes — own it | No — commodity it | [Is running it part of what customers pay us for?] |",
    "| Team expertise | Have it or can hire | Would need to build | [Who has run it in production before?] |",
    "| Time to value | Can wait | Need it now | [When must it be live?] |",
    "| Customization needs | Highly specific | Standard use case | [What would the managed service not let us do?] |",
    "| Long-term cost | Lower TCO at scale | Higher but predictable | [Managed price vs instances plus people's time] |",
    "| Operational burden | Team can handle | Prefer managed | [Who patches, backs up and is paged for it?] |",
  ];
}

/** A ready-to-commit ADR in the project's format, pre-filled from the pull request. */
export function renderAdrDraft(input: DraftInput): AdrDraft {
  const date = input.today.toISOString().slice(0, 10);
  const title =
    oneLine(input.title.replace(conventionalPrefix, "").replace(/\s*\(#\d+\)\s*$/, ""), 120) || "Decision title";
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
  const selfHosted = input.selfHosted ?? [];
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
    ...(selfHosted.length > 0
      ? buildOrBuyRows(selfHosted)
      : [`| ${title.replace(/\|/g, "\\|")} (this change) | [what it gives us] | [what it costs] | S/M/L |`]),
    "| Do nothing | No migration, no new risk | [what stays painful] | — |",
    ...buildOrBuyFactors(selfHosted),
    "",
    "### Decision",
    selfHosted.length > 0
      ? `Buy: ${selfHosted.map((option) => option.managed).join("; ")}, unless the factors above show we must run it ourselves. [Why.]`
      : `${title}. [Why this option over the others.]`,
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
