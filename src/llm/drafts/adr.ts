import * as z from "zod";
import { categoryLabels } from "../../adr/categories.js";
import type { InfraChange } from "../../adr/detect-infra-changes.js";
import type { RelatedAdr } from "../../adr/related-adrs.js";
import type { DataBlock, DraftRequest } from "../drafter.js";
import { aiDraftedLabel } from "../drafter.js";
import { sanitizeForFence } from "../sanitize.js";
import { withTechnicalContext } from "../technical-context.js";

const line = (max: number) => z.string().min(1).max(max);

const adrDraftSchema = z.strictObject({
  context: line(3_000).describe("The situation that requires a decision and its constraints, from the pull request."),
  options: z
    .array(
      z.strictObject({
        option: line(120),
        pros: line(400),
        cons: line(400),
        effort: z.enum(["S", "M", "L", "—"]),
      }),
    )
    .min(2)
    .max(4)
    .describe("The change itself, one or two real alternatives, and doing nothing (effort —)."),
  decision: line(1_500).describe(
    "What the pull request decides and why, as far as the material says; say what is unknown.",
  ),
  consequences: z
    .strictObject({
      easier: line(400),
      harder: line(400),
      tradeOffs: line(400),
      operational: line(400),
    })
    .describe("Consequences; unknown ones marked as questions for the deciders."),
});

export type AdrDraftAnswer = z.infer<typeof adrDraftSchema>;

const instructions = `You draft architecture decision records for an engineering team, in their format (## ADR, Status, Date, Deciders, Context, Options Considered, Decision, Consequences). You are given a pull request that changes infrastructure: its title and description, the infrastructure changes found in it, and the decisions already in force that look related. Write the sections a reviewer would otherwise fill by hand: the context (why this change, what constraints), the options really on the table (this change, one or two credible alternatives, and doing nothing), the decision and why, and the consequences (easier, harder, trade-offs accepted, operational: on-call, monitoring, cost). Be concrete and brief; never invent facts the material does not support: where something is unknown, say so as a question for the deciders. Stage-appropriate advice: a small team does not need Kubernetes.`;

/** The request: the PR's words, the changes found, the ADRs in force that share words with them, and CLAUDE.md when there is one. */
export function adrDraftRequest(input: {
  title: string;
  body: string;
  changes: readonly InfraChange[];
  related: readonly RelatedAdr[];
  /** CLAUDE.md as a data block (technical-context.ts). */
  technicalContext?: DataBlock;
}): DraftRequest<AdrDraftAnswer> {
  const changes = input.changes
    .slice(0, 60)
    .map((change) => `${categoryLabels[change.category]}: ${change.file} (${change.reason})`)
    .join("\n");
  const related = input.related.map((adr) => `${adr.path}: ${adr.title}${adr.date ? ` (${adr.date})` : ""}`).join("\n");
  const request: DraftRequest<AdrDraftAnswer> = {
    purpose: "adr",
    instructions,
    data: [
      { name: "pull_request_title", text: input.title },
      { name: "pull_request_description", text: input.body.replace(/<!--[\s\S]*?-->/g, "") },
      { name: "infrastructure_changes", text: changes || "(none listed)" },
      { name: "related_decisions_in_force", text: related || "(none found)" },
    ],
    tool: { name: "write_adr_draft", description: "Record the ADR draft's sections.", schema: adrDraftSchema },
  };
  return withTechnicalContext(request, input.technicalContext);
}

/**
 * The deterministic draft with its hand-filled sections written by the model: the header
 * (title, status, date, deciders) and the review date stay ours. The text sits in a code block
 * in the comment and may be committed as a file: each field is made inert for both.
 */
export function withAiSections(deterministic: string, answer: AdrDraftAnswer, model: string): string {
  const start = deterministic.indexOf("### Context");
  const end = deterministic.indexOf("### Review Date");
  if (start < 0 || end < 0) return deterministic;
  const cell = (text: string) => sanitizeForFence(text, 400).replace(/\|/g, "\\|").replace(/\n+/g, " ");
  const sections = [
    `> ${aiDraftedLabel} (${sanitizeForFence(model, 60)}): check every line before committing.`,
    "",
    "### Context",
    sanitizeForFence(answer.context, 3_000),
    "",
    "### Options Considered",
    "| Option | Pros | Cons | Effort |",
    "|--------|------|------|--------|",
    ...answer.options.map(
      (option) => `| ${cell(option.option)} | ${cell(option.pros)} | ${cell(option.cons)} | ${option.effort} |`,
    ),
    "",
    "### Decision",
    sanitizeForFence(answer.decision, 1_500),
    "",
    "### Consequences",
    `- Easier: ${sanitizeForFence(answer.consequences.easier, 400)}`,
    `- Harder: ${sanitizeForFence(answer.consequences.harder, 400)}`,
    `- Accepted trade-offs: ${sanitizeForFence(answer.consequences.tradeOffs, 400)}`,
    `- Operational: ${sanitizeForFence(answer.consequences.operational, 400)}`,
    "",
  ];
  return deterministic.slice(0, start) + sections.join("\n") + "\n" + deterministic.slice(end);
}
