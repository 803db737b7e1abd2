import type { Finding, Findings, Topic } from "../findings.js";
import type { Repository } from "../repository.js";
import { baseName, quoted } from "../text.js";
import { attributeOf, requiredProviders } from "../../text/hcl.js";
import { isReusableModule } from "../../text/terraform-module-kind.js";
import { hclBlocks, hclJsonBlocks, type HclBlock } from "./hcl.js";

/** Terraform provider names (and resource type prefixes) that are clouds or hosting platforms. */
const clouds: Record<string, string> = {
  aws: "AWS",
  google: "Google Cloud",
  "google-beta": "Google Cloud",
  azurerm: "Azure",
  azapi: "Azure",
  cloudflare: "Cloudflare",
  digitalocean: "DigitalOcean",
  hcloud: "Hetzner Cloud",
  linode: "Akamai (Linode)",
  oci: "Oracle Cloud",
  ibm: "IBM Cloud",
  alicloud: "Alibaba Cloud",
  scaleway: "Scaleway",
  vultr: "Vultr",
  heroku: "Heroku",
  vercel: "Vercel",
  netlify: "Netlify",
  fly: "Fly.io",
  render: "Render",
};

/**
 * Managed services by resource type prefix, longest first. Plumbing every configuration has
 * (IAM, security groups, subnets, log groups) names no service: key services are the ones a
 * person would list.
 */
const servicePrefixes: [string, string][] = (
  [
    ["aws_s3_", "S3"],
    ["aws_db_", "RDS"],
    ["aws_rds_", "RDS"],
    ["aws_lambda_", "Lambda"],
    ["aws_eks_", "EKS"],
    ["aws_ecs_", "ECS"],
    ["aws_cloudfront_", "CloudFront"],
    ["aws_sqs_", "SQS"],
    ["aws_sns_", "SNS"],
    ["aws_dynamodb_", "DynamoDB"],
    ["aws_elasticache_", "ElastiCache"],
    ["aws_memorydb_", "MemoryDB"],
    ["aws_lb", "ELB"],
    ["aws_alb", "ELB"],
    ["aws_elb", "ELB"],
    ["aws_api_gateway_", "API Gateway"],
    ["aws_apigatewayv2_", "API Gateway"],
    ["aws_cognito_", "Cognito"],
    ["aws_route53_", "Route 53"],
    ["aws_ecr_", "ECR"],
    ["aws_instance", "EC2"],
    ["aws_autoscaling_group", "EC2"],
    ["aws_kinesis_", "Kinesis"],
    ["aws_msk_", "MSK"],
    ["aws_opensearch_", "OpenSearch"],
    ["aws_elasticsearch_", "OpenSearch"],
    ["aws_sfn_", "Step Functions"],
    ["aws_cloudwatch_event_", "EventBridge"],
    ["aws_scheduler_", "EventBridge"],
    ["aws_ses", "SES"],
    ["aws_secretsmanager_", "Secrets Manager"],
    ["aws_amplify_", "Amplify"],
    ["aws_apprunner_", "App Runner"],
    ["aws_elastic_beanstalk_", "Elastic Beanstalk"],
    ["aws_redshift_", "Redshift"],
    ["aws_mq_", "Amazon MQ"],
    ["aws_wafv2_", "WAF"],
    ["aws_docdb_", "DocumentDB"],
    ["aws_efs_", "EFS"],
    ["aws_batch_", "Batch"],
    ["aws_glue_", "Glue"],
    ["aws_athena_", "Athena"],
    ["google_cloud_run_", "Cloud Run"],
    ["google_container_", "GKE"],
    ["google_sql_", "Cloud SQL"],
    ["google_storage_", "Cloud Storage"],
    ["google_pubsub_", "Pub/Sub"],
    ["google_cloudfunctions", "Cloud Functions"],
    ["google_redis_", "Memorystore"],
    ["google_bigquery_", "BigQuery"],
    ["google_compute_instance", "Compute Engine"],
    ["google_artifact_registry_", "Artifact Registry"],
    ["google_secret_manager_", "Secret Manager"],
    ["google_firestore_", "Firestore"],
    ["google_spanner_", "Spanner"],
    ["google_cloud_scheduler_", "Cloud Scheduler"],
    ["google_cloud_tasks_", "Cloud Tasks"],
    ["google_app_engine_", "App Engine"],
    ["google_dns_", "Cloud DNS"],
    ["azurerm_kubernetes_", "AKS"],
    ["azurerm_linux_web_app", "App Service"],
    ["azurerm_windows_web_app", "App Service"],
    ["azurerm_app_service", "App Service"],
    ["azurerm_service_plan", "App Service"],
    ["azurerm_container_app", "Container Apps"],
    ["azurerm_linux_function_app", "Azure Functions"],
    ["azurerm_windows_function_app", "Azure Functions"],
    ["azurerm_function_app", "Azure Functions"],
    ["azurerm_mssql_", "Azure SQL Database"],
    ["azurerm_sql_", "Azure SQL Database"],
    ["azurerm_postgresql_", "Azure Database for PostgreSQL"],
    ["azurerm_mysql_", "Azure Database for MySQL"],
    ["azurerm_cosmosdb_", "Cosmos DB"],
    ["azurerm_redis_", "Azure Cache for Redis"],
    ["azurerm_storage_", "Blob Storage"],
    ["azurerm_key_vault", "Key Vault"],
    ["azurerm_servicebus_", "Service Bus"],
    ["azurerm_container_registry", "Container Registry"],
    ["azurerm_application_insights", "Application Insights"],
    ["azurerm_cdn_frontdoor_", "Front Door"],
    ["azurerm_frontdoor", "Front Door"],
    ["azurerm_static_", "Static Web Apps"],
    ["azurerm_eventhub", "Event Hubs"],
    ["cloudflare_record", "DNS"],
    ["cloudflare_dns_record", "DNS"],
    ["cloudflare_zone", "DNS"],
    ["cloudflare_worker", "Workers"],
    ["cloudflare_workers_script", "Workers"],
    ["cloudflare_workers_route", "Workers"],
    ["cloudflare_workers_kv", "Workers KV"],
    ["cloudflare_r2_", "R2"],
    ["cloudflare_pages_", "Pages"],
    ["cloudflare_d1_", "D1"],
    ["cloudflare_queue", "Queues"],
    ["digitalocean_droplet", "Droplets"],
    ["digitalocean_kubernetes_", "DOKS"],
    ["digitalocean_database_", "Managed Databases"],
    ["digitalocean_app", "App Platform"],
    ["digitalocean_spaces_", "Spaces"],
  ] as [string, string][]
).sort((a, b) => b[0].length - a[0].length);

