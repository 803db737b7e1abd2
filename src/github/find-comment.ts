import { isOurs, type SelfIdentity } from "../markdown/ownership.js";
import type { BotComment } from "../ports/repository-view.js";
import type { GitHubClient, RepoRef } from "./client.js";

/**
 * The bot's comment on `topic` of an issue or pull request, if there is one: the first comment
 * that is ours by the ownership rule (src/markdown/ownership.ts): our marker as its first line,
 * written by our own account, and where that account is shared (the Action's
 * `github-actions[bot]`) exactly what we wrote. Anyone can paste the marker (and with it, an AI
 * draft's fingerprint) into a comment of their own, and another bot can repost it: the bot must
 * neither adopt nor keep such a comment.
 */
export async function findComment(
  client: GitHubClient,
  repo: RepoRef,
  issueNumber: number,
  topic: string,
  self: SelfIdentity,
): Promise<BotComment | undefined> {
  const comments = await client.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/comments", {
    ...repo,
    issue_number: issueNumber,
    per_page: 100,
  });
  const found = comments.find((comment) =>
    isOurs(
      {
        body: comment.body ?? null,
        ...(comment.user ? { author: { login: comment.user.login, isBot: comment.user.type === "Bot" } } : {}),
      },
      topic,
      self,
    ),
  );
  return found ? { id: Number(found.id), body: found.body ?? "" } : undefined;
}
