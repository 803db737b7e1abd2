import { builtOn, databaseOfFeature, fullStackFrameworks, nodeServerPackages, technologiesOf } from "../catalog.js";
import type { Findings } from "../findings.js";
import type { Manifest } from "../manifests/manifest.js";
import { manifestEcosystem, readManifest } from "../manifests/read-manifest.js";
import type { FileKind } from "../repository-files.js";
import type { Repository } from "../repository.js";
import { baseName, byDepthThenPath, quoted } from "../text.js";

const manifestKinds = Object.keys(manifestEcosystem) as FileKind[];

/** A manifest found in the listing: read when its text was fetched, known only by name otherwise. */
export interface ListedManifest {
  path: string;
  ecosystem: Manifest["ecosystem"];
  manifest?: Manifest;
  /** Server or application code: what makes its language a backend language. */
  backend: boolean;
  /** Why it is backend code, for the language's evidence (`"express"`). */
  backendBecause?: string;
}

const runsNode = /(^|[\s;&|])(node|ts-node|tsx|nodemon|bun)\s/;

/** Database clients made for the browser too: a frontend talking to Supabase has no server of its own. */
const browserClients = new Set(["@supabase/supabase-js"]);

/**
 * Whether a package.json is server code, and why: a backend framework, a database driver or
 * ORM, a job queue or a server logger among its runtime dependencies, a start script that
 * runs node, or, for a library or a CLI, an entry point (`main`, `exports`, `module`, `bin`).
 * One whose dependencies include a frontend framework is frontend code.
 */
function nodeServerSignal(manifest: Manifest): string | undefined {
  const runtime = manifest.dependencies.filter((dep) => !dep.dev);
  for (const dep of runtime) {
    if (browserClients.has(dep.name)) continue;
    const server = technologiesOf("node", dep.name).some((tech) =>
      ["backend.framework", "database", "backend.jobs", "logging"].includes(tech.topic),
    );
    if (server || nodeServerPackages.has(dep.name)) return quoted(dep.name);
  }
  const frontend = manifest.dependencies.some((dep) =>
    technologiesOf("node", dep.name).some((tech) => tech.topic === "frontend.framework"),
  );
  const start = manifest.scripts?.start ?? "";
  if (frontend) return undefined;
  if (runsNode.test(` ${start} `)) return `start script ${quoted(start)}`;
  // A library or a command-line tool (axios, a CLI): its code is JavaScript or TypeScript all the same.
  return manifest.entryPoint ? `${quoted(manifest.entryPoint)} entry point` : undefined;
}

/**
 * Every manifest of the repository (workspace packages and nested projects alike: the listing
 * holds them all), and what their dependencies say: frameworks, databases, job queues,
 * observability, cloud SDKs. Runtime dependencies only, except for frontend frameworks, which
 * many templates (SvelteKit, Astro) keep in devDependencies. Test projects and mobile apps are
 * not the product's server code.
 */
export function detectFromManifests(repo: Repository, findings: Findings): ListedManifest[] {
  const listed: ListedManifest[] = [];
  for (const kind of manifestKinds) {
    for (const path of repo.files(kind)) {
      const text = repo.text(path);
      const manifest = text === undefined ? undefined : readManifest(kind, path, text);
      const ecosystem = manifestEcosystem[kind]!;
      if (manifest && manifest.role !== "application") {
        if (manifest.role === "catalog") report(manifest, findings);
        continue;
      }
      const because = ecosystem === "node" ? (manifest ? nodeServerSignal(manifest) : undefined) : undefined;
      // A manifest that could not be read still says its language, except npm's, where only the dependencies tell server from frontend.
      const backend = ecosystem === "node" ? because !== undefined : true;
      listed.push({
        path,
        ecosystem,
        ...(manifest ? { manifest } : {}),
        backend,
        ...(because ? { backendBecause: because } : {}),
      });
      if (manifest) report(manifest, findings, backend ? because : undefined);
    }
  }
  return listed.sort((a, b) => byDepthThenPath(a.path, b.path));
}

function report(manifest: Manifest, findings: Findings, serverBecause?: string): void {
  const file = baseName(manifest.path);
  const present = new Set(
    manifest.dependencies.flatMap((dep) => technologiesOf(manifest.ecosystem, dep.name).map((tech) => tech.value)),
  );
  const hidden = new Set([...present].flatMap((value) => builtOn[value] ?? []));
  let backendFramework = false;
  for (const dep of manifest.dependencies) {
    const named = `${dep.via ?? "dependency"} ${quoted(dep.name)} in ${file}`;
    for (const tech of technologiesOf(manifest.ecosystem, dep.name)) {
      const frontendInDev = manifest.ecosystem === "node" && tech.topic === "frontend.framework";
      if ((dep.dev && !frontendInDev) || hidden.has(tech.value)) continue;
      if (tech.topic === "backend.framework") backendFramework = true;
      findings.add({ topic: tech.topic, value: tech.value, source: manifest.path, reason: named, weight: 2 });
      if (tech.provider)
        findings.add({
          topic: "database.provider",
          value: tech.provider,
          database: tech.value,
          source: manifest.path,
          reason: named,
          weight: 2,
        });
    }
    if (dep.dev) continue;
    for (const feature of dep.features) {
      const database = databaseOfFeature(feature);
      if (database)
        findings.add({
          topic: "database",
          value: database,
          source: manifest.path,
          reason: `${quoted(dep.name)} with ${quoted(feature)} in ${file}`,
          weight: 2,
        });
    }
  }
  // A Next.js (Nuxt, SvelteKit...) app with server-side dependencies and no other web framework: its own server is the backend.
  if (serverBecause !== undefined && !backendFramework) {
    const fullStack = [...present].find((value) => fullStackFrameworks.has(value));
    if (fullStack)
      findings.add({
        topic: "backend.framework",
        value: fullStack,
        source: manifest.path,
        reason: `${fullStack} app with server-side dependency ${serverBecause} in ${file}`,
        weight: 2,
      });
  }
}
