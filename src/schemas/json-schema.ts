import * as z from "zod";
import { publishedSchemas } from "./index.js";
import { schemaUrl } from "./schema-url.js";

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
    const document = { $schema, $id: schemaUrl(file), ...rest };
    out[file] = JSON.stringify(document, null, 2) + "\n";
  }
  return out;
}
