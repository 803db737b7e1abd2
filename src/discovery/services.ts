import { posix } from "node:path";
import semver from "semver";
import { stringify } from "yaml";

/** A package of a workspace: its directory and what its manifest says. */
export interface WorkspacePackage {
  directory: string;
  name?: string;
  version?: string;
}

/** A service `dora.services` could hold, with the tags that make it one. */
export interface ServiceProposal {
  name: string;
  paths: string[];
  /** Unset: the repository's release-shaped tags (v1.2.3) are this package's releases. */
  tagPattern?: string;
  /** Why it is proposed: its tags. */
  reason: string;
}

const releaseShaped = /^v?\d+\.\d+\.\d+$/;
/** A glob matching the prefix literally (picomatch's special characters escaped), then anything. */
const globOf = (prefix: string) => `${prefix.replace(/[*?[\]{}()!+]/g, "\\$&")}*`;

/**
 * The services of a workspace monorepo whose packages have their own release tags
 * (`create-vite@5.0.0`, `plugin-legacy-v2.1.0`, `@scope/pkg@1.0.0`): one per package with at
 * least two, paths its directory, tags its prefix. With them, the package the plain tags
 * (`v5.0.0`) release, when exactly one other package's version is one of theirs.
 * No package with its own tags: no proposal (one release train is the repository's figures).
 */
export function proposeServices(packages: readonly WorkspacePackage[], tags: readonly string[]): ServiceProposal[] {
  const proposals: ServiceProposal[] = [];
  const claimed = new Set<WorkspacePackage>();
  for (const pkg of [...packages].sort((a, b) => a.directory.localeCompare(b.directory))) {
    const base = posix.basename(pkg.directory);
    const names = [...new Set([pkg.name, base].filter((name): name is string => Boolean(name)))];
    for (const prefix of names.flatMap((name) => [`${name}@`, `${name}-v`, `${name}/v`])) {
      const own = tags.filter((tag) => tag.startsWith(prefix) && semver.valid(tag.slice(prefix.length)) !== null);
      if (own.length < 2) continue;
      const newest = own.reduce((a, b) => (semver.gt(b.slice(prefix.length), a.slice(prefix.length)) ? b : a));
      proposals.push({
        name: pkg.name ?? base,
        paths: [`${pkg.directory}/**`],
        tagPattern: globOf(prefix),
        reason: `${own.length} tags ${prefix}<version>, the newest ${newest}`,
      });
      claimed.add(pkg);
      break;
    }
  }
  if (proposals.length === 0) return [];
  const plain = new Set(tags.filter((tag) => releaseShaped.test(tag)).map((tag) => semver.clean(tag)!));
  const main = packages.filter((pkg) => !claimed.has(pkg) && pkg.version !== undefined && plain.has(pkg.version));
  if (main.length === 1) {
    const pkg = main[0]!;
    proposals.unshift({
      name: pkg.name ?? posix.basename(pkg.directory),
      paths: [`${pkg.directory}/**`],
      reason: `${plain.size} release-shaped tags, one of them v${pkg.version}, the version of ${pkg.directory}/package.json`,
    });
  }
  return proposals;
}

/** The proposal as `services:` lines to sit inside the `dora:` block of a new config (indented by two). */
export function servicesBlockLines(proposals: readonly ServiceProposal[]): string {
  const yaml = stringify({
    services: proposals.map(({ name, paths, tagPattern }) => ({ name, paths, ...(tagPattern ? { tagPattern } : {}) })),
  });
  return yaml.trimEnd().replace(/^/gm, "  ");
}

/** The proposal as the `dora:` block of `.github/cto-copilot.yml`. */
export function servicesYaml(proposals: readonly ServiceProposal[]): string {
  return stringify({
    dora: {
      source: "tags",
      services: proposals.map(({ name, paths, tagPattern }) => ({
        name,
        paths,
        ...(tagPattern ? { tagPattern } : {}),
      })),
    },
  });
}