const serviceOfResource = (type: string) => servicePrefixes.find(([prefix]) => type.startsWith(prefix))?.[1];

/** Registry and Git module names (`terraform-aws-modules/eks/aws`, `terraform-google-modules/kubernetes-engine/google`) -> service. */
const moduleServices: Record<string, string> = {
  "aws:eks": "EKS",
  "aws:rds": "RDS",
  "aws:rds-aurora": "RDS",
  "aws:s3-bucket": "S3",
  "aws:lambda": "Lambda",
  "aws:ecs": "ECS",
  "aws:alb": "ELB",
  "aws:cloudfront": "CloudFront",
  "aws:dynamodb-table": "DynamoDB",
  "aws:sqs": "SQS",
  "aws:sns": "SNS",
  "aws:elasticache": "ElastiCache",
  "aws:ecr": "ECR",
  "aws:apigateway-v2": "API Gateway",
  "aws:route53": "Route 53",
  "aws:msk-kafka-cluster": "MSK",
  "aws:opensearch": "OpenSearch",
  "aws:eventbridge": "EventBridge",
  "aws:step-functions": "Step Functions",
  "google:kubernetes-engine": "GKE",
  "google:sql-db": "Cloud SQL",
  "google:cloud-run": "Cloud Run",
  "google:cloud-storage": "Cloud Storage",
  "google:memorystore": "Memorystore",
  "google:pubsub": "Pub/Sub",
  "azurerm:aks": "AKS",
};

/** A database a resource (or module) creates, and who runs it. */
type DatabaseRule = (body: string) => { database: string; provider: string } | undefined;

const engineDatabase = (engine: string | undefined): string | undefined => {
  const name = (engine ?? "").toLowerCase();
  if (/postgres/.test(name)) return "PostgreSQL";
  if (/mariadb/.test(name)) return "MariaDB";
  if (/mysql|^aurora$/.test(name)) return "MySQL";
  if (/sqlserver/.test(name)) return "SQL Server";
  if (/oracle/.test(name)) return "Oracle Database";
  if (/valkey|redis/.test(name)) return "Redis";
  if (/memcached/.test(name)) return "Memcached";
  return undefined;
};

const rds: DatabaseRule = (body) => {
  const engine = attributeOf(body, "engine");
  const database = engineDatabase(engine);
  return database ? { database, provider: /^aurora/.test(engine ?? "") ? "Amazon Aurora" : "AWS RDS" } : undefined;
};

