import { posix } from "node:path";
import { parse as parseToml } from "smol-toml";
import { clean, listed, reasonText, type ReadFile, type Signal } from "./signal.js";

/**
 * Runtimes and toolchains, wherever a repository pins them. Moving to another release line of a
 * language runtime (Node 18 -> 20, Python 3.8 -> 3.10, Java 17 -> 21) or of a datastore engine
 * (Postgres 15 -> 16), or switching package manager (Yarn -> pnpm, Poetry -> uv), is a decision
 * every developer and every deployment lives with; a patch or minor inside the same line is not.
 */

/** Digits of a release line: Node, Java, Go and datastores by major; Python, Ruby, PHP and Elixir by major.minor. */
const lineDepth: Record<string, number> = {
  node: 1,
  nodejs: 1,
  python: 2,
  ruby: 2,
  php: 2,
  elixir: 2,
  golang: 1,
  go: 1,
  java: 1,
  openjdk: 1,
  "eclipse-temurin": 1,
  amazoncorretto: 1,
  "ibm-semeru-runtimes": 1,
  sdk: 1,
  aspnet: 1,
  runtime: 1,
  dotnet: 1,
  rust: 1,
  erlang: 1,
  deno: 1,
  bun: 1,
  postgres: 1,
  postgis: 1,
  mysql: 1,
  // Release series of their own (MariaDB 10.6, 10.11 LTS; ClickHouse 23.8 LTS, numbered by year.month): an upgrade between them migrates the data.
  mariadb: 2,
  mongo: 1,
  mongodb: 1,
  redis: 1,
  valkey: 1,
  elasticsearch: 1,
  opensearch: 1,
  rabbitmq: 1,
  kafka: 1,
  "cp-kafka": 1,
  clickhouse: 2,
  "clickhouse-server": 2,
  memcached: 1,
  cassandra: 1,
  nats: 1,
  // Reverse proxies and build tools pinned by major.
  traefik: 1,
  caddy: 1,
  haproxy: 1,
  gradle: 1,
  maven: 1,
};

/** The release line of a version for a runtime: ("python", "3.10.4") -> "3.10"; ("node", "v18.12.0") -> "18". */
export function releaseLine(runtime: string, version: string): string | undefined {
  const depth = lineDepth[runtime.toLowerCase()];
  const match = /(\d+)(?:\.(\d+))?/.exec(version);
  if (depth === undefined || !match) return undefined;
  return depth === 2 && match[2] !== undefined ? `${match[1]}.${match[2]}` : match[1];
}

/** Runtimes and datastores whose images are pinned by release line (the last part of the image name). */
export const isVersionedImage = (name: string) => lineDepth[name.toLowerCase()] !== undefined;

type Pins = Map<string, string>;

const toolNames: Record<string, string> = { nodejs: "node", golang: "go", python: "python", java: "java" };

/** `.nvmrc`, `.node-version`, `.python-version`, `.ruby-version`, `.tool-versions`, `runtime.txt`. */
function pinsOfVersionFile(name: string, text: string): Pins {
  const pins: Pins = new Map();
  const first =
    text
      .split("\n")
      .find((line) => line.trim() && !line.trim().startsWith("#"))
      ?.trim() ?? "";
  if (name === ".nvmrc" || name === ".node-version") pins.set("node", first);
  else if (name === ".python-version") pins.set("python", first);
  else if (name === ".ruby-version") pins.set("ruby", first);
  else if (name === "runtime.txt") {
    const match = /^(python|ruby|php|java)-?(\S+)/.exec(first);
    if (match) pins.set(match[1]!, match[2]!);
  } else if (name === ".tool-versions")
    for (const line of text.split("\n")) {
      const match = /^\s*([\w-]+)\s+(\S+)/.exec(line);
      if (match && !line.trim().startsWith("#")) pins.set(toolNames[match[1]!] ?? match[1]!, match[2]!);
    }
  return pins;
}

/** The oldest version a constraint accepts: ">=18" -> 18; ">16.0 <21.0" -> 16.0; "^3.10" -> 3.10. */
const floorOf = (constraint: string) => /(?:>=?|\^|~=?|==)?\s*v?(\d+(?:\.\d+)*)/.exec(constraint)?.[1];

