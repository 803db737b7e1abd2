import { record } from "../../text/records.js";
import { baseName, strings, tomlRecord } from "../text.js";
import type { Dependency, Manifest } from "./manifest.js";
import { dependency } from "./manifest.js";

/** PyPI names compare case-insensitively with `-`, `_` and `.` alike (PEP 503). */
const pythonName = (name: string) => name.toLowerCase().replace(/[-_.]+/g, "-");

/** Groups, extras and requirement files for development, tests, linting or docs. */
const devGroup =
  /(^|[-_/.])(dev|develop|development|test|tests|testing|lint|linting|doc|docs|typing|ci|local)([-_/.]|$)/i;

/** `Django[argon2]>=4.2 ; python_version >= "3.10"` -> django with extra argon2; undefined for options and URLs. */
function requirement(line: string, dev: boolean): Dependency | undefined {
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?/.exec(line.trim());
  if (!match) return undefined;
  const extras = (match[2] ?? "")
    .split(",")
    .map((extra) => extra.trim().toLowerCase())
    .filter(Boolean);
  return dependency(pythonName(match[1]!), dev, extras);
}

function fromLines(lines: readonly string[], dev: boolean): Dependency[] {
  const deps: Dependency[] = [];
  for (const raw of lines) {
    const line = raw.replace(/(^|\s)#.*/, "").trim();
    // `-r base.txt`, `-e .`, `--index-url`: the included file is read on its own; URLs name no package plainly.
    if (!line || line.startsWith("-") || line.includes("://")) continue;
    const entry = requirement(line, dev);
    if (entry) deps.push(entry);
  }
  return deps;
}

/** requirements*.txt and requirements/*.txt; a file for development or tests (`requirements-dev.txt`, `requirements/test.txt`) holds dev dependencies only. */
export function readRequirements(path: string, text: string): Manifest {
  const dev =
    devGroup.test(
      baseName(path)
        .replace(/^requirements/, "")
        .replace(/\.txt$/, ""),
    ) ||
    (/requirements\/[^/]+$/.test(path) && devGroup.test(baseName(path).replace(/\.txt$/, "")));
  return { path, ecosystem: "python", dependencies: fromLines(text.split("\n"), dev), role: "application" };
}

/** Poetry's table form: `{ version = "^2.0", extras = ["asyncio"] }` or a bare version. */
function poetryTable(table: unknown, dev: boolean): Dependency[] {
  return Object.entries(record(table))
    .filter(([name]) => name.toLowerCase() !== "python")
    .map(([name, spec]) =>
      dependency(
        pythonName(name),
        dev,
        strings(record(spec).extras).map((extra) => extra.toLowerCase()),
      ),
    );
}

/** pyproject.toml: PEP 621 (`[project]`, optional dependencies, PEP 735 groups), Poetry, PDM and uv. */
export function readPyproject(path: string, text: string): Manifest | undefined {
  const toml = tomlRecord(text);
  if (!toml) return undefined;
  const project = record(toml.project);
  const tool = record(toml.tool);
  const poetry = record(tool.poetry);
  const deps: Dependency[] = [...fromLines(strings(project.dependencies), false)];
  for (const [group, list] of Object.entries(record(project["optional-dependencies"])))
    deps.push(...fromLines(strings(list), devGroup.test(group)));
  // PEP 735 dependency groups are never installed with the package: development only.
  for (const list of Object.values(record(toml["dependency-groups"]))) deps.push(...fromLines(strings(list), true));
  deps.push(...poetryTable(poetry.dependencies, false), ...poetryTable(poetry["dev-dependencies"], true));
  for (const [group, body] of Object.entries(record(poetry.group)))
    deps.push(...poetryTable(record(body).dependencies, group !== "main"));
  for (const list of Object.values(record(record(tool.pdm)["dev-dependencies"])))
    deps.push(...fromLines(strings(list), true));
  deps.push(...fromLines(strings(record(tool.uv)["dev-dependencies"]), true));
  return { path, ecosystem: "python", dependencies: deps, role: "application" };
}

/** Pipfile (TOML): `[packages]` and `[dev-packages]`. */
export function readPipfile(path: string, text: string): Manifest | undefined {
  const toml = tomlRecord(text);
  if (!toml) return undefined;
  const deps = [...poetryTable(toml.packages, false), ...poetryTable(toml["dev-packages"], true)];
  return { path, ecosystem: "python", dependencies: deps, role: "application" };
}

/** setup.py is code: the quoted requirements of `install_requires=[...]` are read by pattern. */
export function readSetupPy(path: string, text: string): Manifest {
  const list = /install_requires\s*=\s*\[([^\]]*)\]/.exec(text)?.[1] ?? "";
  const quoted = [...list.matchAll(/["']([^"']+)["']/g)].map((match) => match[1]!);
  return { path, ecosystem: "python", dependencies: fromLines(quoted, false), role: "application" };
}
