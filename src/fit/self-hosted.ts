/**
 * Components a team can run itself or buy as a managed service, and the managed alternative the
 * review and the ADR draft name: the prompt's default is to buy until building is proven needed.
 */
export interface SelfHostedKind {
  /** What it is, in a sentence's words: "a PostgreSQL database". */
  component: string;
  kind: "datastore" | "queue" | "observability";
  managed: string;
}

const catalogue: readonly (SelfHostedKind & { pattern: RegExp })[] = [
  {
    pattern: /postgres/,
    component: "a PostgreSQL database",
    kind: "datastore",
    managed: "Amazon RDS, Cloud SQL or Azure Database for PostgreSQL",
  },
  {
    pattern: /mysql|mariadb/,
    component: "a MySQL database",
    kind: "datastore",
    managed: "Amazon RDS, Cloud SQL or Azure Database for MySQL",
  },
  {
    pattern: /mongo/,
    component: "a MongoDB database",
    kind: "datastore",
    managed: "MongoDB Atlas or Amazon DocumentDB",
  },
  {
    pattern: /redis|valkey/,
    component: "a Redis cache",
    kind: "datastore",
    managed: "ElastiCache, Memorystore or Azure Cache for Redis",
  },
  {
    pattern: /elasticsearch|opensearch/,
    component: "a search cluster",
    kind: "datastore",
    managed: "Amazon OpenSearch Service or Elastic Cloud",
  },
  { pattern: /clickhouse/, component: "a ClickHouse database", kind: "datastore", managed: "ClickHouse Cloud" },
  {
    pattern: /cassandra|scylla/,
    component: "a Cassandra cluster",
    kind: "datastore",
    managed: "Amazon Keyspaces or DataStax Astra",
  },
  { pattern: /kafka|redpanda/, component: "a Kafka cluster", kind: "queue", managed: "Amazon MSK or Confluent Cloud" },
  { pattern: /rabbitmq/, component: "a RabbitMQ broker", kind: "queue", managed: "Amazon MQ or CloudAMQP" },
  {
    pattern: /nats/,
    component: "a NATS server",
    kind: "queue",
    managed: "Synadia Cloud, or the cloud's queue (SQS, Pub/Sub)",
  },
  {
    pattern: /prometheus|grafana|loki|tempo|jaeger|thanos|mimir/,
    component: "a monitoring stack",
    kind: "observability",
    managed: "Grafana Cloud, Datadog or the cloud's managed Prometheus",
  },
];

/** The self-hosted component an image or a chart name runs (`bitnami/postgresql:16`, `kube-prometheus-stack`), if any. */
export function selfHostedComponent(name: string): SelfHostedKind | undefined {
  const lower = name
    .toLowerCase()
    .replace(/^.*\//, "")
    .replace(/[:@].*$/, "");
  // An exporter or a client is not the component itself.
  if (/exporter|client|operator-crds/.test(lower)) return undefined;
  const found = catalogue.find((entry) => entry.pattern.test(lower));
  return found ? { component: found.component, kind: found.kind, managed: found.managed } : undefined;
}
