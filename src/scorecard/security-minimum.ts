import { terraformResources, type TerraformResource } from "../text/terraform-resources.js";

type Stage = "survival" | "foundation" | "scale" | "optimize";

/**
 * What the repository's own files show of the security minimum beyond SECURITY.md, Dependabot
 * and branch protection: secret scanning, code scanning, pinned actions, least-privilege
 * `permissions:`, and in Terraform encryption at rest, backups, audit logs and public buckets.
 */
export interface SecurityEvidence {
  /** The workflow files (`.github/workflows/*.yml`), path and text; empty when there are none. */
  workflows: readonly { path: string; text: string }[];
  /** Configuration of a secret scanner (gitleaks, detect-secrets, trufflehog, GitHub's secret_scanning.yml). */
  secretScanningConfig: boolean;
  /** A Renovate config: dependency updates without Dependabot. */
  renovateConfig: boolean;
  /** The Terraform files read, path and text; empty when there are none. */
  terraform: readonly { path: string; text: string }[];
}

export interface MinimumItem {
  name: string;
  state: "present" | "missing" | "unknown";
  /** Which files or resources make it missing or unknown. */
  detail?: string;
}

const fromFoundation = (stage: Stage) => stage !== "survival";
const secretScanners = /gitleaks|trufflehog|detect-secrets|ggshield|secret[-_]?scan/i;
const codeScanners = /github\/codeql-action\/|semgrep|snyk\/actions|sonarsource|returntocorp/i;

/** `uses: owner/repo@ref` lines that name another repository's action (local `./` and `docker://` excluded). */
function externalUses(text: string): string[] {
  return [...text.matchAll(/^\s*-?\s*uses:\s*["']?([^\s"'#]+)/gm)]
    .map((match) => match[1]!)
    .filter((uses) => !uses.startsWith("./") && !uses.startsWith("docker://"));
}

/** A workflow sets `permissions:` at its top level, or in every job; `write-all` is not least privilege. */
function leastPrivilege(text: string): boolean {
  if (/^\s*permissions:\s*write-all\s*$/m.test(text)) return false;
  if (/^permissions:/m.test(text)) return true;
  const jobs = [...text.matchAll(/^ {2}[\w-]+:\s*$/gm)].length;
  const jobPermissions = [...text.matchAll(/^ {4}permissions:/gm)].length;
  return jobs > 0 && jobPermissions >= jobs;
}

const listed = (names: readonly string[]) =>
  names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} and ${names.length - 3} more`;

function workflowItems(evidence: SecurityEvidence, stage: Stage): MinimumItem[] {
  const texts = evidence.workflows.map((workflow) => workflow.text);
  const items: MinimumItem[] = [
    evidence.secretScanningConfig || texts.some((text) => secretScanners.test(text))
      ? { name: "secret scanning", state: "present" }
      : {
          name: "secret scanning",
          state: "unknown",
          detail: "no scanner configured here; GitHub's own setting is not readable",
        },
  ];
  if (!fromFoundation(stage)) return items;
  items.push(
    texts.some((text) => codeScanners.test(text))
      ? { name: "a code scanning workflow", state: "present" }
      : { name: "a code scanning workflow", state: "missing" },
  );
  if (evidence.workflows.length === 0) return items;
  const unpinned = evidence.workflows.flatMap((workflow) =>
    externalUses(workflow.text).filter((uses) => !/@[0-9a-f]{40}$/.test(uses)),
  );
  items.push(
    unpinned.length === 0
      ? { name: "actions pinned to a commit", state: "present" }
      : {
          name: "actions pinned to a commit",
          state: "missing",
          detail: `${unpinned.length} not pinned: ${listed([...new Set(unpinned)])}`,
        },
  );
  const broad = evidence.workflows
    .filter((workflow) => !leastPrivilege(workflow.text))
    .map((workflow) => workflow.path);
  items.push(
    broad.length === 0
      ? { name: "least-privilege permissions in workflows", state: "present" }
      : {
          name: "least-privilege permissions in workflows",
          state: "missing",
          detail: `no permissions: in ${listed(broad)}`,
        },
  );
  return items;
}

const databases = new Set(["aws_db_instance", "aws_rds_cluster", "google_sql_database_instance"]);
const encrypted: Readonly<Record<string, readonly string[]>> = {
  aws_db_instance: ["storage_encrypted"],
  aws_rds_cluster: ["storage_encrypted"],
  aws_ebs_volume: ["encrypted"],
  aws_efs_file_system: ["encrypted"],
  aws_elasticache_replication_group: ["at_rest_encryption_enabled"],
};

function backedUp(resource: TerraformResource): boolean {
  if (resource.type === "google_sql_database_instance")
    return resource.value(["settings", "backup_configuration", "enabled"]) === true;
  return resource.value(["backup_retention_period"]) !== 0;
}

function isPublic(resource: TerraformResource): boolean {
  const acl = resource.value(["acl"]);
  if (acl === "public-read" || acl === "public-read-write") return true;
  if (resource.type === "aws_s3_bucket_public_access_block")
    return ["block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"].some(
      (name) => resource.value([name]) === false,
    );
  const member = resource.value(["member"]);
  if (/^google_storage_bucket_iam/.test(resource.type) && typeof member === "string")
    return /^all(Authenticated)?Users$/.test(member);
  return (
    resource.type === "azurerm_storage_container" &&
    ["blob", "container"].includes(String(resource.value(["container_access_type"])))
  );
}

/** One item from the resources it concerns: present when all pass, missing (naming those that fail), absent without any. */
function judged(
  name: string,
  resources: readonly TerraformResource[],
  passes: (resource: TerraformResource) => boolean,
): MinimumItem[] {
  if (resources.length === 0) return [];
  const failing = resources.filter((resource) => !passes(resource)).map((resource) => resource.address);
  return [failing.length === 0 ? { name, state: "present" } : { name, state: "missing", detail: listed(failing) }];
}

function infrastructureItems(evidence: SecurityEvidence, stage: Stage): MinimumItem[] {
  const resources = evidence.terraform.flatMap((file) => terraformResources(file.path, file.text).resources);
  if (resources.length === 0) return [];
  const buckets = resources.filter((resource) => /s3_bucket|storage_bucket|storage_container/.test(resource.type));
  const items = [
    ...judged(
      "automated backups",
      resources.filter((resource) => databases.has(resource.type)),
      backedUp,
    ),
    ...judged(
      "encryption at rest",
      resources.filter((resource) => encrypted[resource.type]),
      (resource) => encrypted[resource.type]!.every((attribute) => resource.value([attribute]) === true),
    ),
    ...judged("no public buckets", buckets, (resource) => !isPublic(resource)),
  ];
  if (fromFoundation(stage) && resources.some((resource) => resource.type.startsWith("aws_"))) {
    const trails = resources.filter((resource) => resource.type === "aws_cloudtrail");
    items.push(
      trails.length === 0
        ? {
            name: "audit logs",
            state: "unknown",
            detail: "no CloudTrail in the Terraform read (an organisation trail may cover it)",
          }
        : judged("audit logs", trails, (trail) => trail.value(["enable_logging"]) !== false)[0]!,
    );
  }
  return items;
}

/** The items of the stage's minimum the repository's files can show, each present, missing or unknown. */
export function securityMinimumItems(evidence: SecurityEvidence, stage: Stage): MinimumItem[] {
  return [...workflowItems(evidence, stage), ...infrastructureItems(evidence, stage)];
}
