import { posix } from "node:path";
import picomatch from "picomatch";
import type { Config } from "../schemas/config.js";
import { maxGlobPathLength } from "../schemas/glob.js";
import { categoryLabels, defaultCategoryGlobs, type InfraCategory } from "./categories.js";
import { dependencyChanges, isDependencyManifest } from "./dependency-changes.js";

/** A changed file as the detector sees it; `before`/`after` are read for dependency manifests only. */
export interface FileChange {
  path: string;
  status: "added" | "removed" | "modified" | "renamed" | "copied" | "changed" | "unchanged";
  additions: number;
  deletions: number;
  patch?: string;
  before?: string;
  after?: string;
}

export interface InfraChange {
  file: string;
  category: InfraCategory;
  reason: string;
  /** Technologies the change names (resource types, images, packages), for finding related ADRs. */
  technologies: string[];
}

export type AdrDetectionConfig = Pick<Config["adr"], "categories" | "ignore" | "minChangedLines">;

const categoryOrder = Object.keys(defaultCategoryGlobs) as InfraCategory[];

function addedLines(patch: string | undefined): string[] {
  return (patch ?? "")
    .split("\n")
    .filter((line) => line.startsWith("+") && !line.startsWith("+++"))
    .map((line) => line.slice(1));
}

function removedLines(patch: string | undefined): string[] {
  return (patch ?? "")
    .split("\n")
    .filter((line) => line.startsWith("-") && !line.startsWith("---"))
    .map((line) => line.slice(1));
}

const verb = (status: FileChange["status"]) =>
  status === "added" ? "added" : status === "removed" ? "removed" : "changed";

/** Terraform resource and module types added or removed (`resource "aws_db_instance" "main"`). */
function terraformTypes(lines: string[]): string[] {
  return [
    ...new Set(
      lines.flatMap((line) => [
        ...(/^\s*(?:resource|data)\s+"([\w-]+)"/.exec(line)?.slice(1) ?? []),
        ...(/^\s*module\s+"([\w-]+)"/.exec(line)?.slice(1) ?? []),
      ]),
    ),
  ];
}

/** Base images (`FROM node:22-alpine AS build`). */
function baseImages(lines: string[]): string[] {
  return [
    ...new Set(
      lines
        .map((line) => /^\s*FROM\s+(?:--platform=\S+\s+)?([^\s]+)/i.exec(line)?.[1])
        .filter((image): image is string => Boolean(image)),
    ),
  ];
}

/** Kubernetes kinds in added YAML (`kind: Deployment` next to an `apiVersion:`). */
function kubernetesKinds(lines: string[]): string[] {
  if (!lines.some((line) => /^\s*apiVersion:\s*\S/.test(line))) return [];
  return [
    ...new Set(
      lines.map((line) => /^\s*kind:\s*([A-Z]\w+)/.exec(line)?.[1]).filter((kind): kind is string => Boolean(kind)),
    ),
  ];
}

