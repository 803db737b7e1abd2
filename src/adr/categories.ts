import type { adrCategoryNames } from "../schemas/config.js";

export type InfraCategory = (typeof adrCategoryNames)[number];

/** Built-in globs per category (config `adr.categories.<name>.add/remove` adjusts them). */
export const defaultCategoryGlobs: Record<InfraCategory, string[]> = {
  "infrastructure-as-code": [
    "**/*.tf",
    "**/*.tfvars",
    "**/*.tf.json",
    "**/*.tofu",
    "**/terragrunt.hcl",
    "**/Pulumi.yaml",
    "**/Pulumi.*.yaml",
    "**/cdk.json",
    "**/*.template.{json,yaml,yml}",
    "**/template.{json,yaml,yml}",
    "**/cloudformation/**/*.{json,yaml,yml}",
    "**/serverless.{yml,yaml,ts,js,json}",
  ],
  containers: [
    "**/Dockerfile",
    "**/Dockerfile.*",
    "**/*.dockerfile",
    "**/Containerfile",
    "**/{docker-,}compose*.{yml,yaml}",
  ],
  orchestration: [
    "**/Chart.yaml",
    "**/charts/**/*.{yaml,yml,tpl}",
    "**/helm/**/*.{yaml,yml,tpl}",
    "**/kustomization.{yaml,yml}",
    "**/{k8s,kubernetes,manifests,deploy}/**/*.{yaml,yml}",
  ],
  "ci-cd": [
    ".github/workflows/**",
    ".github/actions/**",
    ".gitlab-ci.yml",
    ".circleci/**",
    "**/Jenkinsfile",
    "azure-pipelines.yml",
    "bitbucket-pipelines.yml",
    ".buildkite/**",
    ".drone.yml",
    ".woodpecker/**",
    ".woodpecker.{yml,yaml}",
    "**/cloudbuild.{yaml,yml}",
  ],
  database: [
    "**/migrations/**",
    "**/migrate/**",
    "**/schema.prisma",
    "**/db/schema.rb",
    "**/db/structure.sql",
    "**/alembic/versions/**",
    "**/flyway/**",
    "**/liquibase/**",
    "**/*.changelog.{xml,yaml,yml,json}",
  ],
  // Dependency manifests are read, not just matched: only an added dependency or a new major version counts.
  dependencies: [
    "**/package.json",
    "**/go.mod",
    "**/requirements*.txt",
    "**/pyproject.toml",
    "**/Cargo.toml",
    "**/pom.xml",
    "**/build.gradle",
    "**/build.gradle.kts",
  ],
};

export const categoryLabels: Record<InfraCategory, string> = {
  "infrastructure-as-code": "Infrastructure as code",
  containers: "Containers",
  orchestration: "Orchestration",
  "ci-cd": "CI/CD",
  database: "Database",
  dependencies: "Runtime dependencies",
};

/** Words an ADR about this area is likely to use (matched against ADR titles and text). */
export const categoryKeywords: Record<InfraCategory, string[]> = {
  "infrastructure-as-code": [
    "terraform",
    "opentofu",
    "pulumi",
    "cdk",
    "cloudformation",
    "infrastructure as code",
    "serverless",
  ],
  containers: ["docker", "container", "containers", "dockerfile", "compose"],
  orchestration: ["kubernetes", "k8s", "helm", "kustomize", "eks", "gke", "aks"],
  "ci-cd": [
    "ci",
    "ci/cd",
    "continuous integration",
    "continuous delivery",
    "pipeline",
    "github actions",
    "deployment",
    "deploy",
  ],
  database: ["database", "postgres", "postgresql", "mysql", "migration", "migrations", "schema", "prisma", "orm"],
  dependencies: ["dependency", "dependencies", "library", "framework"],
};
