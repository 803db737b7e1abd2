import type { CommitAuthor } from "../discover.js";

/** Accounts of well-known automation, by name or login (lower-cased, `[bot]` dropped). */
const knownBots = new Set([
  "dependabot",
  "dependabot-preview",
  "renovate",
  "renovate-bot",
  "renovatebot",
  "github-actions",
  "github-merge-queue",
  "snyk-bot",
  "snyk",
  "greenkeeper",
  "greenkeeperio-bot",
  "mergify",
  "semantic-release-bot",
  "allcontributors",
  "all-contributors",
  "imgbot",
  "imgbotapp",
  "pre-commit-ci",
  "codecov",
  "codecov-io",
  "deepsource-autofix",
  "whitesource-bolt",
  "mend-bolt",
  "pyup-bot",
  "depfu",
  "restyled-io",
  "copilot-swe-agent",
  "web-flow",
]);

/** Email addresses or domains that only automation commits from. */
const botEmails =
  /^(noreply@github\.com|action@github\.com|github-actions@github\.com|bot@renovateapp\.com|support@dependabot\.com|.*@(renovateapp\.com|dependabot\.com|snyk\.io|greenkeeper\.io|mergify\.(io|com)))$/;

/**
 * Whether a commit author is automation: a `[bot]` account, a known bot's name or login, a
 * name ending in "bot" ("Release Bot", "ci-bot"), or an address only bots use
 * (`noreply@github.com` is GitHub's own web-flow committer).
 */
export function isBot(author: CommitAuthor): boolean {
  const email = author.email.trim().toLowerCase();
  if (botEmails.test(email) || /\[bot\]@/.test(email)) return true;
  for (const handle of [author.name, author.login ?? ""]) {
    const name = handle.trim().toLowerCase();
    if (name.endsWith("[bot]") || knownBots.has(name) || /(^|[\s_.-])bot$/.test(name)) return true;
  }
  return false;
}
