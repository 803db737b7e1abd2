import type { UpsertResult } from "../ports/publisher.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** The hidden marker that identifies the bot's comment on one topic, e.g. `<!-- cto-copilot:adr -->`. */
export const commentMarker = (topic: string) => `<!-- cto-copilot:${topic} -->`;

/**
 * One comment per issue or PR per topic: finds the comment carrying the marker and edits it in
 * place (or leaves it when the text is the same); creates it only when there is none and
 * `createIfMissing` is not false.
 */
export async function upsertComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  topic: string,
  body: string | ((existing: string | undefined) => Promise<string>),
  options: { createIfMissing?: boolean } = {},
): Promise<UpsertResult> {
  const marker = commentMarker(topic);
  const comments = await client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  // Only a bot's comment is ours: anyone can paste the marker (and with it, an AI draft's
  // fingerprint) into a comment of their own, which the bot must neither adopt nor keep.
  const existing = comments.find((comment) => comment.user?.type === "Bot" && comment.body?.includes(marker));
  // A resolved state is only worth saying where a suggestion was made: never create one for it.
  if (!existing && options.createIfMissing === false) return { id: undefined, action: "absent" };
  const written = typeof body === "string" ? body : await body(existing?.body ?? undefined);
  const text = written.includes(marker) ? written : `${marker}\n${written}`;
  if (existing) {
    if (existing.body === text) return { id: Number(existing.id), action: "unchanged" };
    await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      ...repo,
      comment_id: existing.id,
      body: text,
    });
    return { id: Number(existing.id), action: "updated" };
  }
  const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issueNumber,
    body: text,
  });
  return { id: Number(data.id), action: "created" };
}
