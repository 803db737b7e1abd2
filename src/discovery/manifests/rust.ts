import { record } from "../../text/records.js";
import { strings, tomlRecord } from "../text.js";
import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/** A `[dependencies]` table: `name = "1"` or `name = { version, features, package = "real-name", workspace = true }`. */
function table(section: unknown, dev: boolean): Dependency[] {
  return Object.entries(record(section)).map(([key, spec]) => {
    const body = record(spec);
    const name = typeof body.package === "string" ? body.package : key;
    return dependency(name, dev, strings(body.features));
  });
}

/**
 * Cargo.toml: dependencies (per target too), dev-dependencies, and for a workspace root its
 * members and `[workspace.dependencies]` (members inherit those with `workspace = true`).
 */
export function readCargo(path: string, text: string): Manifest | undefined {
  const toml = tomlRecord(text);
  if (!toml) return undefined;
  const workspace = record(toml.workspace);
  const deps = [
    ...table(toml.dependencies, false),
    ...table(toml["dev-dependencies"], true),
    ...table(workspace.dependencies, false),
    ...Object.values(record(toml.target)).flatMap((target) => table(record(target).dependencies, false)),
  ];
  const members = strings(workspace.members);
  return {
    path,
    ecosystem: "rust",
    dependencies: deps,
    role: "application",
    ...(members.length > 0 ? { workspaces: members } : {}),
  };
}
