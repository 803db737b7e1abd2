import type { Findings, Topic } from "../findings.js";
import type { FileKind } from "../repository-files.js";
import type { Repository } from "../repository.js";
import { baseName } from "../text.js";

interface Said {
  topic: Topic;
  value: string;
  weight?: number;
  database?: string;
}

/**
 * Files whose mere presence says something, with what it says (`what` reads in a reason:
 * "Fly.io app configuration (fly.toml)"). Files whose contents matter are read by the other
 * detectors; a few of those are here too, so a file that could not be fetched still counts.
 */
const presence: Partial<Record<FileKind, { what: string; says: Said[] }>> = {
  vercel: { what: "Vercel project configuration", says: [{ topic: "frontend.hosting", value: "Vercel", weight: 3 }] },
  amplify: {
    what: "AWS Amplify configuration",
    says: [
      { topic: "frontend.hosting", value: "AWS Amplify", weight: 3 },
      { topic: "cloud", value: "AWS", weight: 1 },
    ],
  },
  procfile: { what: "Heroku process types", says: [{ topic: "backend.hosting", value: "Heroku", weight: 3 }] },
  "heroku-yml": { what: "Heroku container build", says: [{ topic: "backend.hosting", value: "Heroku", weight: 3 }] },
  fly: { what: "Fly.io app configuration", says: [{ topic: "backend.hosting", value: "Fly.io", weight: 3 }] },
  railway: { what: "Railway configuration", says: [{ topic: "backend.hosting", value: "Railway", weight: 3 }] },
  "do-app": {
    what: "DigitalOcean App Platform spec",
    says: [
      { topic: "backend.hosting", value: "DigitalOcean App Platform", weight: 3 },
      { topic: "cloud", value: "DigitalOcean", weight: 1 },
    ],
  },
  beanstalk: {
    what: "Elastic Beanstalk configuration",
    says: [
      { topic: "backend.hosting", value: "AWS Elastic Beanstalk", weight: 3 },
      { topic: "cloud", value: "AWS", weight: 1 },
    ],
  },
  "aws-copilot": {
    what: "AWS Copilot service manifest",
    says: [
      { topic: "backend.hosting", value: "AWS ECS", weight: 3 },
      { topic: "cloud", value: "AWS", weight: 1 },
    ],
  },
  // Packaging, not a place: used only when nothing names where the containers run.
  dockerfile: {
    what: "container image build",
    says: [{ topic: "backend.hosting", value: "Docker containers", weight: 1 }],
  },
  kustomization: {
    what: "Kustomize configuration",
    says: [{ topic: "backend.hosting", value: "Kubernetes", weight: 3 }],
  },
  "k8s-tool": {
    what: "Kubernetes deployment tooling",
    says: [{ topic: "backend.hosting", value: "Kubernetes", weight: 2 }],
  },
  cdk: {
    what: "AWS CDK app",
    says: [
      { topic: "iac", value: "AWS CDK", weight: 3 },
      { topic: "cloud", value: "AWS", weight: 3 },
    ],
  },
  terragrunt: { what: "Terragrunt unit", says: [{ topic: "iac", value: "Terragrunt", weight: 1 }] },
  travis: { what: "Travis CI configuration", says: [{ topic: "cicd", value: "Travis CI", weight: 2 }] },
  drone: { what: "Drone pipeline", says: [{ topic: "cicd", value: "Drone", weight: 2 }] },
  flux: { what: "Flux bootstrap", says: [{ topic: "cicd", value: "Flux (GitOps)", weight: 2 }] },
  supabase: {
    what: "Supabase project configuration",
    says: [
      { topic: "database", value: "PostgreSQL", weight: 2 },
      { topic: "database.provider", value: "Supabase", database: "PostgreSQL", weight: 3 },
    ],
  },
  "sentry-config": {
    what: "Sentry configuration",
    says: [
      { topic: "monitoring", value: "Sentry", weight: 3 },
      { topic: "alerting", value: "Sentry", weight: 3 },
    ],
  },
  "datadog-config": {
    what: "Datadog agent configuration",
    says: [{ topic: "monitoring", value: "Datadog", weight: 3 }],
  },
  "newrelic-config": {
    what: "New Relic agent configuration",
    says: [{ topic: "monitoring", value: "New Relic", weight: 3 }],
  },
  "otel-config": {
    what: "OpenTelemetry Collector configuration",
    says: [{ topic: "monitoring", value: "OpenTelemetry", weight: 3 }],
  },
  "prometheus-config": {
    what: "Prometheus configuration",
    says: [{ topic: "monitoring", value: "Prometheus", weight: 3 }],
  },
  "alertmanager-config": {
    what: "Alertmanager configuration",
    says: [{ topic: "alerting", value: "Alertmanager", weight: 3 }],
  },
  "prometheus-rules": {
    what: "Prometheus rules",
    says: [{ topic: "alerting", value: "Prometheus alert rules", weight: 3 }],
  },
  grafana: { what: "Grafana configuration", says: [{ topic: "monitoring", value: "Grafana", weight: 3 }] },
  "grafana-alerting": {
    what: "Grafana alerting provisioning",
    says: [
      { topic: "alerting", value: "Grafana Alerting", weight: 3 },
      { topic: "monitoring", value: "Grafana", weight: 3 },
    ],
  },
  logback: { what: "Logback configuration", says: [{ topic: "logging", value: "Logback", weight: 3 }] },
  log4j: { what: "Log4j 2 configuration", says: [{ topic: "logging", value: "Log4j 2", weight: 3 }] },
  "fluent-bit": { what: "Fluent Bit configuration", says: [{ topic: "logging", value: "Fluent Bit", weight: 3 }] },
  fluentd: { what: "Fluentd configuration", says: [{ topic: "logging", value: "Fluentd", weight: 3 }] },
  vector: { what: "Vector configuration", says: [{ topic: "logging", value: "Vector", weight: 3 }] },
  loki: { what: "Loki / Promtail configuration", says: [{ topic: "logging", value: "Loki", weight: 3 }] },
};

/** What files say by being there. */
export function detectFromPresence(repo: Repository, findings: Findings): void {
  for (const [kind, { what, says }] of Object.entries(presence) as [FileKind, { what: string; says: Said[] }][])
    for (const path of repo.files(kind))
      for (const said of says)
        findings.add({
          topic: said.topic,
          value: said.value,
          source: path,
          reason: `${what} (${baseName(path)})`,
          weight: said.weight ?? 2,
          ...(said.database ? { database: said.database } : {}),
        });
}