const fixed =
  (database: string, provider: string): DatabaseRule =>
  () => ({ database, provider });

const databaseRules: Record<string, DatabaseRule> = {
  aws_db_instance: rds,
  aws_rds_cluster: rds,
  "module:aws:rds": rds,
  "module:aws:rds-aurora": (body) => rds(body) ?? { database: "PostgreSQL", provider: "Amazon Aurora" },
  aws_dynamodb_table: fixed("DynamoDB", "AWS"),
  "module:aws:dynamodb-table": fixed("DynamoDB", "AWS"),
  aws_elasticache_cluster: (body) => ({
    database: engineDatabase(attributeOf(body, "engine")) ?? "Redis",
    provider: "Amazon ElastiCache",
  }),
  aws_elasticache_replication_group: fixed("Redis", "Amazon ElastiCache"),
  aws_elasticache_serverless_cache: fixed("Redis", "Amazon ElastiCache"),
  "module:aws:elasticache": fixed("Redis", "Amazon ElastiCache"),
  aws_memorydb_cluster: fixed("Redis", "Amazon MemoryDB"),
  aws_docdb_cluster: fixed("MongoDB", "Amazon DocumentDB"),
  aws_opensearch_domain: fixed("OpenSearch", "Amazon OpenSearch Service"),
  google_sql_database_instance: (body) => {
    const database = engineDatabase(attributeOf(body, "database_version"));
    return database ? { database, provider: "Google Cloud SQL" } : undefined;
  },
  "module:google:sql-db": fixed("PostgreSQL", "Google Cloud SQL"),
  google_redis_instance: fixed("Redis", "Google Memorystore"),
  google_firestore_database: fixed("Firestore", "Google Cloud"),
  google_spanner_instance: fixed("Spanner", "Google Cloud"),
  google_bigtable_instance: fixed("Bigtable", "Google Cloud"),
  azurerm_postgresql_flexible_server: fixed("PostgreSQL", "Azure Database for PostgreSQL"),
  azurerm_postgresql_server: fixed("PostgreSQL", "Azure Database for PostgreSQL"),
  azurerm_mysql_flexible_server: fixed("MySQL", "Azure Database for MySQL"),
  azurerm_mssql_server: fixed("SQL Server", "Azure SQL Database"),
  azurerm_mssql_database: fixed("SQL Server", "Azure SQL Database"),
  azurerm_sql_server: fixed("SQL Server", "Azure SQL Database"),
  azurerm_cosmosdb_account: fixed("Cosmos DB", "Azure"),
  azurerm_redis_cache: fixed("Redis", "Azure Cache for Redis"),
  mongodbatlas_cluster: fixed("MongoDB", "MongoDB Atlas"),
  mongodbatlas_advanced_cluster: fixed("MongoDB", "MongoDB Atlas"),
  mongodbatlas_serverless_instance: fixed("MongoDB", "MongoDB Atlas"),
  digitalocean_database_cluster: (body) => {
    const engine = attributeOf(body, "engine") ?? "";
    const database = engine === "pg" ? "PostgreSQL" : engine === "mongodb" ? "MongoDB" : engineDatabase(engine);
    return database ? { database, provider: "DigitalOcean Managed Databases" } : undefined;
  },
  heroku_addon: (body) => {
    const plan = attributeOf(body, "plan") ?? "";
    if (plan.startsWith("heroku-postgresql")) return { database: "PostgreSQL", provider: "Heroku Postgres" };
    if (plan.startsWith("heroku-redis")) return { database: "Redis", provider: "Heroku Key-Value Store" };
    return undefined;
  },
  supabase_project: fixed("PostgreSQL", "Supabase"),
  neon_project: fixed("PostgreSQL", "Neon"),
  planetscale_database: fixed("MySQL", "PlanetScale"),
  cloudflare_d1_database: fixed("SQLite", "Cloudflare D1"),
  upstash_redis_database: fixed("Redis", "Upstash"),
};

