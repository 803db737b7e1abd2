import { numberValue, stringValue, type HclValue, type TerraformResource } from "../text/terraform-resources.js";
import {
  hoursPerMonth,
  listPrice,
  priceRegions,
  priceTableDate,
  usagePriced,
  type PriceEntry,
  type Provider,
} from "./price-table.js";

/** What one resource costs a month by the price table. */
export type ResourcePrice =
  | { kind: "priced"; monthly: number; basis: string }
  /** Billed by use only: $0 fixed. */
  | { kind: "usage"; basis: string }
  /** A resource with a price the table does not hold, or whose size the code does not say. */
  | { kind: "unknown"; why: string }
  /** No price of its own (networking glue, permissions, policies). */
  | { kind: "free" };

const providerOf = (type: string): Provider | undefined =>
  type.startsWith("aws_")
    ? "aws"
    : type.startsWith("google_")
      ? "google"
      : type.startsWith("azurerm_")
        ? "azure"
        : undefined;

/** Resource types with no price of their own: the estimate leaves them out rather than list them as unknown. */
const free =
  /^(aws_(iam|security_group|vpc_security_group|route|network_acl|default|s3_bucket_|lb_|alb_|db_subnet_group|db_parameter_group|db_option_group|rds_cluster_parameter_group|elasticache_subnet_group|elasticache_parameter_group|ecs_task_definition|ecs_cluster|key_pair|kms_alias|lambda_permission|lambda_event_source_mapping|cloudwatch_event|sqs_queue_policy|sns_topic_subscription|sns_topic_policy|autoscaling_policy|autoscaling_attachment|launch_template|launch_configuration|main_route_table|appautoscaling|ecr_lifecycle|ecr_repository_policy|acm_certificate|ssm_parameter|subnet|vpc$|vpc_dhcp|internet_gateway|egress_only|placement_group|volume_attachment|eip_association|cloudwatch_log_stream|secretsmanager_secret_version|secretsmanager_secret_policy|organizations|budgets|servicediscovery)|google_(project_iam|service_account|compute_network|compute_subnetwork|compute_firewall|compute_router$|project_service|sql_database$|sql_user|dns_record_set|compute_health_check|compute_backend_service|compute_url_map|compute_target_https?_proxy|compute_instance_template|storage_bucket_object|storage_bucket_iam|secret_manager_secret_version|.*_iam_(member|binding|policy))|azurerm_(resource_group|virtual_network|subnet|network_security|role_assignment|role_definition|network_interface|storage_container|user_assigned_identity|mssql_server$|mssql_firewall_rule|.*_association$))/;

/** `["t3.medium", "t3.large"]` -> t3.medium: the first of a list of literal strings. */
function firstOfList(value: HclValue | undefined): string | undefined {
  if (typeof value === "string") return value;
  if (value === undefined || typeof value !== "object") return undefined;
  return /^\[\s*"([^"]+)"/.exec(value.expression)?.[1];
}

const dollars = (usd: number) =>
  `$${usd < 1 ? usd.toFixed(4).replace(/0+$/, "") : usd.toFixed(usd < 10 ? 3 : 2).replace(/\.?0+$/, "")}`;
const unitText: Record<PriceEntry["per"], string> = {
  hour: "/h",
  month: "/month",
  "gb-month": "/GB-month",
  "gb-hour": "/GB-hour",
  "vcpu-hour": "/vCPU-hour",
};
const rate = (entry: PriceEntry) => `${dollars(entry.usd)}${unitText[entry.per]}`;
const monthlyOf = (entry: PriceEntry, quantity = 1) =>
  entry.usd * quantity * (entry.per === "hour" || entry.per.endsWith("-hour") ? hoursPerMonth : 1);

/** What the rules of one resource type decide, before the region note. */
type Rule = (resource: TerraformResource) => ResourcePrice;

const unknownSize = (attribute: string, value: HclValue | undefined): ResourcePrice => ({
  kind: "unknown",
  why:
    value === undefined
      ? `${attribute} is not set`
      : typeof value === "object"
        ? `${attribute} is ${value.expression.slice(0, 60)}, not a literal`
        : `the price table has no ${attribute} ${String(value)}`,
});

