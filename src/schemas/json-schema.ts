import { z } from "zod";
import { publishedSchemas } from "./index.js";

/** Base of the `$id` of every published schema: a stable name, not a network location. */
const schemaIdBase = "urn:cto-copilot:schema:";

/**
 * Renders every published schema as JSON Schema draft 2020-12, keyed by file name.
 * The config schema describes its input (defaults make keys optional); data files
 * describe what must be written.
 */
export function renderJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, schema] of Object.entries(publishedSchemas)) {
    const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }) as Record<string, unknown>;
    const { $schema, ...rest } = generated;
    const document = { $schema, $id: schemaIdBase + file.replace(/\.schema\.json$/, ""), ...rest };
    out[file] = JSON.stringify(document, null, 2) + "\n";
  }
  return out;
}
