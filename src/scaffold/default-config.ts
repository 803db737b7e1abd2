/**
 * The `.github/cto-copilot.yml` the onboarding pull request adds: every setting a newcomer is
 * likely to change, at its default and commented out, so the file changes nothing until someone
 * means it to (and an organisation default in `.github` still applies: `_extends` says how).
 * docs/configuration.md has every setting; the JSON Schema in schemas/ validates the file.
 */
export function defaultConfigFile(options: { dataDir: string; extendsOrganization?: boolean }): string {
  // With an organisation default in force, this file must extend it: a repository file without
  // `_extends` replaces the organisation's, and merging the pull request would drop its settings.
  const extend = options.extendsOrganization
    ? "# The organisation's defaults (.github repository) apply; what is set below overrides them.\n_extends: .github"
    : "# Start from the organisation's defaults (.github repository), then override here:\n# _extends: .github";
  return `# CTO Co-Pilot settings. Every line below is a default, commented out: uncomment what you change.
# All settings and their defaults: https://github.com/cto-copilot/cto-copilot#configuration-githubcto-copilotyml

${extend}

# Where the engineering data files live (the value in force when this file was written).
# dataDir: ${options.dataDir}

# adr:
#   require: false         # true: fail the ADR check (not neutral) when an infrastructure change has no ADR
#   skipLabel: no-adr      # a pull request with this label gets no ADR suggestion
#   threshold: 1           # suggest an ADR when the decisions in a change weigh at least this

# dora:
#   source: deployments    # deployments | releases | tags | workflow-runs | merges
#   environment: production
#   windowDays: 90

# scorecard:
#   commit: pull-request   # pull-request | push | none

# debt:
#   issues: false          # true: one issue per open tech_debt.json item, kept in step

# incidents:
#   label: incident        # issues with this label become incidents with a live timeline

# onboarding: false        # never open the "Set up CTO Co-Pilot" pull request again
`;
}
