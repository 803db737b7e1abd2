// Writes schemas/*.schema.json from the zod schemas (run `npm run schemas` after changing src/schemas/).
import { writeFile } from "node:fs/promises";
import { renderJsonSchemas } from "../lib/schemas/json-schema.js";

for (const [file, text] of Object.entries(renderJsonSchemas())) {
  await writeFile(new URL(`../schemas/${file}`, import.meta.url), text);
  console.log(`wrote schemas/${file}`);
}
