/**
 * The list prices the offline estimate uses: on-demand, pay-as-you-go prices in USD, in one
 * region per provider, each entry with the official pricing page it comes from and the date it
 * was taken. A resource this table does not price is reported as unknown, never guessed; a
 * resource billed only by use (requests, gigabytes stored) is said to be so, at $0 fixed.
 * docs/cost-and-fit.md lists what the table covers and how to correct or extend it.
 */

export type Provider = "aws" | "google" | "azure";

/** The one region each provider's prices are taken in. */
export const priceRegions: Record<Provider, string> = { aws: "us-east-1", google: "us-central1", azure: "eastus" };

/** The day the prices below were taken from the pages named. */
export const priceTableDate = "2026-12-05";

/** Hours in a month, as the providers' own monthly figures count them. */
export const hoursPerMonth = 730;

type PriceUnit = "hour" | "month" | "gb-month" | "gb-hour" | "vcpu-hour";

export interface PriceEntry {
  provider: Provider;
  /** What is priced: `ec2`, `rds-postgres`, `nat-gateway`... (the estimate's rules name these). */
  product: string;
  /** The size, class or tier as Terraform names it (`t3.micro`, `db.t3.micro`, `Standard_B2s`); `*` for one price. */
  size: string;
  usd: number;
  per: PriceUnit;
  source: string;
  date: string;
}

const pages = {
  ec2: "https://aws.amazon.com/ec2/pricing/on-demand/",
  rdsPostgres: "https://aws.amazon.com/rds/postgresql/pricing/",
  rdsMysql: "https://aws.amazon.com/rds/mysql/pricing/",
  vpc: "https://aws.amazon.com/vpc/pricing/",
  elb: "https://aws.amazon.com/elasticloadbalancing/pricing/",
  eks: "https://aws.amazon.com/eks/pricing/",
  elasticache: "https://aws.amazon.com/elasticache/pricing/",
  ebs: "https://aws.amazon.com/ebs/pricing/",
  kms: "https://aws.amazon.com/kms/pricing/",
  secrets: "https://aws.amazon.com/secrets-manager/pricing/",
  msk: "https://aws.amazon.com/msk/pricing/",
  route53: "https://aws.amazon.com/route53/pricing/",
  dynamodb: "https://aws.amazon.com/dynamodb/pricing/provisioned/",
  gce: "https://cloud.google.com/compute/vm-instance-pricing",
  gceDisks: "https://cloud.google.com/compute/disks-image-pricing",
  cloudSql: "https://cloud.google.com/sql/pricing",
  gke: "https://cloud.google.com/kubernetes-engine/pricing",
  memorystore: "https://cloud.google.com/memorystore/docs/redis/pricing",
  gcpNetwork: "https://cloud.google.com/vpc/network-pricing",
  azureVms: "https://azure.microsoft.com/en-us/pricing/details/virtual-machines/linux/",
  aks: "https://azure.microsoft.com/en-us/pricing/details/kubernetes-service/",
  azureNat: "https://azure.microsoft.com/en-us/pricing/details/azure-nat-gateway/",
  azureLb: "https://azure.microsoft.com/en-us/pricing/details/load-balancer/",
  azureSql: "https://azure.microsoft.com/en-us/pricing/details/azure-sql-database/single/",
  serviceBus: "https://azure.microsoft.com/en-us/pricing/details/service-bus/",
} as const;

/** Rows of one product from one page: `[size, usd]`. */
function rows(
  provider: Provider,
  product: string,
  per: PriceUnit,
  source: string,
  prices: readonly (readonly [string, number])[],
): PriceEntry[] {
  return prices.map(([size, usd]) => ({ provider, product, size, usd, per, source, date: priceTableDate }));
}

