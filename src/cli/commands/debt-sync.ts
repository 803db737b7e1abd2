import { githubGateway } from "../../github/gateway.js";
import { standaloneClient } from "../../github/standalone-client.js";
import { syncDebtIssues } from "../../use-cases/sync-debt-issues.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";

/** `cto-copilot debt sync --repo owner/name`: the tech-debt issues of a GitHub repository, kept in step with its tech_debt.json. */
export async function debtSyncCommand(
  options: { repo?: string; branch?: string; dryRun?: boolean; format: "text" | "json" },
  io: CliIo,
): Promise<number> {
  const [owner, name, extra] = (options.repo ?? "").split("/");
  if (!owner || !name || extra !== undefined)
    throw new UsageError("debt sync needs --repo OWNER/NAME, e.g. --repo acme/api");
  const token = io.env.GITHUB_TOKEN ?? io.env.GH_TOKEN;
  if (!token)
    throw new UsageError(
      "debt sync needs a token in GITHUB_TOKEN (issues: write, contents: read); with --dry-run, issues: read is enough",
    );
  const warn = (message: string) => io.stderr.write(`warning: ${message}\n`);
  const client = standaloneClient({ token, apiUrl: io.env.GITHUB_API_URL, warn });
  const gateway = githubGateway(client, { owner, repo: name });
  let branch = options.branch;
  if (!branch) {
    const { data } = await client.request("GET /repos/{owner}/{repo}", { owner, repo: name });
    branch = data.default_branch;
  }
  const serverUrl = io.env.GITHUB_SERVER_URL ?? "https://github.com";
  const outcome = await syncDebtIssues(
    { ...gateway, log: { debug() {}, info() {}, warn, error: (message) => io.stderr.write(`error: ${message}\n`) } },
    { branch, repositoryUrl: `${serverUrl}/${owner}/${name}`, dryRun: options.dryRun ?? false },
  );
  if (options.format === "json") {
    io.stdout.write(
      JSON.stringify(
        outcome.status === "skipped"
          ? outcome
          : { status: outcome.status, file: outcome.file, commit: outcome.commit, plan: outcome.plan },
      ) + "\n",
    );
    return exitCodes.ok;
  }
  if (outcome.status === "skipped") {
    io.stdout.write(`Nothing to do: ${outcome.reason}.\n`);
    return exitCodes.ok;
  }
  const { plan } = outcome;
  const colors = colorsFor(io);
  const rows = [
    ...plan.creates.map((create) => ["create", "", create.id, create.reason]),
    ...plan.updates.map((update) => ["edit", `#${update.number}`, update.id, update.reason]),
    ...plan.closes.map((close) => [
      `close (${close.stateReason.replace("_", " ")})`,
      `#${close.number}`,
      close.id,
      close.reason,
    ]),
    ...plan.reopens.map((reopen) => ["reopen", `#${reopen.number}`, reopen.id, reopen.reason]),
    ...plan.drift.map((drift) => ["left closed", `#${drift.number}`, drift.id, drift.reason]),
  ];
  const verb = outcome.status === "planned" ? "would" : "did";
  if (rows.length === 0)
    io.stdout.write(`${owner}/${name}: every open debt item has its issue, and every issue matches ${outcome.file}.\n`);
  else {
    io.stdout.write(`${owner}/${name} (${outcome.file} at ${outcome.commit.slice(0, 7)}): what the sync ${verb} do\n`);
    const widths = [0, 1, 2].map((column) => Math.max(...rows.map((row) => row[column]!.length)));
    for (const row of rows)
      io.stdout.write(
        `  ${row[0]!.padEnd(widths[0]!)}  ${row[1]!.padEnd(widths[1]!)}  ${row[2]!.padEnd(widths[2]!)}  ${colors.gray(row[3]!)}\n`,
      );
  }
  if (plan.deferred > 0) io.stdout.write(`${plan.deferred} more to create on later runs (debt.maxCreatesPerRun).\n`);
  return exitCodes.ok;
}