/** A price made of parts (nodes, storage, control plane), each named in the basis. */
function sum(parts: readonly { entry: PriceEntry; quantity?: number; what: string }[]): ResourcePrice {
  const monthly = parts.reduce((total, part) => total + monthlyOf(part.entry, part.quantity), 0);
  const basis = parts
    .map(({ entry, quantity, what }) =>
      quantity === undefined || quantity === 1
        ? `${what} ${rate(entry)}`
        : // "200 GB storage $0.115/GB-month", "2 × EC2 t3.medium $0.0416/h"
          `${quantity}${what.startsWith("GB") ? " " : " × "}${what} ${rate(entry)}`,
    )
    .join(" + ");
  return { kind: "priced", monthly, basis };
}

/** `count = 3` multiplies; a count that is not a literal makes the quantity unknown. */
function counted(resource: TerraformResource, price: ResourcePrice): ResourcePrice {
  const count = resource.value(["count"]);
  if (count === undefined || price.kind !== "priced") return price;
  if (typeof count !== "number") return { kind: "unknown", why: "count is not a literal number" };
  return { kind: "priced", monthly: price.monthly * count, basis: `${count} × (${price.basis})` };
}

function hourlyBySize(provider: Provider, product: string, attribute: string, what: string): Rule {
  return (resource) => {
    const value = resource.value([attribute]);
    const entry = typeof value === "string" ? listPrice(provider, product, value) : undefined;
    return entry ? sum([{ entry, what: `${what} ${value as string}` }]) : unknownSize(attribute, value);
  };
}

function fixed(provider: Provider, product: string, what: string, size = "*"): Rule {
  const entry = listPrice(provider, product, size)!;
  return () => sum([{ entry, what }]);
}

