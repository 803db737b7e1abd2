import { githubGateway } from "../../github/gateway.js";
import { standaloneClient } from "../../github/standalone-client.js";
import { syncFollowUp } from "../../use-cases/sync-follow-up.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";

/** `cto-copilot follow-up sync --repo owner/name`: the follow-up issues of a GitHub repository, as the Action keeps them. */
export async function followUpSyncCommand(
  options: { repo?: string; dryRun?: boolean; format: "text" | "json" },
  io: CliIo,
): Promise<number> {
  const [owner, name, extra] = (options.repo ?? "").split("/");
  if (!owner || !name || extra !== undefined)
    throw new UsageError("follow-up sync needs --repo OWNER/NAME, e.g. --repo acme/api");
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "follow-up sync needs a token in GITHUB_TOKEN (issues: write, contents: write, pull-requests: write); with --dry-run, read access is enough",
    );
  const warn = (message: string) => io.stderr.write(`warning: ${message}\n`);
  const client = standaloneClient({ token, apiUrl: io.env.GITHUB_API_URL, warn });
  const { data } = await client.request("GET /repos/{owner}/{repo}", { owner, repo: name });
  const serverUrl = io.env.GITHUB_SERVER_URL ?? "https://github.com";
  const outcome = await syncFollowUp(
    {
      ...githubGateway(client, { owner, repo: name }),
      log: { debug() {}, info() {}, warn, error: (message) => io.stderr.write(`error: ${message}\n`) },
      now: io.now,
    },
    { branch: data.default_branch, repositoryUrl: `${serverUrl}/${owner}/${name}`, dryRun: options.dryRun ?? false },
  );
  if (options.format === "json") {
    io.stdout.write(JSON.stringify(outcome) + "\n");
    return exitCodes.ok;
  }
  if (outcome.status === "skipped") {
    io.stdout.write(`Nothing to do: ${outcome.reason}.\n`);
    return exitCodes.ok;
  }
  const { plan } = outcome;
  const rows = [
    ...plan.creates.map((create) => ["create", "", create.subject, create.reason]),
    ...plan.updates.map((update) => ["edit", `#${update.number}`, update.subject, update.reason]),
    ...plan.closes.map((close) => [
      `close (${close.stateReason.replace("_", " ")})`,
      `#${close.number}`,
      close.subject,
      close.reason,
    ]),
    ...plan.reopens.map((reopen) => ["reopen", `#${reopen.number}`, reopen.subject, reopen.reason]),
    ...plan.drift.map((drift) => [
      "tick",
      `#${drift.number}`,
      `${drift.item.file} row ${drift.item.row}`,
      drift.reason,
    ]),
  ];
  const colors = colorsFor(io);
  if (rows.length === 0) io.stdout.write(`${owner}/${name}: every follow-up issue matches the files.\n`);
  else {
    io.stdout.write(
      `${owner}/${name} (at ${outcome.commit.slice(0, 7)}): what the sync ${outcome.status === "planned" ? "would" : "did"} do\n`,
    );
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows)
      io.stdout.write(
        `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${colors.gray(row[3]!)}\n`,
      );
  }
  if (outcome.backSync)
    io.stdout.write(`Pull request #${outcome.backSync.number} ticks the rows of hand-closed issues.\n`);
  if (plan.deferred > 0)
    io.stdout.write(`${plan.deferred} more to create on later runs (followUp.maxCreatesPerRun).\n`);
  return exitCodes.ok;
}