export const priceTable: readonly PriceEntry[] = [
  // Amazon EC2, Linux on-demand, us-east-1.
  ...rows("aws", "ec2", "hour", pages.ec2, [
    ["t2.micro", 0.0116],
    ["t2.small", 0.023],
    ["t2.medium", 0.0464],
    ["t3.nano", 0.0052],
    ["t3.micro", 0.0104],
    ["t3.small", 0.0208],
    ["t3.medium", 0.0416],
    ["t3.large", 0.0832],
    ["t3.xlarge", 0.1664],
    ["t3.2xlarge", 0.3328],
    ["t3a.micro", 0.0094],
    ["t3a.small", 0.0188],
    ["t3a.medium", 0.0376],
    ["t3a.large", 0.0752],
    ["t4g.micro", 0.0084],
    ["t4g.small", 0.0168],
    ["t4g.medium", 0.0336],
    ["t4g.large", 0.0672],
    ["m5.large", 0.096],
    ["m5.xlarge", 0.192],
    ["m5.2xlarge", 0.384],
    ["m5.4xlarge", 0.768],
    ["m6i.large", 0.096],
    ["m6i.xlarge", 0.192],
    ["m6i.2xlarge", 0.384],
    ["m6g.large", 0.077],
    ["m6g.xlarge", 0.154],
    ["c5.large", 0.085],
    ["c5.xlarge", 0.17],
    ["c5.2xlarge", 0.34],
    ["c6i.large", 0.085],
    ["c6i.xlarge", 0.17],
    ["c6g.large", 0.068],
    ["r5.large", 0.126],
    ["r5.xlarge", 0.252],
    ["r6i.large", 0.126],
    ["r6g.large", 0.1008],
  ]),
  // Amazon RDS, single-AZ on-demand (Multi-AZ is twice the price), us-east-1.
  ...rows("aws", "rds-postgres", "hour", pages.rdsPostgres, [
    ["db.t3.micro", 0.018],
    ["db.t3.small", 0.036],
    ["db.t3.medium", 0.072],
    ["db.t3.large", 0.145],
    ["db.t4g.micro", 0.016],
    ["db.t4g.small", 0.032],
    ["db.t4g.medium", 0.065],
    ["db.t4g.large", 0.129],
    ["db.m5.large", 0.178],
    ["db.m5.xlarge", 0.356],
    ["db.m6g.large", 0.159],
    ["db.r5.large", 0.25],
    ["db.r5.xlarge", 0.5],
    ["db.r6g.large", 0.225],
  ]),
  ...rows("aws", "rds-postgres-storage", "gb-month", pages.rdsPostgres, [
    ["gp2", 0.115],
    ["gp3", 0.115],
    ["io1", 0.125],
  ]),
  ...rows("aws", "rds-mysql", "hour", pages.rdsMysql, [
    ["db.t3.micro", 0.017],
    ["db.t3.small", 0.034],
    ["db.t3.medium", 0.068],
    ["db.t3.large", 0.136],
    ["db.t4g.micro", 0.016],
    ["db.t4g.small", 0.032],
    ["db.t4g.medium", 0.065],
    ["db.t4g.large", 0.129],
    ["db.m5.large", 0.171],
    ["db.m5.xlarge", 0.342],
    ["db.m6g.large", 0.152],
    ["db.r5.large", 0.24],
    ["db.r5.xlarge", 0.48],
    ["db.r6g.large", 0.215],
  ]),
  ...rows("aws", "rds-mysql-storage", "gb-month", pages.rdsMysql, [
    ["gp2", 0.115],
    ["gp3", 0.115],
    ["io1", 0.125],
  ]),
  ...rows("aws", "nat-gateway", "hour", pages.vpc, [["*", 0.045]]),
  ...rows("aws", "public-ipv4", "hour", pages.vpc, [["*", 0.005]]),
  ...rows("aws", "load-balancer", "hour", pages.elb, [
    ["application", 0.0225],
    ["network", 0.0225],
    ["gateway", 0.0125],
    ["classic", 0.025],
  ]),
  ...rows("aws", "eks-control-plane", "hour", pages.eks, [["*", 0.1]]),
  // Amazon ElastiCache (Redis OSS, Memcached), on-demand nodes.
  ...rows("aws", "elasticache", "hour", pages.elasticache, [
    ["cache.t3.micro", 0.017],
    ["cache.t3.small", 0.034],
    ["cache.t3.medium", 0.068],
    ["cache.t4g.micro", 0.016],
    ["cache.t4g.small", 0.032],
    ["cache.t4g.medium", 0.065],
    ["cache.m5.large", 0.156],
    ["cache.m6g.large", 0.149],
    ["cache.r5.large", 0.216],
    ["cache.r6g.large", 0.206],
  ]),
  ...rows("aws", "ebs", "gb-month", pages.ebs, [
    ["gp3", 0.08],
    ["gp2", 0.1],
    ["io1", 0.125],
    ["st1", 0.045],
    ["sc1", 0.015],
  ]),
  ...rows("aws", "kms-key", "month", pages.kms, [["*", 1]]),
  ...rows("aws", "secret", "month", pages.secrets, [["*", 0.4]]),
  ...rows("aws", "route53-zone", "month", pages.route53, [["*", 0.5]]),
  ...rows("aws", "msk-broker", "hour", pages.msk, [
    ["kafka.t3.small", 0.0456],
    ["kafka.m5.large", 0.21],
  ]),
  // DynamoDB provisioned capacity: per capacity unit and hour.
  ...rows("aws", "dynamodb-capacity", "hour", pages.dynamodb, [
    ["read", 0.00013],
    ["write", 0.00065],
  ]),
  // Google Compute Engine, on-demand, us-central1.
  ...rows("google", "gce", "hour", pages.gce, [
    ["e2-micro", 0.00838],
    ["e2-small", 0.016751],
    ["e2-medium", 0.033503],
    ["e2-standard-2", 0.067006],
    ["e2-standard-4", 0.134012],
    ["e2-standard-8", 0.268024],
    ["n1-standard-1", 0.0475],
    ["n1-standard-2", 0.095],
    ["n1-standard-4", 0.19],
    ["n2-standard-2", 0.097118],
    ["n2-standard-4", 0.194236],
  ]),
  ...rows("google", "gce-disk", "gb-month", pages.gceDisks, [
    ["pd-standard", 0.04],
    ["pd-balanced", 0.1],
    ["pd-ssd", 0.17],
  ]),
  // Cloud SQL (Enterprise edition): shared-core tiers, and custom tiers by vCPU and memory.
  ...rows("google", "cloud-sql", "hour", pages.cloudSql, [
    ["db-f1-micro", 0.0105],
    ["db-g1-small", 0.035],
  ]),
  ...rows("google", "cloud-sql-vcpu", "vcpu-hour", pages.cloudSql, [["*", 0.0413]]),
  ...rows("google", "cloud-sql-memory", "gb-hour", pages.cloudSql, [["*", 0.007]]),
  ...rows("google", "cloud-sql-storage", "gb-month", pages.cloudSql, [
    ["PD_SSD", 0.17],
    ["PD_HDD", 0.09],
  ]),
  ...rows("google", "gke-control-plane", "hour", pages.gke, [["*", 0.1]]),
  // Memorystore for Redis, capacity tier M1 (1-4 GB), per GB and hour.
  ...rows("google", "memorystore-m1", "gb-hour", pages.memorystore, [
    ["BASIC", 0.049],
    ["STANDARD_HA", 0.064],
  ]),
  ...rows("google", "forwarding-rule", "hour", pages.gcpNetwork, [["*", 0.025]]),
  // Azure Linux virtual machines, pay as you go, East US.
  ...rows("azure", "vm", "hour", pages.azureVms, [
    ["Standard_B1s", 0.0104],
    ["Standard_B1ms", 0.0207],
    ["Standard_B2s", 0.0416],
    ["Standard_B2ms", 0.0832],
    ["Standard_D2s_v3", 0.096],
    ["Standard_D4s_v3", 0.192],
    ["Standard_D2s_v5", 0.096],
    ["Standard_D4s_v5", 0.192],
  ]),
  ...rows("azure", "aks-control-plane", "hour", pages.aks, [
    ["Free", 0],
    ["Standard", 0.1],
    ["Premium", 0.6],
  ]),
  ...rows("azure", "nat-gateway", "hour", pages.azureNat, [["*", 0.045]]),
  ...rows("azure", "load-balancer", "hour", pages.azureLb, [["Standard", 0.025]]),
  // Azure SQL Database, single database, DTU purchasing model.
  ...rows("azure", "sql-database", "month", pages.azureSql, [
    ["Basic", 4.8971],
    ["S0", 14.7192],
    ["S1", 29.4384],
    ["S2", 73.596],
    ["S3", 147.192],
  ]),
  ...rows("azure", "service-bus", "hour", pages.serviceBus, [["Standard", 0.0135]]),
];