const awsRules: Record<string, Rule> = {
  aws_instance: (resource) => {
    const compute = hourlyBySize("aws", "ec2", "instance_type", "EC2")(resource);
    const size = numberValue(resource, "root_block_device", "volume_size");
    const disk = listPrice("aws", "ebs", stringValue(resource, "root_block_device", "volume_type") ?? "gp3");
    if (compute.kind !== "priced" || size === undefined || !disk) return compute;
    return {
      kind: "priced",
      monthly: compute.monthly + size * disk.usd,
      basis: `${compute.basis} + ${size} GB ${rate(disk)}`,
    };
  },
  aws_db_instance: (resource) => {
    const engine = stringValue(resource, "engine") ?? "";
    const family =
      engine === "postgres" ? "rds-postgres" : engine === "mysql" || engine === "mariadb" ? "rds-mysql" : undefined;
    if (!family)
      return { kind: "unknown", why: engine ? `the price table has no RDS engine ${engine}` : "engine is not set" };
    const instanceClass = resource.value(["instance_class"]);
    const entry = typeof instanceClass === "string" ? listPrice("aws", family, instanceClass) : undefined;
    if (!entry) return unknownSize("instance_class", instanceClass);
    const copies = resource.value(["multi_az"]) === true ? 2 : 1;
    const parts = [{ entry, quantity: copies, what: `RDS ${engine} ${instanceClass as string}` }];
    const storage = numberValue(resource, "allocated_storage");
    const storageEntry = listPrice("aws", `${family}-storage`, stringValue(resource, "storage_type") ?? "gp2");
    if (storage !== undefined && storageEntry)
      parts.push({ entry: storageEntry, quantity: storage * copies, what: "GB storage" });
    return sum(parts);
  },
  aws_nat_gateway: fixed("aws", "nat-gateway", "NAT gateway (plus $0.045/GB processed)"),
  aws_eip: fixed("aws", "public-ipv4", "public IPv4 address"),
  aws_lb: (resource) => {
    const kind = stringValue(resource, "load_balancer_type") ?? "application";
    const entry = listPrice("aws", "load-balancer", kind);
    return entry
      ? sum([{ entry, what: `${kind} load balancer (plus capacity units)` }])
      : unknownSize("load_balancer_type", kind);
  },
  aws_elb: fixed("aws", "load-balancer", "classic load balancer (plus $0.008/GB)", "classic"),
  aws_eks_cluster: fixed("aws", "eks-control-plane", "EKS control plane"),
  aws_eks_node_group: (resource) => {
    const type = firstOfList(resource.value(["instance_types"]));
    const nodes = numberValue(resource, "scaling_config", "desired_size");
    const entry = type ? listPrice("aws", "ec2", type) : undefined;
    if (!entry) return unknownSize("instance_types", resource.value(["instance_types"]));
    if (nodes === undefined) return { kind: "unknown", why: "scaling_config.desired_size is not a literal" };
    return sum([{ entry, quantity: nodes, what: `EC2 ${type!}` }]);
  },
  aws_elasticache_cluster: (resource) => {
    const price = hourlyBySize("aws", "elasticache", "node_type", "ElastiCache")(resource);
    const nodes = numberValue(resource, "num_cache_nodes") ?? 1;
    return price.kind === "priced"
      ? { ...price, monthly: price.monthly * nodes, basis: nodes === 1 ? price.basis : `${nodes} × ${price.basis}` }
      : price;
  },
  aws_elasticache_replication_group: (resource) => {
    const price = hourlyBySize("aws", "elasticache", "node_type", "ElastiCache")(resource);
    const nodes =
      numberValue(resource, "num_cache_clusters") ??
      (resource.value(["num_node_groups"]) === undefined ? 1 : undefined);
    if (price.kind !== "priced") return price;
    if (nodes === undefined)
      return { kind: "unknown", why: "num_node_groups and replicas_per_node_group: the node count is not read" };
    return { ...price, monthly: price.monthly * nodes, basis: nodes === 1 ? price.basis : `${nodes} × ${price.basis}` };
  },
  aws_ebs_volume: (resource) => {
    const size = numberValue(resource, "size");
    const type = stringValue(resource, "type") ?? "gp2";
    const entry = listPrice("aws", "ebs", type);
    if (size === undefined) return unknownSize("size", resource.value(["size"]));
    return entry ? sum([{ entry, quantity: size, what: `GB EBS ${type}` }]) : unknownSize("type", type);
  },
  aws_kms_key: fixed("aws", "kms-key", "KMS key"),
  aws_secretsmanager_secret: fixed("aws", "secret", "secret"),
  aws_route53_zone: fixed("aws", "route53-zone", "hosted zone"),
  aws_msk_cluster: (resource) => {
    const type = stringValue(resource, "broker_node_group_info", "instance_type");
    const brokers = numberValue(resource, "number_of_broker_nodes");
    const entry = type ? listPrice("aws", "msk-broker", type) : undefined;
    if (!entry)
      return unknownSize(
        "broker_node_group_info.instance_type",
        resource.value(["broker_node_group_info", "instance_type"]),
      );
    if (brokers === undefined) return { kind: "unknown", why: "number_of_broker_nodes is not a literal" };
    return sum([{ entry, quantity: brokers, what: `MSK broker ${type!} (plus storage)` }]);
  },
  aws_dynamodb_table: (resource) => {
    if ((stringValue(resource, "billing_mode") ?? "PROVISIONED") === "PAY_PER_REQUEST")
      return { kind: "usage", basis: "on-demand: per request and per GB stored" };
    const reads = numberValue(resource, "read_capacity");
    const writes = numberValue(resource, "write_capacity");
    if (reads === undefined || writes === undefined)
      return { kind: "unknown", why: "read_capacity and write_capacity are not literals" };
    return sum([
      { entry: listPrice("aws", "dynamodb-capacity", "read")!, quantity: reads, what: "read capacity units" },
      { entry: listPrice("aws", "dynamodb-capacity", "write")!, quantity: writes, what: "write capacity units" },
    ]);
  },
};
awsRules.aws_alb = awsRules.aws_lb!;

/** `db-custom-2-7680`: 2 vCPUs, 7,680 MB. */
function cloudSqlTier(tier: string): PriceEntry[] | { vcpus: number; gb: number } | undefined {
  const shared = listPrice("google", "cloud-sql", tier);
  if (shared) return [shared];
  const custom = /^db-custom-(\d+)-(\d+)$/.exec(tier);
  return custom ? { vcpus: Number(custom[1]), gb: Number(custom[2]) / 1024 } : undefined;
}

