import { posix } from "node:path";
import { parse as parseToml } from "smol-toml";

export interface DependencyChange {
  name: string;
  kind: "added" | "major";
  from?: string;
  to: string;
}

type Dependencies = Map<string, string>;

/** The major version of a version or range ("^4.2.0" -> "4", "0.3.1" -> "0.3": below 1, the minor is the breaking part). */
export function majorOf(version: string): string | undefined {
  const match = /(\d+)(?:\.(\d+))?/.exec(version);
  if (!match) return undefined;
  return match[1] === "0" ? `0.${match[2] ?? "0"}` : match[1];
}

function fromPackageJson(text: string): Dependencies {
  const json = JSON.parse(text) as Record<string, Record<string, string> | undefined>;
  // Runtime dependencies only: devDependencies do not ship.
  return new Map(
    ["dependencies", "peerDependencies", "optionalDependencies"].flatMap((section) =>
      Object.entries(json[section] ?? {}),
    ),
  );
}

function fromGoMod(text: string): Dependencies {
  const deps: Dependencies = new Map();
  let inBlock = false;
  for (const raw of text.split("\n")) {
    const line = raw.trim();
    if (line.startsWith("require (")) inBlock = true;
    else if (inBlock && line === ")") inBlock = false;
    const entry = inBlock ? line : /^require\s+(.*)$/.exec(line)?.[1];
    if (!entry || entry.includes("// indirect")) continue;
    const match = /^(\S+)\s+(v\S+)/.exec(entry);
    if (match) deps.set(match[1]!, match[2]!);
  }
  return deps;
}

function fromRequirements(text: string): Dependencies {
  const deps: Dependencies = new Map();
  for (const raw of text.split("\n")) {
    const line = raw.replace(/#.*/, "").trim();
    if (!line || line.startsWith("-")) continue;
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(?:\[[^\]]*\])?\s*(.*)$/.exec(line);
    if (match) deps.set(match[1]!.toLowerCase().replace(/[._]/g, "-"), match[2]!.trim() || "*");
  }
  return deps;
}

function fromPyproject(text: string): Dependencies {
  const toml = parseToml(text) as {
    project?: { dependencies?: string[] };
    tool?: { poetry?: { dependencies?: Record<string, unknown> } };
  };
  const deps = fromRequirements((toml.project?.dependencies ?? []).join("\n"));
  for (const [name, spec] of Object.entries(toml.tool?.poetry?.dependencies ?? {})) {
    if (name === "python") continue;
    deps.set(
      name.toLowerCase(),
      typeof spec === "string" ? spec : String((spec as { version?: string }).version ?? "*"),
    );
  }
  return deps;
}

function fromCargo(text: string): Dependencies {
  const toml = parseToml(text) as { dependencies?: Record<string, unknown> };
  return new Map(
    Object.entries(toml.dependencies ?? {}).map(([name, spec]) => [
      name,
      typeof spec === "string" ? spec : String((spec as { version?: string }).version ?? "*"),
    ]),
  );
}

/** pom.xml: `<dependency>` blocks that are not test- or provided-scoped. */
function fromPom(text: string): Dependencies {
  const deps: Dependencies = new Map();
  // indexOf, not a lazy regex: a file of unclosed <dependency> tags stays linear (a PR author controls it).
  for (let start = text.indexOf("<dependency>"); start >= 0; start = text.indexOf("<dependency>", start + 1)) {
    const end = text.indexOf("</dependency>", start);
    if (end < 0) break; // no block can close any more
    const block = text.slice(start, end);
    const tag = (name: string) => {
      const open = block.indexOf(`<${name}>`);
      const close = open < 0 ? -1 : block.indexOf(`</${name}>`, open);
      const value = close < 0 ? "" : block.slice(open + name.length + 2, close).trim();
      return value && !value.includes("<") ? value : undefined;
    };
    if (["test", "provided"].includes(tag("scope") ?? "")) continue;
    const group = tag("groupId");
    const artifact = tag("artifactId");
    if (group && artifact) deps.set(`${group}:${artifact}`, tag("version") ?? "*");
  }
  return deps;
}

/** build.gradle(.kts) is code: dependency notations are read by pattern ("group:name:version"). */
function fromGradle(text: string): Dependencies {
  const deps: Dependencies = new Map();
  // One whitespace run before an optional "(" and one after it: two adjacent \s* would backtrack on long runs of spaces.
  const notation = /\b(?:implementation|api|runtimeOnly|compile)\s*(?:\(\s*)?["']([^:"']+):([^:"']+):([^"']+)["']/g;
  for (const match of text.matchAll(notation)) deps.set(`${match[1]}:${match[2]}`, match[3]!);
  return deps;
}

const readers: [RegExp, (text: string) => Dependencies][] = [
  [/^package\.json$/, fromPackageJson],
  [/^go\.mod$/, fromGoMod],
  [/^requirements.*\.txt$/, fromRequirements],
  [/^pyproject\.toml$/, fromPyproject],
  [/^Cargo\.toml$/, fromCargo],
  [/^pom\.xml$/, fromPom],
  [/^build\.gradle(\.kts)?$/, fromGradle],
];

export function isDependencyManifest(path: string): boolean {
  const name = posix.basename(path);
  return readers.some(([pattern]) => pattern.test(name));
}

function read(path: string, text: string | undefined): Dependencies {
  if (text === undefined) return new Map();
  const reader = readers.find(([pattern]) => pattern.test(posix.basename(path)))?.[1];
  try {
    return reader ? reader(text) : new Map();
  } catch {
    return new Map(); // an unparseable manifest is the build's problem, not a decision
  }
}

/** Runtime dependencies added, or moved to another major version, between two versions of a manifest. */
export function dependencyChanges(
  path: string,
  before: string | undefined,
  after: string | undefined,
): DependencyChange[] {
  const old = read(path, before);
  const next = read(path, after);
  const changes: DependencyChange[] = [];
  for (const [name, version] of next) {
    const previous = old.get(name);
    if (previous === undefined) changes.push({ name, kind: "added", to: version });
    else if (
      majorOf(previous) !== undefined &&
      majorOf(version) !== undefined &&
      majorOf(previous) !== majorOf(version)
    )
      changes.push({ name, kind: "major", from: previous, to: version });
  }
  return changes;
}
