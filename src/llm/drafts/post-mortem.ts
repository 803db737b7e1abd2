import * as z from "zod";
import type { Incident } from "../../incidents/build-incident.js";
import type { IssueHistory } from "../../incidents/issue-history.js";
import type { DataBlock, DraftRequest } from "../drafter.js";
import { aiDraftedLabel } from "../drafter.js";
import { sanitizeModelLine, sanitizeModelText } from "../sanitize.js";
import { withTechnicalContext } from "../technical-context.js";

const postMortemDraftSchema = z.strictObject({
  summary: z
    .string()
    .min(1)
    .max(1_500)
    .describe("What happened, for whom, and how it was resolved, in two to four sentences."),
  rootCauseHypotheses: z
    .array(z.string().min(1).max(400))
    .min(1)
    .max(4)
    .describe("Plausible root causes the thread supports, each a hypothesis to confirm, most likely first."),
  lessons: z.array(z.string().min(1).max(300)).min(1).max(4).describe("Blameless lessons: what to do differently."),
});

export type PostMortemDraftAnswer = z.infer<typeof postMortemDraftSchema>;

const instructions = `You help an engineering team write a blameless post-mortem. You are given an incident issue: its title, the description and comments of people with write access to the repository, and the timeline the team recorded. Write a short summary of what happened and how it was resolved, root-cause hypotheses (never stated as facts: the team confirms them), and blameless lessons learned. Name no individual as a cause. Never invent figures (customers, revenue, minutes) the material does not give.`;

/**
 * The material: only what people who may write to the repository wrote (the reporter's text when
 * they may, the comments of those who may), and the timeline the bot already keeps. Anyone else's
 * words never reach the model. CLAUDE.md, when the caller read one, comes last as background.
 */
export function postMortemDraftRequest(
  history: IssueHistory,
  incident: Incident,
  writers: ReadonlySet<string>,
  technicalContext?: DataBlock,
): DraftRequest<PostMortemDraftAnswer> {
  // Write access is the repository permission the caller checked, never the author association.
  const mayWrite = (login: string | undefined) => login !== undefined && writers.has(login.toLowerCase());
  const data: DataBlock[] = [];
  if (mayWrite(history.issue.author))
    data.push(
      { name: "incident_title", text: history.issue.title },
      { name: "incident_description", text: history.issue.body },
    );
  for (const comment of history.comments)
    if (!comment.authorIsBot && mayWrite(comment.author)) data.push({ name: "incident_comment", text: comment.body });
  data.push({
    name: "incident_timeline",
    text: incident.timeline.map((entry) => `${new Date(entry.at).toISOString()} ${entry.text}`).join("\n"),
  });
  const request: DraftRequest<PostMortemDraftAnswer> = {
    purpose: "post-mortem",
    instructions,
    data,
    tool: {
      name: "write_post_mortem",
      description: "Record the post-mortem's narrative.",
      schema: postMortemDraftSchema,
    },
  };
  return withTechnicalContext(request, technicalContext);
}

/**
 * The post-mortem with the model's narrative where the template asks a person to write: the
 * summary leads the Root Cause section, followed by the hypotheses (marked as such), and the
 * lessons fill Lessons Learned. Everything else stays the deterministic file.
 */
export function withAiNarrative(text: string, answer: PostMortemDraftAnswer, model: string): string {
  const marker = `_${aiDraftedLabel} (${sanitizeModelLine(model, 60)}) from the issue: confirm or rewrite before merging._`;
  const rootCause = [
    marker,
    "",
    sanitizeModelText(answer.summary, 1_500),
    "",
    ...answer.rootCauseHypotheses.map((hypothesis) => `- Hypothesis: ${sanitizeModelLine(hypothesis, 400)}`),
  ].join("\n");
  const lessons = [marker, "", ...answer.lessons.map((lesson) => `- ${sanitizeModelLine(lesson, 300)}`)].join("\n");
  return replaceSection(replaceSection(text, "Root Cause", rootCause), "Lessons Learned", lessons);
}

/** A section's body (from its heading to the next) replaced, when it still holds only the placeholder. */
function replaceSection(text: string, heading: string, body: string): string {
  const pattern = new RegExp(`(^### ${heading}[ \\t]*\\n)(_To be written: [^\\n]*_\\.?\\n)`, "m");
  return text.replace(pattern, (_all, head: string) => `${head}${body}\n`);
}
