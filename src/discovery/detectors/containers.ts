import type { Finding, Findings, Topic } from "../findings.js";
import type { Repository } from "../repository.js";
import { record } from "../../text/records.js";
import { yamlRecord } from "../../text/yaml-records.js";
import { baseName, quoted, strings } from "../text.js";
import { knative } from "./platforms.js";

/** Well-known images by name (registry and tag dropped; `library/` too). */
const images: Record<string, [Topic, string][]> = {
  postgres: [["database", "PostgreSQL"]],
  postgresql: [["database", "PostgreSQL"]],
  "postgis/postgis": [["database", "PostgreSQL"]],
  "timescale/timescaledb": [["database", "PostgreSQL"]],
  mysql: [["database", "MySQL"]],
  "mysql/mysql-server": [["database", "MySQL"]],
  mariadb: [["database", "MariaDB"]],
  mongo: [["database", "MongoDB"]],
  mongodb: [["database", "MongoDB"]],
  redis: [["database", "Redis"]],
  "redis/redis-stack": [["database", "Redis"]],
  "valkey/valkey": [["database", "Redis"]],
  elasticsearch: [["database", "Elasticsearch"]],
  "elasticsearch/elasticsearch": [["database", "Elasticsearch"]],
  "opensearchproject/opensearch": [["database", "OpenSearch"]],
  cassandra: [["database", "Cassandra"]],
  "mssql/server": [["database", "SQL Server"]],
  "amazon/dynamodb-local": [["database", "DynamoDB"]],
  "cockroachdb/cockroach": [["database", "CockroachDB"]],
  "clickhouse/clickhouse-server": [["database", "ClickHouse"]],
  neo4j: [["database", "Neo4j"]],
  memcached: [["database", "Memcached"]],
  "prom/prometheus": [["monitoring", "Prometheus"]],
  "grafana/grafana": [["monitoring", "Grafana"]],
  "grafana/grafana-oss": [["monitoring", "Grafana"]],
  "prom/alertmanager": [["alerting", "Alertmanager"]],
  "otel/opentelemetry-collector": [["monitoring", "OpenTelemetry"]],
  "otel/opentelemetry-collector-contrib": [["monitoring", "OpenTelemetry"]],
  "jaegertracing/all-in-one": [["monitoring", "Jaeger"]],
  "datadog/agent": [["monitoring", "Datadog"]],
  "datadoghq/agent": [["monitoring", "Datadog"]],
  "grafana/loki": [["logging", "Loki"]],
  "fluent/fluent-bit": [["logging", "Fluent Bit"]],
  "localstack/localstack": [["cloud", "AWS"]],
};

/** `docker.io/library/postgres:16-alpine@sha256:…` -> `postgres`; `mcr.microsoft.com/mssql/server:2022` -> `mssql/server`. */
export function imageName(reference: string): string {
  const withoutDigest = reference.split("@")[0]!;
  const lastSlash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.indexOf(":", lastSlash + 1);
  const parts = (colon >= 0 ? withoutDigest.slice(0, colon) : withoutDigest).toLowerCase().split("/");
  if (parts.length > 1 && /[.:]|^localhost$/.test(parts[0]!)) parts.shift();
  if (parts[0] === "library" || parts[0] === "bitnami") parts.shift();
  return parts.join("/");
}

/** What an image says: by its full name, else by its last part (`bitnami/postgresql`, `docker.elastic.co/elasticsearch/elasticsearch`). */
function imageSays(reference: string): [Topic, string][] {
  if (reference.includes("${") || reference.includes("{{")) return [];
  const name = imageName(reference);
  return images[name] ?? images[name.split("/").pop()!] ?? [];
}

/**
 * Compose files: the images of their services (a database image for local development is a
 * hint of the production one, weight 1), and containers as a way of running the backend.
 */
