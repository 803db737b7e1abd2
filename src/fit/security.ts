import type { HclValue, TerraformResource } from "../text/terraform-resources.js";

/** An item of the security minimum that infrastructure code can keep or remove. */
type SecurityItem =
  "automated backups" | "point-in-time recovery" | "encryption at rest" | "no public buckets" | "audit logs";

interface Protection {
  types: readonly string[];
  path: readonly string[];
  item: SecurityItem;
  /** True when this value leaves the item off; `was` is the previous version's value (undefined for a new resource). */
  off: (value: HclValue | undefined, was: HclValue | undefined) => boolean;
  /** What the change does, for the concern: "turns off automated backups (backup_retention_period = 0)". */
  says: string;
}

/** An attribute whose absence is off (the provider's default): dropping `storage_encrypted = true` turns it off. */
const droppedOrFalse = (value: HclValue | undefined, was: HclValue | undefined) =>
  value === false || (value === undefined && was === true);
const publicAcl = (value: HclValue | undefined) => value === "public-read" || value === "public-read-write";
const publicMember = (value: HclValue | undefined) =>
  (typeof value === "string" && /^all(Authenticated)?Users$/.test(value)) ||
  (typeof value === "object" && /"all(Authenticated)?Users"/.test(value.expression));

const protections: readonly Protection[] = [
  {
    types: ["aws_db_instance", "aws_rds_cluster", "aws_docdb_cluster", "aws_neptune_cluster"],
    path: ["backup_retention_period"],
    item: "automated backups",
    off: (value) => value === 0,
    says: "turns off automated backups (backup_retention_period = 0)",
  },
  {
    types: ["google_sql_database_instance"],
    path: ["settings", "backup_configuration", "enabled"],
    item: "automated backups",
    off: (value, was) => droppedOrFalse(value, was),
    says: "turns off automated backups (backup_configuration.enabled)",
  },
  {
    types: ["google_sql_database_instance"],
    path: ["settings", "backup_configuration", "point_in_time_recovery_enabled"],
    item: "point-in-time recovery",
    off: droppedOrFalse,
    says: "turns off point-in-time recovery",
  },
  {
    types: ["aws_dynamodb_table"],
    path: ["point_in_time_recovery", "enabled"],
    item: "point-in-time recovery",
    off: droppedOrFalse,
    says: "turns off point-in-time recovery",
  },
  {
    types: ["aws_db_instance", "aws_rds_cluster"],
    path: ["storage_encrypted"],
    item: "encryption at rest",
    off: droppedOrFalse,
    says: "drops encryption at rest (storage_encrypted)",
  },
  {
    types: ["aws_ebs_volume", "aws_efs_file_system"],
    path: ["encrypted"],
    item: "encryption at rest",
    off: droppedOrFalse,
    says: "drops encryption at rest (encrypted)",
  },
  {
    types: ["aws_elasticache_replication_group"],
    path: ["at_rest_encryption_enabled"],
    item: "encryption at rest",
    off: droppedOrFalse,
    says: "drops encryption at rest (at_rest_encryption_enabled)",
  },
  {
    types: ["aws_s3_bucket", "aws_s3_bucket_acl"],
    path: ["acl"],
    item: "no public buckets",
    off: publicAcl,
    says: "makes a bucket public (acl)",
  },
  ...["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"].map(
    (attribute): Protection => ({
      types: ["aws_s3_bucket_public_access_block", "aws_s3_account_public_access_block"],
      path: [attribute],
      item: "no public buckets",
      off: (value, was) => value === false && was !== false,
      says: `lets a bucket be public (${attribute} = false)`,
    }),
  ),
  {
    types: ["google_storage_bucket_iam_member", "google_storage_bucket_iam_binding"],
    path: ["member"],
    item: "no public buckets",
    off: publicMember,
    says: "makes a bucket public (allUsers)",
  },
  {
    types: ["google_storage_bucket_iam_binding"],
    path: ["members"],
    item: "no public buckets",
    off: publicMember,
    says: "makes a bucket public (allUsers)",
  },
  {
    types: ["azurerm_storage_account"],
    path: ["allow_nested_items_to_be_public"],
    item: "no public buckets",
    off: (value) => value === true,
    says: "lets the storage account's containers be public",
  },
  {
    types: ["azurerm_storage_container"],
    path: ["container_access_type"],
    item: "no public buckets",
    off: (value) => value === "blob" || value === "container",
    says: "makes a storage container public",
  },
  {
    types: ["aws_cloudtrail"],
    path: ["enable_logging"],
    item: "audit logs",
    off: (value) => value === false,
    says: "turns off audit logs (enable_logging = false)",
  },
];

/** Resources whose removal removes an item: the public access block, the audit trail. */
const removalRemoves: Readonly<Record<string, { item: SecurityItem; says: string }>> = {
  aws_s3_bucket_public_access_block: { item: "no public buckets", says: "removes a bucket's public access block" },
  aws_s3_account_public_access_block: { item: "no public buckets", says: "removes the account's public access block" },
  aws_cloudtrail: { item: "audit logs", says: "removes an audit trail (CloudTrail)" },
  google_project_iam_audit_config: { item: "audit logs", says: "removes the project's audit log config" },
};

export interface SecurityRemoval {
  file: string;
  resource: string;
  item: SecurityItem;
  says: string;
}

/** What the change removes from the security minimum, for one resource's two versions (either may be absent). */
export function securityRemovals(
  before: TerraformResource | undefined,
  after: TerraformResource | undefined,
): SecurityRemoval[] {
  if (!after) {
    const removal = before ? removalRemoves[before.type] : undefined;
    return removal && before ? [{ file: before.file, resource: before.address, ...removal }] : [];
  }
  return protections
    .filter((protection) => protection.types.includes(after.type))
    .filter((protection) => {
      const was = before?.value(protection.path);
      return protection.off(after.value(protection.path), was) && !(before && protection.off(was, undefined));
    })
    .map((protection) => ({ file: after.file, resource: after.address, item: protection.item, says: protection.says }));
}
