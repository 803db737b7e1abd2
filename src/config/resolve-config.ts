import { configParsing, configSchema, defaultConfig, type Config } from "../schemas/config.js";
import type { Finding } from "../findings/diagnostic.js";
import { configPath, resolvedDefaults } from "./defaults.js";
import { parseConfig } from "./parse-config.js";

export interface ConfigTexts {
  /** The repository's own config file. */
  repository?: string;
  /** The organisation default (same path in the owner's `.github` repository). */
  organization?: string;
}

export interface ResolvedConfig {
  config: Config;
  /** False when a config file has errors: the defaults are used and the check should fail. */
  valid: boolean;
  /** Where the config came from. */
  source: "repository" | "organization" | "repository+organization" | "defaults";
  /** Findings in the repository's config file (positions in `configPath`). */
  repositoryFindings: Finding[];
  /** Findings in the organisation's file, which a PR check cannot annotate: shown in its summary. */
  organizationFindings: Finding[];
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** Deep merge of plain objects; the override's arrays and scalars replace the base's. */
function merge(base: unknown, override: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override === undefined ? base : override;
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) out[key] = merge(base[key], value);
  return out;
}

/**
 * Probot's convention: the repository's file wins; without one, the organisation's `.github`
 * repository provides the default; a repository file with `_extends: .github` is merged over it.
 */
export function resolveConfig(texts: ConfigTexts): ResolvedConfig {
  const repository = texts.repository !== undefined ? parseConfig(texts.repository) : undefined;
  const organization = texts.organization !== undefined ? parseConfig(texts.organization) : undefined;
  const repositoryFindings = repository?.findings ?? [];
  const organizationFindings = organization?.findings ?? [];
  const extendsOrganization = isPlainObject(repository?.raw) && repository.raw._extends === ".github";

  if (repository && organization && extendsOrganization) {
    if (!repository.valid || !organization.valid) {
      return {
        config: defaultConfig(),
        valid: false,
        source: "repository+organization",
        repositoryFindings,
        organizationFindings,
      };
    }
    const merged = configSchema.safeParse(merge(organization.raw, repository.raw), configParsing);
    return {
      config: merged.success ? merged.data : defaultConfig(),
      valid: merged.success,
      source: "repository+organization",
      repositoryFindings,
      organizationFindings,
    };
  }
  if (repository)
    return {
      config: repository.config,
      valid: repository.valid,
      source: "repository",
      repositoryFindings,
      organizationFindings: [],
    };
  if (organization)
    return {
      config: organization.config,
      valid: organization.valid,
      source: "organization",
      repositoryFindings: [],
      organizationFindings,
    };
  return resolvedDefaults();
}

export { configPath };
