import * as z from "zod";
import { categoryLabels } from "../adr/categories.js";
import type { SeenChange } from "../adr/detect-infra-changes.js";
import { isLockfile } from "../adr/readers/runtimes.js";
import { truncate } from "../markdown/escape.js";
import type { DataBlock, DraftRequest, Drafter, TokenUsage } from "./drafter.js";
import { withoutAngles } from "./sanitize.js";

/**
 * The model's yes or no on a change the rules scored near `adr.threshold`. It goes through the
 * drafter port like every AI draft: our instructions, the pull request and its diffs as data
 * blocks (never instructions), one tool whose input is checked with zod (a strict object: an
 * extra or missing key is no answer), and a fixed reason whenever anything fails.
 */

/** One changed file as the model sees it: its path, status and unified diff. */
export interface ChangedFileDiff {
  path: string;
  status: string;
  patch?: string;
}

export interface AdrClassificationMaterial {
  title: string;
  body: string;
  score: number;
  threshold: number;
  /** What the rules saw (decisions and not), each with its reason: the model judges beside them. */
  seen: readonly SeenChange[];
  /** Every changed file, in the order to send them (the files the rules read first). */
  diffs: readonly ChangedFileDiff[];
}

/** A file's diff is cut to this, so one generated file does not crowd out the others. */
const maxDiffChars = 4_000;
const maxFilesSent = 40;
const maxDescriptionChars = 4_000;

const classificationSchema = z.strictObject({
  wantAdr: z.boolean().describe("True when a careful staff engineer reviewing this change would want an ADR."),
  reason: z
    .string()
    .min(1)
    .max(300)
    .describe(
      "One sentence naming the change that decides it, e.g. 'adds a Kafka broker the services will depend on'.",
    ),
});

type AdrClassificationAnswer = z.infer<typeof classificationSchema>;

const instructions = `You decide whether a pull request needs an architecture decision record (ADR). Rules already read it and scored it near their threshold: it is a close call, and yours is the deciding vote. Judge as a careful staff engineer would. An ADR is wanted when the change commits the team to something expensive to reverse or that others must live with: a datastore, queue, cache or cloud service added or removed, a service added to or removed from the deployment, a runtime, framework or datastore engine on a new major, a package manager or toolchain switched, how the software is deployed or which credentials deploy it, a schema change that drops, renames or converts data. No ADR for routine work: patch and minor upgrades, an ordinary library, lint, test or triage pipelines, examples, tests, fixtures and docs, an opt-in feature of a reusable module or chart behind a flag that is off by default, a migration's rollback, refactors, formatting. You are given the pull request's title and description, the rules' findings with the score and threshold, and the diffs of the changed files (some cut to fit). Call the tool with wantAdr and one sentence of at most 200 characters naming the change that decides it.`;

/** The rules' findings as the model reads them: one line per change seen, with whether it counted. */
function findingsText(material: AdrClassificationMaterial): string {
  const lines = material.seen
    .slice(0, 60)
    .map(
      (found) =>
        `${found.decision ? `decision (weight ${found.weight})` : "not a decision"}: ${categoryLabels[found.category]}: ${found.file}: ${found.reason}`,
    );
  return [`score ${material.score}, threshold ${material.threshold}`, ...lines].join("\n");
}

function diffText(file: ChangedFileDiff): string {
  const patch = isLockfile(file.path)
    ? // A lockfile's diff lists which packages moved: thousands of lines the findings already summarise.
      "(a lockfile: its diff is not sent)"
    : file.patch
      ? truncate(file.patch, maxDiffChars, (omitted) => `\n[cut: ${omitted} more characters of this diff]`)
      : "(no diff: binary, too large, or a rename only)";
  return `file: ${file.path} (${file.status})\n${patch}`;
}

/** The request: the pull request's words, the rules' findings and the diffs, each in its own data block. */
function adrClassificationRequest(material: AdrClassificationMaterial): DraftRequest<AdrClassificationAnswer> {
  const diffs: DataBlock[] = material.diffs
    .slice(0, maxFilesSent)
    .map((file) => ({ name: "diff", text: diffText(file) }));
  const unsent = material.diffs.length - maxFilesSent;
  return {
    purpose: "adr-classification",
    instructions,
    data: [
      { name: "pull_request_title", text: material.title || "(none: a local change)" },
      {
        name: "pull_request_description",
        text: truncate(material.body.replace(/<!--[\s\S]*?-->/g, ""), maxDescriptionChars) || "(none)",
      },
      { name: "rules_findings", text: findingsText(material) },
      ...diffs,
      ...(unsent > 0 ? [{ name: "diff", text: `(${unsent} more changed files not sent)` }] : []),
    ],
    tool: {
      name: "classify_adr_need",
      description: "Record whether this change wants an ADR, and why in one sentence.",
      schema: classificationSchema,
    },
  };
}

export type AdrClassificationOutcome =
  | { ok: true; wantAdr: boolean; reason: string; model: string; usage: TokenUsage }
  | { ok: false; why: string; usage?: TokenUsage };

/**
 * The model's text as one plain line: no tag or backtick (so nothing of ours can be forged where
 * it is shown), one line, cut to 300 characters. Markdown escaping happens where it is rendered.
 */
export function plainModelLine(text: string): string {
  return truncate(withoutAngles(text).replace(/\s+/g, " ").trim(), 300, (omitted) => ` … (+${omitted})`);
}

/** Asks the model; anything but a well-formed answer is a fixed reason to keep the rules' answer. */
export async function classifyAdrNeed(
  drafter: Drafter,
  material: AdrClassificationMaterial,
): Promise<AdrClassificationOutcome> {
  const outcome = await drafter.draft(adrClassificationRequest(material));
  if (!outcome.ok) return { ok: false, why: outcome.reason, ...(outcome.usage ? { usage: outcome.usage } : {}) };
  const reason = plainModelLine(outcome.value.reason);
  if (!reason) return { ok: false, why: "the model's answer gave no reason", usage: outcome.usage };
  return { ok: true, wantAdr: outcome.value.wantAdr, reason, model: outcome.model, usage: outcome.usage };
}
