import { ownedBody, sharedIdentity, type SelfIdentity } from "../markdown/ownership.js";
import type { UpsertResult } from "../ports/publisher.js";
import type { BotComment } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";
import { findComment } from "./find-comment.js";

/**
 * One comment per issue or PR per topic: edits the bot's own comment on the topic in place (or
 * leaves it when the text is the same); creates it only when there is none and
 * `createIfMissing` is not false. `existing` (null: known to be absent) saves listing the
 * comments again when the caller has just read them. The body is written under the topic's
 * marker with the fingerprint of the text (src/markdown/ownership.ts).
 */
export async function upsertComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  topic: string,
  body: string,
  options: { createIfMissing?: boolean; existing?: BotComment | null; self?: () => Promise<SelfIdentity> } = {},
): Promise<UpsertResult> {
  const existing =
    options.existing === undefined
      ? await findComment(client, repo, issueNumber, topic, (await options.self?.()) ?? sharedIdentity)
      : options.existing;
  // A resolved state is only worth saying where a suggestion was made: never create one for it.
  if (!existing && options.createIfMissing === false) return { id: undefined, action: "absent" };
  const text = ownedBody(topic, body);
  if (existing) {
    if (existing.body === text) return { id: existing.id, action: "unchanged" };
    await client.request("PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}", {
      ...repo,
      comment_id: existing.id,
      body: text,
    });
    return { id: existing.id, action: "updated" };
  }
  const { data } = await client.request("POST /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issueNumber,
    body: text,
  });
  return { id: Number(data.id), action: "created" };
}
