import { workingTree } from "../../ports/repository-view.js";
import { dataFilePath, dataLayoutOf } from "../../schemas/data-layout.js";
import { evidenceByField, labelOf } from "../../discovery/first-sync.js";
import { discoverRepository, type DiscoveryRun } from "../../use-cases/discover-repository.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { colorsFor, exitCodes, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

export interface DiscoverOptions {
  root?: string;
  format: "text" | "json";
}

/** Discovery over the working tree: deployments are the release tags, as for the offline scorecard. */
export async function discoverLocally(
  root: string,
  io: CliIo,
): Promise<{ run: DiscoveryRun; windowDays: number; techStackPath: string }> {
  const { view } = localContext(io, { root });
  const { config: configured } = (await loadConfig(view, workingTree)).resolved;
  const config = { ...configured, dora: { ...configured.dora, source: "tags" as const } };
  const run = await discoverRepository(view, config, { ref: workingTree, branch: "HEAD", now: io.now() });
  return { run, windowDays: config.dora.windowDays, techStackPath: dataFilePath(dataLayoutOf(config), "tech_stack") };
}

/** `cto-copilot discover`: the stack the repository shows, each value with where it came from. */
export async function discoverCommand(options: DiscoverOptions, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, options.root);
  const { run, windowDays, techStackPath } = await discoverLocally(root, io);
  if (options.format === "json") {
    io.stdout.write(
      JSON.stringify({ techStack: run.techStack, evidence: run.evidence, questions: run.questions }, null, 2) + "\n",
    );
    for (const note of run.notes) io.stderr.write(`note: ${note}\n`);
    return exitCodes.ok;
  }
  io.stdout.write(formatDiscoveryText(run, windowDays, io));
  io.stdout.write(
    `\nNext: \`cto-copilot init --discover\` writes this into ${displayPath(io, root, techStackPath)}.\n`,
  );
  return exitCodes.ok;
}

/** The terminal form: one line per value with its source, the stage, then the questions. */
export function formatDiscoveryText(run: DiscoveryRun, windowDays: number, io: CliIo): string {
  const colors = colorsFor(io);
  const groups = evidenceByField(run.evidence).filter(([field]) => field !== "maturityStage");
  const width = Math.max(0, ...groups.map(([field]) => labelOf(field).length));
  const lines = [
    colors.bold("First CTO sync: what the repository shows"),
    colors.gray(
      `${run.read.files} files listed, ${run.read.evidenceFiles} read, ${run.read.commits} commits of the last ${windowDays} days`,
    ),
    "",
  ];
  for (const [field, items] of groups) {
    const values = [...new Set(items.map((item) => item.value))].join(", ");
    lines.push(`${labelOf(field).padEnd(width)}  ${colors.bold(values)}`);
    for (const item of items) lines.push(`${" ".repeat(width)}  ${colors.gray(`${item.source}: ${item.reason}`)}`);
  }
  if (groups.length === 0)
    lines.push("Nothing recognised: no manifest, CI, infrastructure or observability file found.");
  const stage = run.evidence.find((item) => item.field === "maturityStage");
  lines.push(
    "",
    `${"Stage".padEnd(width)}  ${colors.bold(run.techStack.maturityStage)}${stage ? colors.gray(` (${stage.reason})`) : ""}`,
  );
  for (const note of run.notes) lines.push(colors.yellow(`note: ${note}`));
  lines.push(
    "",
    colors.bold("What the repository cannot tell (ask your team):"),
    ...run.questions.map((question) => `  - ${question}`),
  );
  return lines.join("\n") + "\n";
}