function pinsOfManifest(name: string, text: string): Pins {
  const pins: Pins = new Map();
  try {
    if (name === "package.json") {
      const json = JSON.parse(text) as { engines?: { node?: unknown }; packageManager?: unknown };
      if (typeof json.engines?.node === "string") pins.set("node", floorOf(json.engines.node) ?? "");
      if (typeof json.packageManager === "string") {
        const [tool, version] = json.packageManager.split("@");
        pins.set("package manager", `${tool}@${/^(\d+)/.exec(version ?? "")?.[1] ?? "?"}`);
      }
    } else if (name === "pyproject.toml") {
      const toml = parseToml(text) as {
        project?: { "requires-python"?: unknown };
        tool?: { poetry?: { dependencies?: { python?: unknown } } };
      };
      const requires = toml.project?.["requires-python"] ?? toml.tool?.poetry?.dependencies?.python;
      if (typeof requires === "string") pins.set("python", floorOf(requires) ?? "");
    }
  } catch {
    // An unreadable manifest is reported by the dependency reader.
  }
  if (name === "setup.py" || name === "setup.cfg") {
    const requires = /python_requires\s*=\s*["']?([^"'\n]+)/.exec(text)?.[1];
    if (requires) pins.set("python", floorOf(requires) ?? "");
  }
  if (name === "gradle-wrapper.properties" || name === "maven-wrapper.properties") {
    // distributionUrl=https\://services.gradle.org/distributions/gradle-8.14-bin.zip
    const wrapper = /distributionUrl=\S*?(gradle|maven)-(\d+(?:\.\d+)*)/.exec(text);
    if (wrapper) pins.set(wrapper[1]! === "gradle" ? "gradle" : "maven", wrapper[2]!);
  }
  // .NET: `<TargetFramework>net8.0</TargetFramework>` (or the first of `<TargetFrameworks>`), global.json's SDK.
  if (/\.(?:cs|fs|vb)proj$|^Directory\.Build\.props$/.test(name)) {
    const target = /<TargetFrameworks?>\s*net(?:coreapp)?(\d+\.\d+)/.exec(text)?.[1];
    if (target) pins.set("dotnet", target);
  }
  if (name === "global.json") {
    const sdk = /"sdk"\s*:\s*\{[^}]*"version"\s*:\s*"(\d+(?:\.\d+)*)"/.exec(text)?.[1];
    if (sdk) pins.set("dotnet", sdk);
  }
  if (name === "go.mod") {
    const go = /^go\s+(\d+(?:\.\d+)*)/m.exec(text)?.[1];
    if (go) pins.set("go", go);
  }
  if (name === "pom.xml") {
    const java = /<(?:java\.version|maven\.compiler\.release|maven\.compiler\.target)>\s*(\d+(?:\.\d+)?)\s*</.exec(
      text,
    )?.[1];
    if (java) pins.set("java", java.replace(/^1\./, ""));
  }
  if (/^build\.gradle(\.kts)?$/.test(name)) {
    const java =
      /JavaLanguageVersion\.of\(\s*(\d+)\s*\)|jvmToolchain\(\s*(\d+)\s*\)|JavaVersion\.VERSION_(?:1_)?(\d+)/.exec(text);
    const version = java?.[1] ?? java?.[2] ?? java?.[3];
    if (version) pins.set("java", version);
  }
  return pins;
}

export const isRuntimePinFile = (path: string) =>
  /^(\.nvmrc|\.node-version|\.python-version|\.ruby-version|\.tool-versions|runtime\.txt|setup\.py|setup\.cfg|gradle-wrapper\.properties|maven-wrapper\.properties|global\.json)$|\.(?:cs|fs|vb)proj$|^Directory\.Build\.props$/.test(
    posix.basename(path),
  );

function pinsOf(path: string, text: string | undefined): Pins {
  const cleaned = clean(text);
  if (cleaned === undefined) return new Map();
  const name = posix.basename(path);
  return name.startsWith(".") || name === "runtime.txt"
    ? pinsOfVersionFile(name, cleaned)
    : pinsOfManifest(name, cleaned);
}

/**
 * Runtimes a container build installs itself rather than by its base image: NodeSource's
 * `setup_16.x`, `ENV NODE_VERSION 18.19.0`, `ARG PYTHON_VERSION=3.12`, `nvm install 20`,
 * `openjdk-17-jdk`. The base stays `debian`, yet every image now runs another line.
 */
const buildInstalls: { runtime: string; pattern: RegExp; installer?: string }[] = [
  { runtime: "node", pattern: /nodesource\.com\/(?:setup|node)_(\d+)\.x/, installer: "NodeSource" },
  { runtime: "node", pattern: /^[ \t]*(?:ARG|ENV|export)[ \t]+NODE_(?:VERSION|MAJOR)[= \t]+["']?v?(\d[\w.]*)/m },
  { runtime: "node", pattern: /\bnvm\s+install\s+v?(\d+)/, installer: "nvm" },
  { runtime: "python", pattern: /^[ \t]*(?:ARG|ENV|export)[ \t]+PYTHON_VERSION[= \t]+["']?(\d[\w.]*)/m },
  { runtime: "python", pattern: /\bapt-get\s+install\b[^\n]*?\bpython(3\.\d+)\b/, installer: "apt" },
  { runtime: "go", pattern: /^[ \t]*(?:ARG|ENV|export)[ \t]+GO(?:LANG)?_VERSION[= \t]+["']?(\d[\w.]*)/m },
  { runtime: "ruby", pattern: /^[ \t]*(?:ARG|ENV|export)[ \t]+RUBY_VERSION[= \t]+["']?(\d[\w.]*)/m },
  { runtime: "php", pattern: /^[ \t]*(?:ARG|ENV|export)[ \t]+PHP_VERSION[= \t]+["']?(\d[\w.]*)/m },
  { runtime: "java", pattern: /^[ \t]*(?:ARG|ENV|export)[ \t]+(?:JAVA|JDK)_VERSION[= \t]+["']?(\d[\w.]*)/m },
  { runtime: "java", pattern: /\bopenjdk-(\d+)-(?:jdk|jre)/, installer: "apt" },
];

function pinsOfBuild(text: string): Map<string, { version: string; installer?: string }> {
  const pins = new Map<string, { version: string; installer?: string }>();
  for (const { runtime, pattern, installer } of buildInstalls) {
    if (pins.has(runtime)) continue;
    const version = pattern.exec(text)?.[1];
    if (version) pins.set(runtime, { version, ...(installer ? { installer } : {}) });
  }
  return pins;
}

/**
 * Runtime release lines a container build moved in what it installs (`node 14 -> 16`), or a
 * runtime it now installs from a vendor's repository where it installed none (`node 16 from
 * NodeSource`). A version only given a name (`ARG NODE_VERSION=20` beside `FROM node:20`) is no move.
 */
export function buildRuntimeLineChanges(before: string, after: string): string[] {
  const old = pinsOfBuild(before);
  const changes: string[] = [];
  for (const [runtime, { version, installer }] of pinsOfBuild(after)) {
    const previous = old.get(runtime);
    const to = releaseLine(runtime, version);
    if (to === undefined) continue;
    if (previous === undefined) {
      if (installer) changes.push(`${runtime} ${to} from ${installer}`);
      continue;
    }
    const from = releaseLine(runtime, previous.version);
    if (from !== undefined && from !== to) changes.push(`${runtime} ${from} -> ${to}`);
  }
  return changes;
}

/** Runtime release lines a file moved (`node 18 -> 20`), and a package manager switched (`yarn@1 -> pnpm@10`). */
export function runtimeLineChanges(file: ReadFile): string[] {
  if (file.before === undefined || file.after === undefined) return [];
  const old = pinsOf(file.previousPath ?? file.path, file.before);
  const next = pinsOf(file.path, file.after);
  const changes: string[] = [];
  for (const [runtime, version] of next) {
    const previous = old.get(runtime);
    if (previous === undefined) continue;
    if (runtime === "package manager") {
      if (previous !== version) changes.push(`package manager ${previous} -> ${version}`);
      continue;
    }
    const from = releaseLine(runtime, previous);
    const to = releaseLine(runtime, version);
    if (from !== undefined && to !== undefined && from !== to) changes.push(`${runtime} ${from} -> ${to}`);
  }
  return changes;
}

/** Lockfiles name the package manager that wrote them. */
const lockfiles: Record<string, string> = {
  "package-lock.json": "npm",
  "npm-shrinkwrap.json": "npm",
  "yarn.lock": "yarn",
  "pnpm-lock.yaml": "pnpm",
  "bun.lockb": "bun",
  "bun.lock": "bun",
  "poetry.lock": "poetry",
  "uv.lock": "uv",
  "Pipfile.lock": "pipenv",
  "pdm.lock": "pdm",
};
const ecosystemOf = (tool: string) => (["npm", "yarn", "pnpm", "bun"].includes(tool) ? "javascript" : "python");

export const isLockfile = (path: string) => lockfiles[posix.basename(path)] !== undefined;

/**
 * A package manager switched: in one directory, the lockfile of one tool removed while another
 * tool's lockfile is added (`yarn.lock` -> `pnpm-lock.yaml`, also at a workspace root above it) or rewritten in the same change
 * (`package-lock.json` deleted as `yarn.lock` is regenerated: yarn is now the only one). Only
 * which files changed is read, never their size.
 */
export function readToolchainSwitches(files: readonly ReadFile[]): Signal[] {
  const byDirectory = new Map<string, { written: string[]; removed: string[]; files: string[] }>();
  for (const file of files) {
    const tool = lockfiles[posix.basename(file.path)];
    if (tool === undefined) continue;
    const directory = posix.dirname(file.path);
    const entry = byDirectory.get(directory) ?? { written: [], removed: [], files: [] };
    if (file.status === "removed") entry.removed.push(tool);
    else entry.written.push(tool);
    entry.files.push(file.path);
    byDirectory.set(directory, entry);
  }
  // A workspace's lockfile is written at its root: a package's old lockfile removed below a new one there is a switch too.
  const addedLockfiles = files.filter(
    (file) => file.status === "added" && lockfiles[posix.basename(file.path)] !== undefined,
  );
  const addedAbove = (directory: string) =>
    addedLockfiles
      .filter((file) => {
        const root = posix.dirname(file.path);
        return root !== directory && (root === "." || directory.startsWith(`${root}/`));
      })
      .map((file) => lockfiles[posix.basename(file.path)]!);
  const signals: Signal[] = [];
  // Tools whose lockfile is added somewhere in the change: one removed here and added there moved, it was not replaced.
  const addedAnywhere = new Set(addedLockfiles.map((file) => lockfiles[posix.basename(file.path)]));
  // A project deleted with its manifest takes its lockfile along: nothing there was switched.
  const projectRemoved = (directory: string) =>
    files.some(
      (file) =>
        file.status === "removed" &&
        posix.dirname(file.path) === directory &&
        /^(?:package\.json|pyproject\.toml|Pipfile)$/.test(posix.basename(file.path)),
    );
  for (const [directory, { written, removed, files: paths }] of byDirectory) {
    const above = projectRemoved(directory) ? [] : addedAbove(directory);
    const replacements = [...written, ...above];
    const switches = removed
      .filter((from) => !written.includes(from) && (above.length === 0 || !addedAnywhere.has(from)))
      .flatMap((from) =>
        replacements
          .filter((to) => ecosystemOf(to) === ecosystemOf(from) && to !== from)
          .map((to) => `${from} -> ${to}`),
      );
    const file = paths.find((path) => written.includes(lockfiles[posix.basename(path)]!)) ?? paths[0]!;
    signals.push(
      switches.length > 0
        ? {
            file,
            decision: true,
            reason: reasonText(`switches package manager ${listed(switches)} (lockfiles)`),
            technologies: written,
          }
        : { file, decision: false, reason: "lockfile updated", technologies: [] },
    );
  }
  return signals;
}

/** Package managers a build script runs (`RUN yarn install`, `pnpm install`, `uv sync`). */
const managerCommands: [string, RegExp][] = [
  ["npm", /\bnpm\s+(?:ci|install(?!\s+(?:-g|--global)))\b/],
  ["yarn", /(?:^|RUN\s+|&&\s*|;\s*)yarn(?:\s+(?:install|--frozen-lockfile|--immutable))?\b/m],
  ["pnpm", /\bpnpm\s+(?:install|i|fetch)\b/],
  ["bun", /\bbun\s+install\b/],
  ["poetry", /\bpoetry\s+install\b/],
  ["uv", /\buv\s+(?:sync|pip\s+install)\b/],
  ["pipenv", /\bpipenv\s+install\b/],
];

/** A build that installs with another package manager than before (`yarn install` -> `pnpm install`), or undefined. */
export function managerSwitch(before: string, after: string): string | undefined {
  const used = (text: string) => managerCommands.filter(([, pattern]) => pattern.test(text)).map(([tool]) => tool);
  const old = used(before);
  const next = used(after);
  const gone = old.filter((tool) => !next.includes(tool));
  const come = next.filter((tool) => !old.includes(tool));
  const pairs = gone.flatMap((from) =>
    come.filter((to) => ecosystemOf(to) === ecosystemOf(from)).map((to) => `${from} -> ${to}`),
  );
  return pairs.length > 0 ? `installs with ${listed(pairs)}` : undefined;
}