/** Where code runs, by resource type (or `module:provider:name`). */
const hostingRules: Record<string, [Topic, string]> = {
  aws_ecs_service: ["backend.hosting", "AWS ECS"],
  "module:aws:ecs": ["backend.hosting", "AWS ECS"],
  aws_lambda_function: ["backend.hosting", "AWS Lambda"],
  "module:aws:lambda": ["backend.hosting", "AWS Lambda"],
  aws_apprunner_service: ["backend.hosting", "AWS App Runner"],
  aws_elastic_beanstalk_environment: ["backend.hosting", "AWS Elastic Beanstalk"],
  aws_eks_cluster: ["backend.hosting", "Kubernetes"],
  "module:aws:eks": ["backend.hosting", "Kubernetes"],
  google_container_cluster: ["backend.hosting", "Kubernetes"],
  "module:google:kubernetes-engine": ["backend.hosting", "Kubernetes"],
  azurerm_kubernetes_cluster: ["backend.hosting", "Kubernetes"],
  "module:azurerm:aks": ["backend.hosting", "Kubernetes"],
  digitalocean_kubernetes_cluster: ["backend.hosting", "Kubernetes"],
  google_cloud_run_service: ["backend.hosting", "Google Cloud Run"],
  google_cloud_run_v2_service: ["backend.hosting", "Google Cloud Run"],
  "module:google:cloud-run": ["backend.hosting", "Google Cloud Run"],
  google_app_engine_application: ["backend.hosting", "Google App Engine"],
  google_cloudfunctions_function: ["backend.hosting", "Google Cloud Functions"],
  google_cloudfunctions2_function: ["backend.hosting", "Google Cloud Functions"],
  azurerm_linux_web_app: ["backend.hosting", "Azure App Service"],
  azurerm_windows_web_app: ["backend.hosting", "Azure App Service"],
  azurerm_app_service: ["backend.hosting", "Azure App Service"],
  azurerm_container_app: ["backend.hosting", "Azure Container Apps"],
  azurerm_linux_function_app: ["backend.hosting", "Azure Functions"],
  azurerm_function_app: ["backend.hosting", "Azure Functions"],
  digitalocean_app: ["backend.hosting", "DigitalOcean App Platform"],
  heroku_app: ["backend.hosting", "Heroku"],
  fly_app: ["backend.hosting", "Fly.io"],
  render_web_service: ["backend.hosting", "Render"],
  cloudflare_worker_script: ["backend.hosting", "Cloudflare Workers"],
  cloudflare_workers_script: ["backend.hosting", "Cloudflare Workers"],
  aws_amplify_app: ["frontend.hosting", "AWS Amplify"],
  cloudflare_pages_project: ["frontend.hosting", "Cloudflare Pages"],
  azurerm_static_web_app: ["frontend.hosting", "Azure Static Web Apps"],
  azurerm_static_site: ["frontend.hosting", "Azure Static Web Apps"],
  vercel_project: ["frontend.hosting", "Vercel"],
  netlify_site: ["frontend.hosting", "Netlify"],
};

/** Monitoring and alerting configured as code, by resource type prefix. */
const observabilityPrefixes: [string, [Topic, string][]][] = [
  [
    "datadog_monitor",
    [
      ["alerting", "Datadog monitors"],
      ["monitoring", "Datadog"],
    ],
  ],
  ["datadog_", [["monitoring", "Datadog"]]],
  [
    "newrelic_alert_",
    [
      ["alerting", "New Relic alerts"],
      ["monitoring", "New Relic"],
    ],
  ],
  ["newrelic_", [["monitoring", "New Relic"]]],
  ["pagerduty_", [["alerting", "PagerDuty"]]],
  ["opsgenie_", [["alerting", "Opsgenie"]]],
  ["sentry_", [["alerting", "Sentry"]]],
  [
    "grafana_rule_group",
    [
      ["alerting", "Grafana Alerting"],
      ["monitoring", "Grafana"],
    ],
  ],
  ["grafana_", [["monitoring", "Grafana"]]],
  ["aws_cloudwatch_metric_alarm", [["alerting", "CloudWatch alarms"]]],
  ["aws_cloudwatch_dashboard", [["monitoring", "CloudWatch"]]],
  ["google_monitoring_alert_policy", [["alerting", "Cloud Monitoring alerts"]]],
  ["azurerm_monitor_metric_alert", [["alerting", "Azure Monitor alerts"]]],
  ["azurerm_application_insights", [["monitoring", "Azure Application Insights"]]],
];

/** A module source as `provider:name`: registry `ns/name/provider`, or a Git URL of `terraform-<provider>-<name>`. */
export function moduleKey(source: string): string | undefined {
  const registry = /^(?:[\w.-]+\/)?[\w-]+\/([\w-]+)\/([\w-]+)(?:\/\/.*)?$/.exec(source);
  if (registry && !source.startsWith(".")) return `${registry[2]}:${registry[1]}`;
  const git = /terraform-(aws|google|azurerm)-([\w-]+?)(?:\.git|\/\/|\?|$)/.exec(source);
  return git ? `${git[1]}:${git[2]}` : undefined;
}

