import type { z } from "zod";

/**
 * The one port of AI drafting. A draft asks for a structured answer (one tool whose input is
 * the draft) over data that is never instructions; whatever goes wrong, the caller gets a
 * reason and falls back to its deterministic draft. Every capability has one, so a drafter is
 * always optional.
 */

/** Untrusted text given to the model as data: a PR body, an incident comment, a diff summary. */
export interface DataBlock {
  /** What the block is, in a word or two: `pull_request_title`, `incident_comment`. */
  name: string;
  text: string;
}

export interface DraftRequest<T> {
  /** Which draft, for the log and the usage line: `adr`, `post-mortem`, `sync-read`. */
  purpose: string;
  /** Our instructions (never built from untrusted text). */
  instructions: string;
  data: readonly DataBlock[];
  /** The one tool the model must call; its input is the draft. */
  tool: { name: string; description: string; schema: z.ZodType<T> };
}

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

export type DraftOutcome<T> =
  { ok: true; value: T; usage: TokenUsage; model: string } | { ok: false; reason: string; usage?: TokenUsage };

export interface Drafter {
  draft<T>(request: DraftRequest<T>): Promise<DraftOutcome<T>>;
}

/** The label every AI text carries where it appears. */
export const aiDraftedLabel = "AI-drafted";
