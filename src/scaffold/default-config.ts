import { configSchemaComment } from "../schemas/schema-url.js";

const docsUrl = "https://github.com/cto-copilot/cto-copilot/blob/main/docs/config.md";

/** The settings a newcomer is likely to change, at their defaults and commented out. */
const commentedSettings = `# adr:
#   require: false         # true: fail the ADR check (not neutral) when an infrastructure change has no ADR
#   skipLabel: no-adr      # a pull request with this label gets no ADR suggestion
#   threshold: 1           # suggest an ADR when the decisions in a change weigh at least this

# scorecard:
#   commit: pull-request   # pull-request | push | none

# debt:
#   issues: false          # true: one issue per open tech_debt.json item, kept in step

# incidents:
#   label: incident        # issues with this label become incidents with a live timeline

# onboarding: false        # never open the "Set up CTO Co-Pilot" pull request again
`;

/**
 * The `.github/cto-copilot.yml` the onboarding pull request adds: every setting a newcomer is
 * likely to change, at its default and commented out, so the file changes nothing until someone
 * means it to (and an organisation default in `.github` still applies: `_extends` says how).
 * docs/config.md has every setting; the JSON Schema in schemas/ validates the file.
 */
export function defaultConfigFile(options: { dataDir: string; extendsOrganization?: boolean }): string {
  // With an organisation default in force, this file must extend it: a repository file without
  // `_extends` replaces the organisation's, and merging the pull request would drop its settings.
  const extend = options.extendsOrganization
    ? "# The organisation's defaults (.github repository) apply; what is set below overrides them.\n_extends: .github"
    : "# Start from the organisation's defaults (.github repository), then override here:\n# _extends: .github";
  return `${configSchemaComment}
# CTO Co-Pilot settings. Every line below is a default, commented out: uncomment what you change.
# All settings and their defaults: ${docsUrl}

${extend}

# Where the engineering data files live (the value in force when this file was written).
# dataDir: ${options.dataDir}

# dora:
#   source: deployments    # deployments | releases | tags | workflow-runs | merges
#   environment: production
#   windowDays: 90

${commentedSettings}`;
}

/** What the CLI found of the release tags it measures DORA from. */
export interface LocalTags {
  /** The configured glob, or undefined for release-shaped tags. */
  pattern: string | undefined;
  /** How many tags of the clone it selects, and the newest of them. */
  count: number;
  latest?: string;
}

/**
 * The `.github/cto-copilot.yml` that `cto-copilot init` writes: DORA set to what the CLI
 * measures on the clone (release tags, the same pattern), so the scheduled scorecard of the
 * Action or the App (whose default source is GitHub deployments) measures the same thing.
 */
export function localConfigFile(options: {
  dataDir: string;
  windowDays: number;
  tags: LocalTags;
  /** The services `init --discover` found in a workspace monorepo: `services:` lines, indented for `dora:`. */
  servicesBlock?: string;
}): string {
  const { tags } = options;
  const selected = tags.pattern === undefined ? "release-shaped (v1.2.3 or 1.2.3)" : `matching "${tags.pattern}"`;
  const found =
    tags.count === 0
      ? `#   No tag of this clone is ${selected} yet: tag releases (git tag -a v1.0.0), set tagPattern to the
#   glob of your release tags, or, if you deploy with GitHub Deployments, use source: deployments.`
      : `#   ${tags.count} tag${tags.count === 1 ? " of this clone is" : "s of this clone are"} ${selected}, the newest ${tags.latest}.`;
  const pattern =
    tags.pattern === undefined
      ? `  # tagPattern: "v*"      # a glob of release tags; unset: release-shaped tags, pre-releases left out`
      : `  tagPattern: ${JSON.stringify(tags.pattern)}`;
  return `${configSchemaComment}
# CTO Co-Pilot settings, written by \`cto-copilot init\`. Commented lines are defaults: uncomment what you change.
# All settings and their defaults: ${docsUrl}

# Where the engineering data files live.
# dataDir: ${options.dataDir}

# DORA: what \`cto-copilot scorecard\` measured on this clone, release tags, so the scheduled scorecard
# of the Action or the App (whose default source is GitHub deployments) measures the same.
${found}
dora:
  source: tags
${pattern}${options.servicesBlock ? `\n  # Each service's own figures, from its tags and the commits touching its paths:\n${options.servicesBlock}` : ""}
  # windowDays: ${options.windowDays}

${commentedSettings}`;
}