/** Resources billed by use only (requests, messages, gigabytes stored or sent): no fixed monthly price. */
export const usagePriced: readonly { resourceType: string; basis: string; source: string; date: string }[] = [
  ["aws_s3_bucket", "per GB stored and per request", "https://aws.amazon.com/s3/pricing/"],
  ["aws_sqs_queue", "per million requests", "https://aws.amazon.com/sqs/pricing/"],
  ["aws_sns_topic", "per million requests and per delivery", "https://aws.amazon.com/sns/pricing/"],
  ["aws_lambda_function", "per request and per GB-second", "https://aws.amazon.com/lambda/pricing/"],
  ["aws_cloudwatch_log_group", "per GB ingested and stored", "https://aws.amazon.com/cloudwatch/pricing/"],
  ["aws_ecr_repository", "per GB stored", "https://aws.amazon.com/ecr/pricing/"],
  ["aws_cloudfront_distribution", "per GB sent and per request", "https://aws.amazon.com/cloudfront/pricing/"],
  ["google_storage_bucket", "per GB stored and per operation", "https://cloud.google.com/storage/pricing"],
  ["google_pubsub_topic", "per TiB of messages", "https://cloud.google.com/pubsub/pricing"],
  ["google_pubsub_subscription", "per TiB of messages", "https://cloud.google.com/pubsub/pricing"],
  ["google_cloud_run_service", "per vCPU-second, GiB-second and request", "https://cloud.google.com/run/pricing"],
  ["google_cloud_run_v2_service", "per vCPU-second, GiB-second and request", "https://cloud.google.com/run/pricing"],
  ["google_cloudfunctions_function", "per invocation and compute time", "https://cloud.google.com/functions/pricing"],
  [
    "azurerm_storage_account",
    "per GB stored and per operation",
    "https://azure.microsoft.com/en-us/pricing/details/storage/blobs/",
  ],
  [
    "azurerm_function_app",
    "per execution and GB-second (consumption plan)",
    "https://azure.microsoft.com/en-us/pricing/details/functions/",
  ],
].map(([resourceType, basis, source]) => ({
  resourceType: resourceType!,
  basis: basis!,
  source: source!,
  date: priceTableDate,
}));

const byKey = new Map(priceTable.map((entry) => [`${entry.provider}/${entry.product}/${entry.size}`, entry]));

/** The entry for a product and size (`*` for a product of one price), or undefined when the table does not hold it. */
export function listPrice(provider: Provider, product: string, size = "*"): PriceEntry | undefined {
  return byKey.get(`${provider}/${product}/${size}`);
}
