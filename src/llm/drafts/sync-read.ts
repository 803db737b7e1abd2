import * as z from "zod";
import type { SyncInputs, SyncRead } from "../../scorecard/sync-read.js";
import type { DataBlock, DraftRequest } from "../drafter.js";
import { dueText, roadmapOutlook } from "../../scorecard/sync-read/upcoming.js";
import { withTechnicalContext } from "../technical-context.js";
import { truncate } from "../../markdown/escape.js";
import { withoutAngles } from "../sanitize.js";

const syncReadSchema = z.strictObject({
  situation: z
    .string()
    .min(1)
    .max(1_500)
    .describe(
      "Where the engineering org is in maturity; what is healthy, what is concerning, what changed since the last sync.",
    ),
  priority: z.strictObject({
    title: z.string().min(1).max(160).describe("The ONE highest-leverage technical action right now."),
    why: z.string().min(1).max(600),
  }),
  tradeOff: z
    .string()
    .min(1)
    .max(800)
    .describe("What we are explicitly NOT doing, and why that is acceptable for now."),
  nextMoves: z.array(z.string().min(1).max(300)).min(2).max(3).describe("2-3 concrete, executable technical actions."),
});

export type SyncReadAnswer = z.infer<typeof syncReadSchema>;

const instructions = `You are a fractional CTO writing the read that follows every engineering sync. You are given the engineering scorecard (DORA metrics with their samples, tiers and targets; debt; infrastructure; security; team), the previous snapshot, the open tech-debt items, the tech stack, the product roadmap's items due in the next quarter when there is a roadmap, and a rule-based read computed from the same figures. When an item due soon needs something the figures show is weak, the top priority serves that item and names it with its date. Give stage-appropriate advice from the maturity stages: Survival (<3 engineers: ship, a monolith is fine), Foundation (3-10: basic CI/CD, monitoring, code review, documenting decisions), Scale (10-30: platform investments, SLOs, incident response), Optimize (30+: developer productivity, platform teams, cost). A 3-person team does not need Kubernetes. Every statement must follow from a figure in the material: name it. Be concrete and brief: one top priority, not five; next moves a person can do this week.`;

/**
 * The scorecard's figures, without the evidence lists an explained run carries (deployments with
 * their commit subjects, incidents with their titles): issue and commit text is not sent, and the
 * figures fit well within `maxInputChars`.
 */
function figuresOf(scorecard: SyncInputs["scorecard"]): string {
  return JSON.stringify(scorecard, (key, value: unknown) =>
    Array.isArray(value) && ["deployments", "incidents", "changes", "evidence", "samples"].includes(key)
      ? undefined
      : value,
  );
}

/** The roadmap's next quarter, one item a line, as the rule-based read sees it (from the scorecard's day). */
function roadmapText(inputs: SyncInputs): string {
  const outlook = roadmapOutlook(inputs.roadmap!, new Date(inputs.scorecard.generatedAt));
  const lines = outlook.upcoming.slice(0, 20).map((upcoming) => {
    const { item } = upcoming;
    const needs = item.needs?.length ? `; needs ${item.needs.join(", ")}` : "";
    const blocked = item.blockedBy?.length ? `; blocked by debt ${item.blockedBy.join(", ")}` : "";
    return `${item.title} [${item.status}] ${dueText(upcoming)}${needs}${blocked}`;
  });
  return [
    `Items due from ${outlook.today} to ${outlook.horizonEnd}:`,
    ...(lines.length > 0 ? lines : ["(none)"]),
    `Open items due later: ${outlook.later}`,
  ].join("\n");
}

/**
 * The figures as data: the scorecard and its previous snapshot, the open debt, the stack, the
 * roadmap's next quarter (when there is a roadmap), the rule-based read to stay grounded, and
 * CLAUDE.md last (when the caller read one).
 */
export function syncReadRequest(
  inputs: SyncInputs,
  ruleBased: SyncRead,
  technicalContext?: DataBlock,
): DraftRequest<SyncReadAnswer> {
  const debt = (inputs.debtItems ?? [])
    .slice(0, 30)
    .map((item) => `${item.id} [${item.priority}] ${item.title} (${item.estimatedDays ?? "?"} days)`)
    .join("\n");
  const request: DraftRequest<SyncReadAnswer> = {
    purpose: "sync-read",
    instructions,
    data: [
      { name: "engineering_scorecard", text: figuresOf(inputs.scorecard) },
      { name: "previous_snapshot", text: inputs.previous ? figuresOf(inputs.previous) : "(none)" },
      { name: "open_tech_debt", text: debt || "(none)" },
      { name: "tech_stack", text: inputs.stack ? JSON.stringify(inputs.stack.stack) : "(unknown)" },
      ...(inputs.roadmap ? [{ name: "product_roadmap_next_quarter", text: roadmapText(inputs) }] : []),
      {
        name: "rule_based_read",
        text: [
          ruleBased.situation,
          `Priority: ${ruleBased.priority.title}. ${ruleBased.priority.why}`,
          ruleBased.tradeOff,
          ...ruleBased.nextMoves,
        ].join("\n"),
      },
    ],
    tool: { name: "write_sync_read", description: "Record the sync read's four sections.", schema: syncReadSchema },
  };
  return withTechnicalContext(request, technicalContext);
}

/**
 * The model's read, cut to size and stripped of control characters (a terminal shows the CLI's
 * text as is). Markdown is made inert where it is rendered: `renderSyncRead` escapes every text,
 * model output included, so nothing is escaped twice here.
 */
export function aiSyncRead(answer: SyncReadAnswer): SyncRead {
  // Control characters (ANSI escapes in a terminal) become spaces; tabs and newlines stay.
  const visible = (text: string) =>
    [...text].map((char) => (/\p{Cc}/u.test(char) && char !== "\n" && char !== "\t" ? " " : char)).join("");
  const plain = (text: string, max: number) =>
    truncate(withoutAngles(visible(text)).trim(), max, (omitted) => ` … (+${omitted})`);
  return {
    situation: plain(answer.situation, 1_500),
    priority: { title: plain(answer.priority.title, 160).replace(/\s+/g, " "), why: plain(answer.priority.why, 600) },
    tradeOff: plain(answer.tradeOff, 800),
    nextMoves: answer.nextMoves.map((move) => plain(move, 300).replace(/\s+/g, " ")),
    drafter: "ai",
  };
}