function reasonFor(category: InfraCategory, file: FileChange): { reason: string; technologies: string[] } | undefined {
  const added = addedLines(file.patch);
  const name = posix.basename(file.path);
  switch (category) {
    case "infrastructure-as-code": {
      const types = terraformTypes([...added, ...removedLines(file.patch)]);
      const tool = /\.(tf|tfvars|tofu)$|\.tf\.json$|terragrunt\.hcl$/.test(name)
        ? "Terraform/OpenTofu"
        : /^Pulumi/.test(name)
          ? "Pulumi"
          : name === "cdk.json"
            ? "AWS CDK"
            : /^serverless\./.test(name)
              ? "Serverless Framework"
              : "CloudFormation";
      return {
        reason:
          types.length > 0
            ? `${tool}: ${verb(file.status)} ${types.slice(0, 5).join(", ")}`
            : `${tool} file ${verb(file.status)}`,
        technologies: [tool.toLowerCase(), ...types],
      };
    }
    case "containers": {
      const images = baseImages(added);
      const removed = baseImages(removedLines(file.patch));
      const reason =
        images.length > 0 && removed.length > 0
          ? `base image ${removed.join(", ")} -> ${images.join(", ")}`
          : images.length > 0
            ? `uses base image ${images.join(", ")}`
            : `${/compose/.test(name) ? "Compose file" : "Dockerfile"} ${verb(file.status)}`;
      return { reason, technologies: ["docker", ...images.map((image) => image.split(/[:@]/)[0]!.split("/").pop()!)] };
    }
    case "orchestration": {
      const kinds = kubernetesKinds(added);
      const tool = /Chart\.yaml$|\/(charts|helm)\//.test(file.path)
        ? "Helm"
        : /kustomization/.test(name)
          ? "Kustomize"
          : "Kubernetes";
      return {
        reason:
          kinds.length > 0
            ? `${tool}: ${kinds.slice(0, 5).join(", ")} ${verb(file.status)}`
            : `${tool} manifest ${verb(file.status)}`,
        technologies: ["kubernetes", tool.toLowerCase(), ...kinds],
      };
    }
    case "ci-cd":
      return {
        reason: `${file.path.startsWith(".github/") ? "GitHub Actions workflow" : "pipeline definition"} ${verb(file.status)}`,
        technologies: file.path.startsWith(".github/") ? ["github actions"] : [],
      };
    case "database": {
      const tool =
        name === "schema.prisma"
          ? "Prisma schema"
          : /migrat|alembic|flyway|liquibase|changelog/.test(file.path)
            ? "migration"
            : "database schema";
      return { reason: `${tool} ${verb(file.status)}`, technologies: name === "schema.prisma" ? ["prisma"] : [] };
    }
    case "dependencies": {
      if (!isDependencyManifest(file.path)) return undefined;
      const changes = dependencyChanges(file.path, file.before, file.after);
      if (changes.length === 0) return undefined;
      const described = changes
        .slice(0, 5)
        .map((change) =>
          change.kind === "added"
            ? `adds ${change.name} ${change.to}`
            : `moves ${change.name} from ${change.from} to ${change.to}`,
        );
      return {
        reason: described.join("; ") + (changes.length > 5 ? `; and ${changes.length - 5} more` : ""),
        technologies: changes.map((change) => change.name.split(/[/:]/).pop()!),
      };
    }
  }
}

/** Compiles the category globs once (defaults, plus `add`, minus `remove`). */
export function compileDetector(config: AdrDetectionConfig) {
  const options = { dot: true, nocase: false };
  const matchers = categoryOrder.map((category) => {
    const { add, remove } = config.categories[category];
    const globs = [...defaultCategoryGlobs[category].filter((glob) => !remove.includes(glob)), ...add];
    return { category, matches: globs.length > 0 ? picomatch(globs, options) : () => false };
  });
  const ignored = config.ignore.length > 0 ? picomatch(config.ignore, options) : () => false;
  return { matchers, ignored };
}

/**
 * Sorts changed files into infrastructure categories, each with a reason a reviewer can check.
 * A file counts once, in the first category that claims it; dependency manifests count only
 * when a runtime dependency is added or changes major version.
 */
export function detectInfraChanges(files: readonly FileChange[], config: AdrDetectionConfig): InfraChange[] {
  const { matchers, ignored } = compileDetector(config);
  const changes: InfraChange[] = [];
  for (const file of files) {
    if (file.path.length > maxGlobPathLength || ignored(file.path)) continue;
    if (file.additions + file.deletions < config.minChangedLines) continue;
    for (const { category, matches } of matchers) {
      if (
        !matches(file.path) &&
        !(
          category === "orchestration" &&
          /\.ya?ml$/.test(file.path) &&
          kubernetesKinds(addedLines(file.patch)).length > 0
        )
      )
        continue;
      const found = reasonFor(category, file);
      if (!found) continue;
      changes.push({ file: file.path, category, reason: found.reason, technologies: found.technologies });
      break;
    }
  }
  return changes;
}

export { categoryLabels };
