import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { applyEdits, modify } from "jsonc-parser";
import { githubGateway } from "../../github/gateway.js";
import { standaloneClient } from "../../github/standalone-client.js";
import { writeAtomically } from "../../local/write-atomically.js";
import { workingTree } from "../../ports/repository-view.js";
import { dataFilePath, dataLayoutOf } from "../../schemas/data-files.js";
import { techDebtSchema } from "../../schemas/tech-debt.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { syncDebtIssues } from "../../use-cases/sync-debt-issues.js";
import { expectedDebtSummary } from "../../validate/rules/tech-debt.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

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

/** `cto-copilot debt summary --fix`: sets `summary` to what the items give, leaving the rest of the file as it is. */
export async function debtSummaryCommand(options: { root?: string; fix?: boolean }, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root);
  const { config } = (await loadConfig(localContext(io, { root }).view, workingTree)).resolved;
  const path = dataFilePath(dataLayoutOf(config), "tech_debt");
  const text = await readFile(join(root, path), "utf8").catch(() => undefined);
  if (text === undefined)
    throw new UsageError(`no ${displayPath(io, root, path)}; create it with \`cto-copilot init\``);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`${displayPath(io, root, path)} is not valid JSON: run \`cto-copilot validate\` first`);
  }
  const debt = techDebtSchema.safeParse(value);
  if (!debt.success)
    throw new UsageError(
      `${displayPath(io, root, path)} has errors besides the summary: run \`cto-copilot validate\` and fix them first`,
    );
  const expected = expectedDebtSummary(debt.data.items.filter((item) => item.resolvedAt === null));
  const changes = (Object.keys(expected) as (keyof typeof expected)[]).filter(
    (key) => debt.data.summary[key] !== expected[key],
  );
  if (changes.length === 0) {
    io.stdout.write(`${displayPath(io, root, path)}: the summary already matches the items.\n`);
    return exitCodes.ok;
  }
  const described = changes.map((key) => `${key} ${debt.data.summary[key]} -> ${expected[key]}`).join(", ");
  if (!options.fix) {
    io.stdout.write(
      `${displayPath(io, root, path)}: the summary does not match the items (${described}); --fix rewrites it.\n`,
    );
    return exitCodes.findings;
  }
  // Only the summary's values change: indentation, key order and everything else stay as written.
  const indent = /\n([ \t]+)"/.exec(text)?.[1] ?? "  ";
  const edits = changes.flatMap((key) =>
    modify(text, ["summary", key], expected[key], {
      formattingOptions: { insertSpaces: !indent.includes("\t"), tabSize: indent.length },
    }),
  );
  await writeAtomically(join(root, path), applyEdits(text, edits));
  io.stdout.write(`${colorsFor(io).green("fixed")} ${displayPath(io, root, path)}: ${described}\n`);
  return exitCodes.ok;
}
