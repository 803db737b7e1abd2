import type { Finding, Findings, Topic } from "../findings.js";
import type { Repository } from "../repository.js";
import { record } from "../../text/records.js";
import { yamlRecord } from "../../text/yaml-records.js";
import { baseName, quoted } from "../text.js";

/** CloudFormation resource namespaces (`AWS::S3::Bucket` -> S3); a few by full type where the namespace is too broad. */
const cloudFormationServices: Record<string, string> = {
  S3: "S3",
  Lambda: "Lambda",
  "Serverless::Function": "Lambda",
  "Serverless::Api": "API Gateway",
  "Serverless::HttpApi": "API Gateway",
  "Serverless::SimpleTable": "DynamoDB",
  "Serverless::StateMachine": "Step Functions",
  DynamoDB: "DynamoDB",
  RDS: "RDS",
  ECS: "ECS",
  EKS: "EKS",
  SQS: "SQS",
  SNS: "SNS",
  ApiGateway: "API Gateway",
  ApiGatewayV2: "API Gateway",
  CloudFront: "CloudFront",
  ElastiCache: "ElastiCache",
  Cognito: "Cognito",
  Events: "EventBridge",
  StepFunctions: "Step Functions",
  Kinesis: "Kinesis",
  ECR: "ECR",
  Route53: "Route 53",
  ElasticLoadBalancingV2: "ELB",
  "EC2::Instance": "EC2",
  SecretsManager: "Secrets Manager",
  SES: "SES",
  AppRunner: "App Runner",
  Amplify: "Amplify",
  OpenSearchService: "OpenSearch",
  DocDB: "DocumentDB",
  MSK: "MSK",
};

/** The service of `AWS::<namespace>::<type>`. */
const serviceOf = (namespace: string, type: string) =>
  cloudFormationServices[`${namespace}::${type}`] ?? cloudFormationServices[namespace];

/**
 * CloudFormation and SAM templates, read as text (their `!Ref` tags and JSON form make a
 * pattern the one reader for both): the `Type: AWS::...` of each resource names a service;
 * Lambda functions and ECS services are where the backend runs; tables and instances are the
 * database. Returns false when the file is no template at all (a `template.yaml` of something else).
 */
