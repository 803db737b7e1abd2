import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { applyEdits, modify } from "jsonc-parser";
import { writeAtomically } from "../../local/write-atomically.js";
import { workingTree } from "../../ports/repository-view.js";
import { dataFilePath, dataLayoutOf } from "../../schemas/data-files.js";
import { techDebtSchema } from "../../schemas/tech-debt.js";
import { loadConfig } from "../../use-cases/load-config.js";
import { expectedDebtSummary } from "../../validate/rules/tech-debt.js";
import { colorsFor, exitCodes, UsageError, type CliIo } from "../io.js";
import { localContext } from "../local-context.js";
import { displayPath, repositoryRoot } from "../repository-root.js";

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