/** The repository's root `.tf` files declare a reusable module (`text/terraform-module-kind.ts`). */
function rootIsReusableModule(repo: Repository, files: readonly string[]): boolean {
  const root = files.filter((path) => !path.includes("/") && path.endsWith(".tf"));
  return isReusableModule(root.flatMap((path) => repo.text(path) ?? []));
}

function readBlock(block: HclBlock, path: string, findings: Findings, offered = false): void {
  const add = (finding: Omit<Finding, "source">) => findings.add({ ...finding, source: path });
  const file = baseName(path);
  if (block.kind === "provider" || block.kind === "terraform") {
    const named: [string, string][] =
      block.kind === "provider"
        ? [[block.type, `provider ${quoted(block.type)} in ${file}`]]
        : [
            ...requiredProviders(block.body).map((name): [string, string] => [
              name,
              `required provider ${quoted(name)} in ${file}`,
            ]),
            ...[...block.body.matchAll(/backend\s+"(s3|gcs|azurerm)"/g)].map((match): [string, string] => [
              { s3: "aws", gcs: "google", azurerm: "azurerm" }[match[1] as "s3" | "gcs" | "azurerm"],
              `state backend ${quoted(match[1]!)} in ${file}`,
            ]),
          ];
    for (const [provider, reason] of named) {
      const cloud = clouds[provider];
      if (cloud) add({ topic: "cloud", value: cloud, reason, weight: 3 });
    }
    return;
  }
  if (block.kind === "data") return;
  const key = block.kind === "module" ? moduleKeyOf(block) : block.type;
  if (key === undefined) return;
  const address = block.kind === "module" ? `module ${quoted(block.name)}` : `${block.type}.${block.name}`;
  const reason =
    block.kind === "module" ? `${address} (${attributeOf(block.body, "source")}) in ${file}` : `${address} in ${file}`;
  const cloud =
    block.kind === "module" ? clouds[key.slice(0, key.indexOf(":"))] : clouds[key.slice(0, key.indexOf("_"))];
  if (cloud) add({ topic: "cloud", value: cloud, reason, weight: 1 });
  const service = block.kind === "module" ? moduleServices[key] : serviceOfResource(key);
  if (service) add({ topic: "cloud.service", value: service, reason, weight: 1 });
  // A reusable module's databases and compute are what it offers, not this repository's.
  if (offered) return;
  const rule = databaseRules[block.kind === "module" ? `module:${key}` : key];
  const database = rule?.(block.body);
  if (database) {
    add({ topic: "database", value: database.database, reason, weight: 3 });
    add({ topic: "database.provider", value: database.provider, database: database.database, reason, weight: 3 });
  }
  const hosting = hostingRules[block.kind === "module" ? `module:${key}` : key];
  if (hosting) add({ topic: hosting[0], value: hosting[1], reason, weight: 2 });
  if (block.kind === "resource")
    for (const [prefix, said] of observabilityPrefixes)
      if (key.startsWith(prefix)) {
        for (const [topic, value] of said) add({ topic, value, reason, weight: 3 });
        break;
      }
}

const moduleKeyOf = (block: HclBlock) => {
  const source = attributeOf(block.body, "source");
  return source === undefined ? undefined : moduleKey(source);
};

/**
 * Terraform / OpenTofu (`.tf`, `.tf.json`, `.tofu`): providers and state backends name the
 * clouds; resources and registry modules name the managed services, the databases (with the
 * engine and who runs it), where code runs, and monitoring or alerting set up as code. A
 * static site on S3 behind CloudFront is the frontend's hosting.
 */
export function detectTerraform(repo: Repository, findings: Findings): void {
  const files = repo.files("terraform");
  const offered = rootIsReusableModule(repo, files);
  let website: string | undefined;
  let cdn = false;
  for (const path of files) {
    const text = repo.text(path);
    findings.add({
      topic: "iac",
      value: path.endsWith(".tofu") ? "OpenTofu" : "Terraform",
      source: path,
      reason: `${path.endsWith(".tofu") ? "OpenTofu" : "Terraform"} configuration (${baseName(path)})`,
      weight: 1,
    });
    if (text === undefined) continue;
    const blocks = path.endsWith(".json") ? hclJsonBlocks(text) : hclBlocks(text);
    for (const block of blocks) {
      readBlock(block, path, findings, offered);
      if (block.type === "aws_s3_bucket_website_configuration") website ??= path;
      if (block.type === "aws_cloudfront_distribution") cdn = true;
    }
  }
  if (website && cdn && !offered)
    findings.add({
      topic: "frontend.hosting",
      value: "AWS S3 + CloudFront",
      source: website,
      reason: `S3 website bucket behind a CloudFront distribution (${baseName(website)})`,
      weight: 2,
    });
}
