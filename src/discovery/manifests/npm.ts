import { jsonRecord, record } from "../../text/records.js";
import { strings } from "../text.js";
import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/**
 * Site generators for documentation: a package built on one is the project's docs (a Go API's
 * Docusaurus `website/`), not its frontend, whatever UI library the generator runs on.
 */
const docsGenerators = new Set(["@docusaurus/core", "vitepress", "vuepress", "@vuepress/core", "nextra", "docz"]);

/** package.json: runtime dependencies (peer and optional ones too: a UI library names React there) and devDependencies. */
export function readPackageJson(path: string, text: string): Manifest | undefined {
  const json = jsonRecord(text);
  if (!json) return undefined;
  const dependencies: Dependency[] = [];
  for (const [section, dev] of [
    ["dependencies", false],
    ["peerDependencies", false],
    ["optionalDependencies", false],
    ["devDependencies", true],
  ] as const)
    for (const name of Object.keys(record(json[section]))) dependencies.push(dependency(name, dev));
  const workspaces = Array.isArray(json.workspaces)
    ? strings(json.workspaces)
    : strings(record(json.workspaces).packages);
  const scripts = Object.fromEntries(
    Object.entries(record(json.scripts)).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
  const entryPoint = ["exports", "main", "module", "bin"].find((field) => json[field] !== undefined);
  return {
    path,
    ecosystem: "node",
    ...(entryPoint ? { entryPoint } : {}),
    dependencies,
    role: dependencies.some((dep) => docsGenerators.has(dep.name)) ? "docs" : "application",
    ...(workspaces.length > 0 ? { workspaces } : {}),
    scripts,
  };
}
