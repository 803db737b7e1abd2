import type { Findings } from "../findings.js";
import type { Ecosystem } from "../repository-files.js";
import type { Repository } from "../repository.js";
import { baseName, byDepthThenPath, dirName } from "../text.js";
import type { ListedManifest } from "./manifests.js";

const fixedLabels: Partial<Record<Ecosystem, string>> = {
  python: "Python",
  go: "Go",
  ruby: "Ruby",
  rust: "Rust",
  php: "PHP",
  elixir: "Elixir",
};

/** Whether a directory or one of its parents holds a tsconfig (a monorepo often keeps the base one at the root). */
function hasTsconfigAbove(dir: string, tsconfigDirs: ReadonlySet<string>): boolean {
  for (let current = dir; ; current = dirName(current)) {
    if (tsconfigDirs.has(current)) return true;
    if (current === "") return false;
  }
}

function labelOf(listed: ListedManifest, tsconfigDirs: ReadonlySet<string>, rootTypescript: boolean): string {
  const manifest = listed.manifest;
  if (listed.ecosystem === "node") {
    const typescript =
      hasTsconfigAbove(dirName(listed.path), tsconfigDirs) ||
      rootTypescript ||
      (manifest?.dependencies.some((dep) => dep.name === "typescript") ?? false);
    return typescript ? "TypeScript (Node.js)" : "JavaScript (Node.js)";
  }
  if (listed.ecosystem === "jvm") return manifest?.language ?? "Java";
  if (listed.ecosystem === "dotnet")
    return manifest?.language ?? (listed.path.endsWith(".fsproj") ? "F# (.NET)" : "C# (.NET)");
  return fixedLabels[listed.ecosystem]!;
}

/** An npm manifest not read: whether it is server code is unknown. */
const unreadNode = (listed: ListedManifest) => listed.ecosystem === "node" && listed.manifest === undefined;

/** A manifest of development tools only (`requirements-dev.txt`). */
const devOnly = (listed: ListedManifest) =>
  (listed.manifest?.dependencies.length ?? 0) > 0 && listed.manifest!.dependencies.every((dep) => dep.dev);

/**
 * The languages of the server and application code, heaviest first. A language counts when a
 * backend manifest declares it (a package.json with only frontend dependencies does not) AND
 * source files sit under that manifest: each source file belongs to the closest manifest of
 * its ecosystem above it, so a Next.js app's .tsx files do not weigh for the API package next
 * to it, and a requirements.txt for docs tooling with no Python code beside it names nothing.
 * Weight: source files plus the manifest itself.
 */
export function detectLanguages(repo: Repository, manifests: readonly ListedManifest[], findings: Findings): void {
  const tsconfigDirs = new Set(repo.files("tsconfig").map(dirName));
  const rootPackage = manifests.find((listed) => listed.path === "package.json")?.manifest;
  const rootTypescript = rootPackage?.dependencies.some((dep) => dep.name === "typescript") ?? false;

  // Per ecosystem, the directory of each manifest: the backend manifest found there, or null for a non-backend one.
  const owners = new Map<Ecosystem, Map<string, ListedManifest | null>>();
  for (const listed of manifests) {
    let dirs = owners.get(listed.ecosystem);
    if (!dirs) owners.set(listed.ecosystem, (dirs = new Map()));
    const dir = dirName(listed.path);
    // Beside requirements-dev.txt, requirements.txt is the project's manifest: one of runtime dependencies is preferred.
    const owner = dirs.get(dir);
    // A package.json left unread (past the evidence bound of a large monorepo) may be server code:
    // its files weigh for the language when a package that was read is (below), never alone.
    if (listed.backend || unreadNode(listed)) {
      if (!owner || (devOnly(owner) && !devOnly(listed))) dirs.set(dir, listed);
    } else if (owner === undefined) dirs.set(dir, null);
  }

  // Each directory's source files go to the closest manifest above it: looked up once per directory.
  const counts = new Map<ListedManifest, number>();
  for (const [ecosystem, dirs] of owners) {
    for (const [sourceDir, files] of repo.sourceCounts(ecosystem)) {
      for (let dir = sourceDir; ; dir = dirName(dir)) {
        const owner = dirs.get(dir);
        if (owner !== undefined) {
          if (owner) counts.set(owner, (counts.get(owner) ?? 0) + files);
          break;
        }
        if (dir === "") break;
      }
    }
  }
  const readBackend = new Set(manifests.filter((listed) => listed.backend).map((listed) => listed.ecosystem));
  for (const listed of counts.keys())
    if (unreadNode(listed) && !readBackend.has(listed.ecosystem)) counts.delete(listed);
  // Manifests in path order, so the evidence among equals never depends on the listing's order.
  for (const [listed, files] of [...counts].sort(([a], [b]) => byDepthThenPath(a.path, b.path))) {
    findings.add({
      topic: "backend.language",
      value: labelOf(listed, tsconfigDirs, rootTypescript),
      source: listed.path,
      reason: `${baseName(listed.path)}${listed.backendBecause ? ` with ${listed.backendBecause}` : unreadNode(listed) ? " (not read: past the evidence bound)" : ""}; ${files} source file${files === 1 ? "" : "s"}`,
      weight: files + 1,
    });
  }
}
