import type { BotComment } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

/** The hidden marker that identifies the bot's comment on one topic, e.g. `<!-- cto-copilot:adr -->`. */
export const commentMarker = (topic: string) => `<!-- cto-copilot:${topic} -->`;

/** The bot's comment on `topic` of an issue or pull request, if there is one. */
export async function findComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  topic: string,
): Promise<BotComment | undefined> {
  const marker = commentMarker(topic);
  const comments = await client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  // Only a bot's comment is ours: anyone can paste the marker (and with it, an AI draft's
  // fingerprint) into a comment of their own, which the bot must neither adopt nor keep.
  const found = comments.find((comment) => comment.user?.type === "Bot" && comment.body?.includes(marker));
  return found ? { id: Number(found.id), body: found.body ?? "" } : undefined;
}
