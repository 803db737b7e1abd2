import { jsonRecord, record } from "../../text/records.js";
import type { Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/** composer.json: `require` and `require-dev` (PHP extensions such as `ext-pdo_pgsql` included: they name the database). */
export function readComposer(path: string, text: string): Manifest | undefined {
  const json = jsonRecord(text);
  if (!json) return undefined;
  const deps = [
    ...Object.keys(record(json.require)).map((name) => dependency(name.toLowerCase(), false)),
    ...Object.keys(record(json["require-dev"])).map((name) => dependency(name.toLowerCase(), true)),
  ];
  return { path, ecosystem: "php", dependencies: deps, role: "application" };
}