function cloudFormation(path: string, text: string, findings: Findings, what?: string): boolean {
  const types = [...text.matchAll(/["']?Type["']?\s*:\s*["']?AWS::(\w+)::(\w+)/g)].map((match): [string, string] => [
    match[1]!,
    match[2]!,
  ]);
  if (types.length === 0 && !/AWSTemplateFormatVersion/.test(text)) return false;
  const file = baseName(path);
  const add = (finding: Omit<Finding, "source">) => findings.add({ ...finding, source: path });
  const sam =
    /Transform["']?\s*:\s*["']?AWS::Serverless/.test(text) || types.some(([namespace]) => namespace === "Serverless");
  const template = what ?? (sam ? "AWS SAM" : "CloudFormation");
  if (!what) add({ topic: "iac", value: template, reason: `${template} template (${file})`, weight: 3 });
  add({ topic: "cloud", value: "AWS", reason: `${template} template (${file})`, weight: 3 });
  for (const [namespace, type] of types) {
    const reason = `AWS::${namespace}::${type} in ${file}`;
    const service = serviceOf(namespace, type);
    if (service) add({ topic: "cloud.service", value: service, reason, weight: 1 });
    if (service === "Lambda") add({ topic: "backend.hosting", value: "AWS Lambda", reason, weight: 2 });
    if (namespace === "ECS" && type === "Service")
      add({ topic: "backend.hosting", value: "AWS ECS", reason, weight: 2 });
    if (namespace === "CloudWatch" && type === "Alarm")
      add({ topic: "alerting", value: "CloudWatch alarms", reason, weight: 3 });
    if (service === "DynamoDB") {
      add({ topic: "database", value: "DynamoDB", reason, weight: 3 });
      add({ topic: "database.provider", value: "AWS", database: "DynamoDB", reason, weight: 3 });
    }
    if (namespace === "RDS" && /^DB(Instance|Cluster)$/.test(type)) {
      const engine = /["']?Engine["']?\s*:\s*["']?([\w-]+)/.exec(text)?.[1] ?? "";
      const database = /postgres/.test(engine) ? "PostgreSQL" : /mysql|^aurora$/.test(engine) ? "MySQL" : undefined;
      if (database) {
        add({ topic: "database", value: database, reason: `${reason} (engine ${quoted(engine)})`, weight: 3 });
        add({
          topic: "database.provider",
          value: engine.startsWith("aurora") ? "Amazon Aurora" : "AWS RDS",
          database,
          reason: `${reason} (engine ${quoted(engine)})`,
          weight: 3,
        });
      }
    }
  }
  return true;
}

const serverlessProviders: Record<string, [string, string]> = {
  aws: ["AWS", "AWS Lambda"],
  google: ["Google Cloud", "Google Cloud Functions"],
  azure: ["Azure", "Azure Functions"],
};

/** Function events of serverless.yml and the service each one wires up. */
const serverlessEvents: [RegExp, string][] = [
  [/^[ \t]*-[ \t]*(http|httpApi)[ \t]*:/m, "API Gateway"],
  [/^[ \t]*-[ \t]*sqs[ \t]*:/m, "SQS"],
  [/^[ \t]*-[ \t]*sns[ \t]*:/m, "SNS"],
  [/^[ \t]*-[ \t]*(schedule|eventBridge)[ \t]*:/m, "EventBridge"],
  [/^[ \t]*-[ \t]*s3[ \t]*:/m, "S3"],
];

/**
 * serverless.yml (Serverless Framework): `provider.name` is the cloud and where functions run;
 * function events name the services they wire up; the `resources` section is CloudFormation.
 */
function serverless(path: string, text: string, findings: Findings): void {
  const file = baseName(path);
  const doc = yamlRecord(text);
  const provider = doc
    ? typeof doc.provider === "string"
      ? doc.provider
      : String(record(doc.provider).name ?? "")
    : (/^provider:[ \t]*\n(?:[ \t][^\n]*\n)*?[ \t]+name:[ \t]*["']?(\w+)/m.exec(text)?.[1] ??
      /provider:\s*\{[^}]{0,200}name:\s*["'](\w+)/.exec(text)?.[1] ??
      "");
  const add = (topic: Topic, value: string, reason: string, weight: number) =>
    findings.add({ topic, value, source: path, reason, weight });
  add("iac", "Serverless Framework", `Serverless Framework service (${file})`, 3);
  const [cloud, hosting] = serverlessProviders[provider] ?? [];
  if (!cloud || !hosting) return;
  const reason = `Serverless Framework provider ${quoted(provider)} in ${file}`;
  add("cloud", cloud, reason, 3);
  add("backend.hosting", hosting, reason, 3);
  if (provider === "aws") {
    // Each function is a Lambda: a service of ten functions weighs Lambda ten times.
    const functions = Object.keys(record(doc?.functions)).length;
    add(
      "cloud.service",
      "Lambda",
      `${Math.max(functions, 1)} function${functions === 1 ? "" : "s"} in ${file}`,
      Math.max(functions, 1),
    );
    for (const [pattern, service] of serverlessEvents)
      if (pattern.test(text)) add("cloud.service", service, `function events in ${file}`, 1);
    cloudFormation(path, text, findings, "Serverless Framework");
  }
}

/** Pulumi.yaml: a Pulumi project (the cloud comes from its SDK packages, read with the manifests). */
function pulumi(path: string, text: string, findings: Findings): void {
  const runtime = /^runtime:[ \t]*(?:\n[ \t]+name:[ \t]*)?["']?([\w-]+)/m.exec(text)?.[1];
  findings.add({
    topic: "iac",
    value: "Pulumi",
    source: path,
    reason: `Pulumi project${runtime ? ` (runtime ${quoted(runtime)})` : ""} in ${baseName(path)}`,
    weight: 3,
  });
}

/** Bicep resource types (`Microsoft.Web/sites@2023-01-01`) and what they are. */
const bicepTypes: [string, [Topic, string, string?][]][] = [
  [
    "Microsoft.Web/sites",
    [
      ["cloud.service", "App Service"],
      ["backend.hosting", "Azure App Service"],
    ],
  ],
  [
    "Microsoft.Web/staticSites",
    [
      ["cloud.service", "Static Web Apps"],
      ["frontend.hosting", "Azure Static Web Apps"],
    ],
  ],
  ["Microsoft.Web/serverfarms", [["cloud.service", "App Service"]]],
  [
    "Microsoft.Sql/servers",
    [
      ["cloud.service", "Azure SQL Database"],
      ["database", "SQL Server", "Azure SQL Database"],
    ],
  ],
  [
    "Microsoft.DBforPostgreSQL",
    [
      ["cloud.service", "Azure Database for PostgreSQL"],
      ["database", "PostgreSQL", "Azure Database for PostgreSQL"],
    ],
  ],
  [
    "Microsoft.DBforMySQL",
    [
      ["cloud.service", "Azure Database for MySQL"],
      ["database", "MySQL", "Azure Database for MySQL"],
    ],
  ],
  [
    "Microsoft.DocumentDB",
    [
      ["cloud.service", "Cosmos DB"],
      ["database", "Cosmos DB", "Azure"],
    ],
  ],
  [
    "Microsoft.Cache/redis",
    [
      ["cloud.service", "Azure Cache for Redis"],
      ["database", "Redis", "Azure Cache for Redis"],
    ],
  ],
  [
    "Microsoft.ContainerService/managedClusters",
    [
      ["cloud.service", "AKS"],
      ["backend.hosting", "Kubernetes"],
    ],
  ],
  [
    "Microsoft.App/containerApps",
    [
      ["cloud.service", "Container Apps"],
      ["backend.hosting", "Azure Container Apps"],
    ],
  ],
  ["Microsoft.Storage/storageAccounts", [["cloud.service", "Blob Storage"]]],
  ["Microsoft.KeyVault/vaults", [["cloud.service", "Key Vault"]]],
  [
    "Microsoft.Insights/components",
    [
      ["cloud.service", "Application Insights"],
      ["monitoring", "Azure Application Insights"],
    ],
  ],
  ["Microsoft.Insights/metricAlerts", [["alerting", "Azure Monitor alerts"]]],
  ["Microsoft.ServiceBus", [["cloud.service", "Service Bus"]]],
  ["Microsoft.ContainerRegistry", [["cloud.service", "Container Registry"]]],
];

/** Bicep: every resource is Azure; known types name services, databases and hosting. */
function bicep(path: string, text: string, findings: Findings): void {
  const file = baseName(path);
  findings.add({ topic: "iac", value: "Bicep", source: path, reason: `Bicep template (${file})`, weight: 3 });
  for (const match of text.matchAll(/^[ \t]*resource[ \t]+\w+[ \t]+'([\w.]+\/[\w/]+)@[\w-]+'/gm)) {
    const type = match[1]!;
    const reason = `resource type ${quoted(type)} in ${file}`;
    findings.add({ topic: "cloud", value: "Azure", source: path, reason, weight: 1 });
    for (const [prefix, said] of bicepTypes) {
      if (!type.startsWith(prefix)) continue;
      for (const [topic, value, provider] of said) {
        findings.add({ topic, value, source: path, reason, weight: topic === "cloud.service" ? 1 : 3 });
        if (provider)
          findings.add({
            topic: "database.provider",
            value: provider,
            database: value,
            source: path,
            reason,
            weight: 3,
          });
      }
      break;
    }
  }
}

/** CloudFormation / SAM, Serverless Framework, Pulumi and Bicep. */
export function detectCloudTemplates(repo: Repository, findings: Findings): void {
  for (const path of repo.files("cloudformation")) {
    const text = repo.text(path);
    if (text !== undefined) cloudFormation(path, text, findings);
  }
  for (const path of repo.files("serverless")) {
    const text = repo.text(path);
    if (text !== undefined) serverless(path, text, findings);
    else
      findings.add({
        topic: "iac",
        value: "Serverless Framework",
        source: path,
        reason: `Serverless Framework service (${baseName(path)})`,
        weight: 3,
      });
  }
  for (const path of repo.files("pulumi")) pulumi(path, repo.text(path) ?? "", findings);
  for (const path of repo.files("bicep")) {
    const text = repo.text(path);
    if (text !== undefined) bicep(path, text, findings);
  }
}
