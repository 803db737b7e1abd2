import * as core from "@actions/core";

/** The `permissions:` each command needs (docs/action.md#permissions says why). */
const permissionsOf: Readonly<Record<string, string>> = {
  auto: "on pull requests checks: write, contents: read, pull-requests: write; on a schedule contents: write, pull-requests: write, deployments: read, issues: read",
  "data-check": "checks: write, contents: read, pull-requests: write",
  adr: "checks: write, contents: read, pull-requests: write",
  scorecard:
    "contents: write, pull-requests: write, deployments: read, issues: read (actions: read for dora.source workflow-runs)",
  "debt-sync": "contents: read, issues: write",
  incident: "contents: write, issues: write, pull-requests: write",
  onboard: "contents: write, pull-requests: write, deployments: read",
};

const orgCommands = new Set(["org-plan", "org-scorecard", "org-merge"]);

/** The code of a connection failure (ECONNREFUSED, ENOTFOUND, ...) in an error or its causes. */
export function connectionCode(error: unknown): string | undefined {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const { code, message } = cause as { code?: unknown; message?: unknown };
    if (typeof code === "string" && /^E[A-Z_]+$|^UND_ERR|CERT|SELF_SIGNED/.test(code)) return code;
    const inMessage =
      typeof message === "string"
        ? /\b(E(?:CONNREFUSED|CONNRESET|NOTFOUND|AI_AGAIN|TIMEDOUT|HOSTUNREACH|NETUNREACH))\b/.exec(message)
        : null;
    if (inMessage) return inMessage[1];
    cause = (cause as { cause?: unknown }).cause;
  }
  return undefined;
}

/** One sentence on why GitHub's API cannot be reached, and what to check. */
export function unreachableHint(code: string): string {
  const api = process.env.GITHUB_API_URL || "https://api.github.com";
  return `GitHub's API at ${api} cannot be reached (${code}): check GITHUB_API_URL (the runner sets it; on GitHub Enterprise Server it is https://HOST/api/v3) and that the runner's network or proxy lets it through.`;
}

/**
 * What to check next after a failed run, from the error GitHub (or the network) gave: the
 * github-token input, the workflow's permissions, GITHUB_API_URL. Undefined when the error
 * already says all there is (a bad input, an invalid file).
 */
function failureHint(error: unknown, command: string): string | undefined {
  const code = connectionCode(error);
  const status = (error as { status?: unknown }).status;
  if (code && (status === undefined || status === 500)) return unreachableHint(code);
  const message = error instanceof Error ? error.message : "";
  const org = orgCommands.has(command);
  if (status === 401)
    return `GitHub refused the token (401): check the github-token input. The default \${{ github.token }} works for this repository; a personal access token or App token may be expired, revoked or mistyped (a secret that is not set passes an empty token).`;
  if (status === 403 && !/rate limit/i.test(message)) {
    if (org)
      return "The token may not read or write what this command needs (403): org commands need a GitHub App installation token passed as github-token (actions/create-github-app-token), with contents and metadata read on the repositories and contents: write on the target; see docs/action.md#permissions.";
    return `The token lacks a permission (403 ${message.replace(/ - https?:\S+$/, "")}): give the job a permissions: block with ${permissionsOf[command] ?? permissionsOf.auto}; see docs/action.md#permissions. A pull request from a fork gets a read-only token whatever the block says.`;
  }
  if (status === 404)
    return org
      ? "GitHub answered 404: the token cannot see that organisation or repository; org commands need a GitHub App installation token that is installed on them, passed as github-token."
      : "GitHub answered 404: the token cannot see this repository or the object asked for; with a github-token other than the default, check that it can read this repository.";
  return undefined;
}

/**
 * Says what to check next, as an error annotation and in the job summary, after the step failed.
 * `redact` scrubs secrets: a hint may quote GitHub's message, which can echo a token.
 */
export async function explainFailure(error: unknown, redact: (text: string) => string): Promise<void> {
  const command = core.getInput("command") || "auto";
  const raw = failureHint(error, command);
  if (!raw) return;
  const hint = redact(raw);
  core.error(hint);
  await core.summary.addRaw(`## CTO Co-Pilot: the step failed\n\n${hint}\n`, true).write();
}