const googleRules: Record<string, Rule> = {
  google_compute_instance: (resource) => {
    const compute = hourlyBySize("google", "gce", "machine_type", "Compute Engine")(resource);
    const size = numberValue(resource, "boot_disk", "initialize_params", "size");
    const disk = listPrice(
      "google",
      "gce-disk",
      stringValue(resource, "boot_disk", "initialize_params", "type") ?? "pd-standard",
    );
    if (compute.kind !== "priced" || size === undefined || !disk) return compute;
    return {
      kind: "priced",
      monthly: compute.monthly + size * disk.usd,
      basis: `${compute.basis} + ${size} GB ${rate(disk)}`,
    };
  },
  google_compute_disk: (resource) => {
    const size = numberValue(resource, "size");
    const type = stringValue(resource, "type") ?? "pd-standard";
    const entry = listPrice("google", "gce-disk", type);
    if (size === undefined) return unknownSize("size", resource.value(["size"]));
    return entry ? sum([{ entry, quantity: size, what: `GB ${type}` }]) : unknownSize("type", type);
  },
  google_sql_database_instance: (resource) => {
    const tier = resource.value(["settings", "tier"]);
    const edition = stringValue(resource, "settings", "edition");
    if (edition === "ENTERPRISE_PLUS")
      return { kind: "unknown", why: "the price table has no Enterprise Plus edition" };
    const shape = typeof tier === "string" ? cloudSqlTier(tier) : undefined;
    if (!shape) return unknownSize("settings.tier", tier);
    const copies = stringValue(resource, "settings", "availability_type") === "REGIONAL" ? 2 : 1;
    const parts: { entry: PriceEntry; quantity?: number; what: string }[] = Array.isArray(shape)
      ? [{ entry: shape[0]!, quantity: copies, what: `Cloud SQL ${tier as string}` }]
      : [
          { entry: listPrice("google", "cloud-sql-vcpu")!, quantity: shape.vcpus * copies, what: "vCPU" },
          { entry: listPrice("google", "cloud-sql-memory")!, quantity: shape.gb * copies, what: "GB memory" },
        ];
    const disk = listPrice("google", "cloud-sql-storage", stringValue(resource, "settings", "disk_type") ?? "PD_SSD");
    const size = numberValue(resource, "settings", "disk_size") ?? 10;
    if (disk) parts.push({ entry: disk, quantity: size * copies, what: "GB storage" });
    return sum(parts);
  },
  google_container_cluster: (resource) =>
    resource.value(["enable_autopilot"]) === true
      ? sum([
          { entry: listPrice("google", "gke-control-plane")!, what: "GKE cluster fee (Autopilot pods billed by use)" },
        ])
      : sum([
          {
            entry: listPrice("google", "gke-control-plane")!,
            what: "GKE cluster fee (one zonal or Autopilot cluster per billing account gets a $74.40 credit)",
          },
        ]),
  google_container_node_pool: (resource) => {
    const type = resource.value(["node_config", "machine_type"]);
    const nodes = numberValue(resource, "node_count") ?? numberValue(resource, "initial_node_count");
    const entry = typeof type === "string" ? listPrice("google", "gce", type) : undefined;
    if (!entry) return unknownSize("node_config.machine_type", type);
    if (nodes === undefined) return { kind: "unknown", why: "node_count is not a literal" };
    return sum([{ entry, quantity: nodes, what: `Compute Engine ${type as string} (per zone of the pool)` }]);
  },
  google_redis_instance: (resource) => {
    const size = numberValue(resource, "memory_size_gb");
    const tier = stringValue(resource, "tier") ?? "BASIC";
    const entry = listPrice("google", "memorystore-m1", tier);
    if (size === undefined) return unknownSize("memory_size_gb", resource.value(["memory_size_gb"]));
    if (!entry || size > 4)
      return { kind: "unknown", why: `the price table holds Memorystore up to 4 GB (capacity tier M1) only` };
    return sum([{ entry, quantity: size, what: `GB Memorystore ${tier}` }]);
  },
  google_compute_forwarding_rule: fixed(
    "google",
    "forwarding-rule",
    "forwarding rule (first five; plus data processed)",
  ),
  google_compute_global_forwarding_rule: fixed(
    "google",
    "forwarding-rule",
    "forwarding rule (first five; plus data processed)",
  ),
};

