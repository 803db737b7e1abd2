import { readFile } from "node:fs/promises";
import { fillEmptyFields } from "../discovery/fill-empty-fields.js";
import { writeAtomically } from "../local/write-atomically.js";
import { techStackSchema } from "../schemas/tech-stack.js";
import { colorsFor, UsageError, type CliIo } from "./io.js";

const json = (value: unknown) => JSON.stringify(value, null, 2) + "\n";

/** Fills only the empty fields of a tech_stack.json a person wrote, and says which. */
export async function fillTechStack(target: string, shown: string, discovered: unknown, io: CliIo): Promise<void> {
  const colors = colorsFor(io);
  const text = await readFile(target, "utf8");
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new UsageError(
      `${shown} is not valid JSON: run \`cto-copilot validate\` to see where, fix it, then run init --discover again`,
    );
  }
  const existing = techStackSchema.safeParse(parsed);
  if (!existing.success)
    throw new UsageError(
      `${shown} does not match the tech_stack schema: run \`cto-copilot validate\`, fix it, then run init --discover again`,
    );
  const { merged, filled } = fillEmptyFields(existing.data, techStackSchema.parse(discovered));
  if (filled.length === 0) {
    io.stdout.write(`${colors.gray("exists ")} ${shown} (kept: every field discovery could fill is already written)\n`);
    return;
  }
  await writeAtomically(target, json(merged));
  io.stdout.write(
    `${colors.green("filled ")} ${shown}: ${filled.length} empty ${filled.length === 1 ? "field" : "fields"} (what was written is kept)\n`,
  );
  for (const { field, value } of filled) io.stdout.write(`         ${field} = ${value}\n`);
}