function compose(path: string, text: string, findings: Findings): void {
  const file = baseName(path);
  const doc = yamlRecord(text);
  const references = doc
    ? Object.values(record(doc.services)).flatMap((service) => strings(record(service).image))
    : [...text.matchAll(/^[ \t]*image:[ \t]*["']?([^\s"'#]+)/gm)].map((match) => match[1]!);
  for (const reference of references)
    for (const [topic, value] of imageSays(reference))
      findings.add({ topic, value, source: path, reason: `image ${quoted(reference)} in ${file}`, weight: 1 });
  findings.add({
    topic: "backend.hosting",
    value: "Docker containers",
    source: path,
    reason: `Compose file (${file})`,
    weight: 1,
  });
}

const workloadKinds = /^kind:\s*["']?(Deployment|StatefulSet|DaemonSet|CronJob|Job|Rollout|Ingress|HelmRelease)\b/m;

/**
 * Kubernetes, Argo CD and Flux manifests (templates read as text: Helm templates are not YAML
 * until rendered). A workload kind runs the backend on Kubernetes; Argo CD `Application`s and
 * Flux toolkit kinds are GitOps delivery; `PrometheusRule` / `ServiceMonitor` are alerting and
 * monitoring through the Prometheus Operator.
 */
function kubernetes(path: string, text: string, findings: Findings): void {
  if (!/^apiVersion:/m.test(text)) return;
  const file = baseName(path);
  const add = (finding: Omit<Finding, "source">) => findings.add({ ...finding, source: path });
  knative(text, file, add);
  const workload = workloadKinds.exec(text)?.[1];
  if (workload)
    add({ topic: "backend.hosting", value: "Kubernetes", reason: `kind ${workload} in ${file}`, weight: 2 });
  if (/argoproj\.io\//.test(text) && /^kind:\s*(Application|ApplicationSet|AppProject)\b/m.test(text))
    add({ topic: "cicd", value: "Argo CD (GitOps)", reason: `Argo CD Application in ${file}`, weight: 3 });
  if (/toolkit\.fluxcd\.io\//.test(text))
    add({ topic: "cicd", value: "Flux (GitOps)", reason: `Flux resource in ${file}`, weight: 3 });
  if (/^kind:\s*PrometheusRule\b/m.test(text))
    add({ topic: "alerting", value: "Prometheus alert rules", reason: `kind PrometheusRule in ${file}`, weight: 3 });
  if (/^kind:\s*(ServiceMonitor|PodMonitor)\b/m.test(text))
    add({ topic: "monitoring", value: "Prometheus", reason: `ServiceMonitor in ${file}`, weight: 3 });
  for (const match of text.matchAll(/^[ \t]*(?:-[ \t]+)?image:[ \t]*["']?([^\s"'#]+)/gm))
    for (const [topic, value] of imageSays(match[1]!))
      add({ topic, value, reason: `image ${quoted(match[1]!)} in ${file}`, weight: 1 });
}

/** Helm chart dependencies that bring a database or an observability stack into the cluster. */
const chartDependencies: Record<string, [Topic, string][]> = {
  postgresql: [["database", "PostgreSQL"]],
  "postgresql-ha": [["database", "PostgreSQL"]],
  mysql: [["database", "MySQL"]],
  mariadb: [["database", "MariaDB"]],
  mongodb: [["database", "MongoDB"]],
  redis: [["database", "Redis"]],
  elasticsearch: [["database", "Elasticsearch"]],
  "kube-prometheus-stack": [
    ["monitoring", "Prometheus"],
    ["monitoring", "Grafana"],
    ["alerting", "Alertmanager"],
  ],
  prometheus: [["monitoring", "Prometheus"]],
  grafana: [["monitoring", "Grafana"]],
  loki: [["logging", "Loki"]],
  "loki-stack": [["logging", "Loki"]],
  datadog: [["monitoring", "Datadog"]],
};

/** Chart.yaml: the backend runs on Kubernetes; its dependencies run in the cluster next to it. */
function helmChart(path: string, text: string | undefined, findings: Findings): void {
  const chart = yamlRecord(text);
  const name = typeof chart?.name === "string" ? chart.name : baseName(path);
  findings.add({
    topic: "backend.hosting",
    value: "Kubernetes",
    source: path,
    reason: `Helm chart ${quoted(name)} (Chart.yaml)`,
    weight: 3,
  });
  for (const dependency of Array.isArray(chart?.dependencies) ? chart.dependencies : []) {
    const dependencyName = String(record(dependency).name ?? "");
    for (const [topic, value] of chartDependencies[dependencyName] ?? []) {
      const reason = `chart dependency ${quoted(dependencyName)} in Chart.yaml`;
      findings.add({ topic, value, source: path, reason, weight: 2 });
      if (topic === "database")
        findings.add({
          topic: "database.provider",
          value: "Self-hosted in the cluster",
          database: value,
          source: path,
          reason,
          weight: 2,
        });
    }
  }
}

/** Compose files, Kubernetes manifests and Helm charts. */
export function detectContainers(repo: Repository, findings: Findings): void {
  for (const path of repo.files("compose")) {
    const text = repo.text(path);
    if (text !== undefined) compose(path, text, findings);
    else
      findings.add({
        topic: "backend.hosting",
        value: "Docker containers",
        source: path,
        reason: `Compose file (${baseName(path)})`,
        weight: 1,
      });
  }
  // A service.yaml is read as any manifest: a Knative Service (Cloud Run) or a plain Kubernetes one.
  for (const path of [...repo.files("kubernetes"), ...repo.files("knative")]) {
    const text = repo.text(path);
    if (text !== undefined) kubernetes(path, text, findings);
  }
  for (const path of repo.files("helm-chart")) helmChart(path, repo.text(path), findings);
}