const azureRules: Record<string, Rule> = {
  azurerm_linux_virtual_machine: hourlyBySize("azure", "vm", "size", "Linux VM"),
  azurerm_kubernetes_cluster: (resource) => {
    const tier = stringValue(resource, "sku_tier") ?? "Free";
    const plane = listPrice("azure", "aks-control-plane", tier);
    if (!plane) return unknownSize("sku_tier", tier);
    const size = resource.value(["default_node_pool", "vm_size"]);
    const nodes = numberValue(resource, "default_node_pool", "node_count");
    const vm = typeof size === "string" ? listPrice("azure", "vm", size) : undefined;
    if (!vm) return unknownSize("default_node_pool.vm_size", size);
    if (nodes === undefined) return { kind: "unknown", why: "default_node_pool.node_count is not a literal" };
    return sum([
      { entry: plane, what: `AKS ${tier} tier` },
      { entry: vm, quantity: nodes, what: `Linux VM ${size as string}` },
    ]);
  },
  azurerm_kubernetes_cluster_node_pool: (resource) => {
    const price = hourlyBySize("azure", "vm", "vm_size", "Linux VM")(resource);
    const nodes = numberValue(resource, "node_count");
    if (price.kind !== "priced") return price;
    if (nodes === undefined) return { kind: "unknown", why: "node_count is not a literal" };
    return { ...price, monthly: price.monthly * nodes, basis: `${nodes} × ${price.basis}` };
  },
  azurerm_nat_gateway: fixed("azure", "nat-gateway", "NAT gateway (plus $0.045/GB processed)"),
  azurerm_lb: (resource) => {
    const sku = stringValue(resource, "sku") ?? "Basic";
    const entry = listPrice("azure", "load-balancer", sku);
    return entry
      ? sum([{ entry, what: `${sku} load balancer (first five rules; plus data processed)` }])
      : unknownSize("sku", sku);
  },
  azurerm_mssql_database: (resource) => {
    const sku = resource.value(["sku_name"]);
    const entry = typeof sku === "string" ? listPrice("azure", "sql-database", sku) : undefined;
    return entry ? sum([{ entry, what: `Azure SQL Database ${sku as string}` }]) : unknownSize("sku_name", sku);
  },
  azurerm_servicebus_namespace: (resource) => {
    const sku = stringValue(resource, "sku") ?? "";
    if (sku === "Basic") return { kind: "usage", basis: "Basic: per million operations" };
    const entry = listPrice("azure", "service-bus", sku);
    return entry ? sum([{ entry, what: `Service Bus ${sku} base (plus operations)` }]) : unknownSize("sku", sku);
  },
};

const rules: Record<string, Rule> = { ...awsRules, ...googleRules, ...azureRules };
const usage = new Map(usagePriced.map((entry) => [entry.resourceType, entry]));

/** What a resource of a cloud provider costs a month by the table; undefined for other providers' resources (random, tls, github...). */
export function priceResource(resource: TerraformResource): ResourcePrice | undefined {
  if (!providerOf(resource.type)) return undefined;
  const rule = rules[resource.type];
  if (rule) return counted(resource, rule(resource));
  const billedByUse = usage.get(resource.type);
  if (billedByUse) return { kind: "usage", basis: `billed by use: ${billedByUse.basis}` };
  if (free.test(resource.type)) return { kind: "free" };
  return { kind: "unknown", why: "the price table does not hold this resource type" };
}

/** How the estimate is labelled: "list price, us-east-1, 2026-12-05", with the region the code names when it is another. */
export function estimateLabel(provider: Provider, namedRegion: string | undefined): string {
  const region = priceRegions[provider];
  const other =
    namedRegion && namedRegion !== region ? ` (the code names ${namedRegion}; the table holds ${region} only)` : "";
  return `list price, ${region}${other}, ${priceTableDate}`;
}

export { providerOf };

/** The resource types the table prices (by size, class or tier, or at one price), and those billed by use only: docs/cost-and-fit.md lists them. */
export const pricedResourceTypes: readonly string[] = [...Object.keys(rules), ...usage.keys()];
